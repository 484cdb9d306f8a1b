import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { Actor } from '@ltx/shared/domain/roles';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildServices } from '../functions/src/context';
import { demoBranches, demoMembers, demoOrg, demoOrg2, demoRoot, demoUsers } from './demo-data';

/**
 * Seeds the demo organisation once (skipped when it exists). Members go through the real
 * MemberService so that counters and the audit trail are exactly what the product writes.
 */
export async function seedDemoData(db: DynamoDBDocumentClient, table: string, clock: Clock = systemClock): Promise<'seeded' | 'present'> {
  const services = buildServices({ db, tableName: table, clock });
  const { orgs, users, members } = services.repositories;
  if (await orgs.getOrg(demoOrg.id)) return 'present';
  const service = services.members;
  const now = clock.now().toISOString();

  await orgs.putOrg(demoRoot);
  await orgs.putOrg(demoOrg2);
  for (const branch of demoBranches) await orgs.putBranch(branch);
  for (const u of demoUsers.filter((u) => !u.memberKey)) {
    await users.putUser({ id: u.userId, role: u.role, displayName: u.displayName, orgId: u.orgId ?? demoOrg.id, ...(u.branchId ? { branchId: u.branchId } : {}), createdAt: now });
  }
  const contact = demoUsers.find((u) => u.role === 'contact')!;
  const memberIds = new Map<string, string>();
  for (const m of demoMembers) {
    const secretary = demoUsers.find((u) => u.role === 'secretary' && u.branchId === m.branchId)!;
    const actor: Actor = { userId: secretary.userId, role: 'secretary', orgId: demoOrg.id, branchId: m.branchId };
    const created = await service.create(actor, m.branchId, { ...m.input, ...(m.contact ? { contactUserId: contact.userId } : {}) });
    memberIds.set(m.key, created.id);
  }
  for (const u of demoUsers.filter((u) => u.memberKey)) {
    const memberId = memberIds.get(u.memberKey!)!;
    await users.putUser({ id: u.userId, role: u.role, displayName: u.displayName, orgId: demoOrg.id, branchId: u.branchId, memberId, createdAt: now });
    await members.markBound(memberId);
  }
  for (const [order, u] of demoUsers.entries()) await users.putDemoAccount({ order, account: u.account, label: u.label, role: u.role, userId: u.userId });
  // Written last: its presence means the whole seed finished.
  await orgs.putOrg(demoOrg);
  return 'seeded';
}
