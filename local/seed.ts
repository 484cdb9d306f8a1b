import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { Actor } from '@ltx/shared/domain/roles';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildServices } from '../functions/src/context';
import { healthConsentTerms } from '@ltx/shared/domain/consent';
import { demoBranches, demoCareCard, demoMembers, demoOrg, demoOrg2, demoRoot, demoUsers } from './demo-data';

/**
 * Seeds the demo organisation once (skipped when it finished before). The top organisation is written as
 * `npm run admin -- bootstrap` writes one; the organisations under it, the branches and the members go through
 * the real services (OrgService, MemberService) as the city's administrator and the secretaries, so that paths,
 * counters and the audit trail are exactly what the product writes. The demo people are written directly:
 * they stand for staff who bound their invites.
 */
export async function seedDemoData(db: DynamoDBDocumentClient, table: string, clock: Clock = systemClock): Promise<'seeded' | 'present'> {
  const services = buildServices({ db, tableName: table, clock });
  const { orgs, users, members } = services.repositories;
  // The demo accounts are written last: their presence means the whole seed finished.
  if ((await users.listDemoAccounts()).length > 0) return 'present';
  const service = services.members;
  const now = clock.now().toISOString();

  const cityAdmin = demoUsers.find((u) => u.role === 'admin' && u.orgId === demoRoot.id)!;
  const asCityAdmin: Actor = { userId: cityAdmin.userId, role: 'admin', orgId: demoRoot.id };
  if (!(await orgs.getOrg(demoRoot.id))) await orgs.putOrg(demoRoot);
  for (const org of [demoOrg, demoOrg2]) {
    if (!(await orgs.getOrg(org.id))) await services.orgs.createChild(asCityAdmin, demoRoot.id, { name: org.name, kind: org.kind }, org.id);
  }
  for (const branch of demoBranches) {
    if (!(await orgs.getBranch(branch.id))) await services.orgs.createBranch(asCityAdmin, branch.orgId, { name: branch.name }, branch.id);
    if (branch.secretaryName) await orgs.setSecretaryName(branch.id, branch.secretaryName);
  }
  for (const u of demoUsers.filter((u) => !u.memberKey)) {
    await users.putUser({ id: u.userId, role: u.role, displayName: u.displayName, orgId: u.orgId ?? demoOrg.id, ...(u.branchId ? { branchId: u.branchId } : {}), createdAt: now });
  }
  const contact = demoUsers.find((u) => u.role === 'contact')!;
  const memberIds = new Map<string, string>();
  for (const m of demoMembers) {
    const secretary = demoUsers.find((u) => u.role === 'secretary' && u.branchId === m.branchId)!;
    const actor: Actor = { userId: secretary.userId, role: 'secretary', orgId: demoOrg.id, branchId: m.branchId };
    const { sensitive, ...input } = m.input;
    const created = await service.create(actor, m.branchId, { ...input, ...(m.contact ? { contactUserId: contact.userId } : {}) });
    memberIds.set(m.key, created.id);
    if (sensitive) {
      // As in the app: the member agrees first (in the demo, as themselves), then the secretary fills in their health profile.
      const self: Actor = { userId: `seed-${m.key}`, role: 'member', orgId: demoOrg.id, branchId: m.branchId, memberId: created.id };
      await services.consents.give(self, created.id, { termsVersion: healthConsentTerms.version });
      await service.update(actor, created.id, { expectedVersion: created.version + 1, sensitive });
    }
  }
  for (const u of demoUsers.filter((u) => u.memberKey)) {
    const memberId = memberIds.get(u.memberKey!)!;
    await users.putUser({ id: u.userId, role: u.role, displayName: u.displayName, orgId: demoOrg.id, branchId: u.branchId, memberId, createdAt: now });
    await members.markBound(memberId);
  }
  const cardHolder = demoUsers.find((u) => u.account === demoCareCard.account)!;
  await services.careCards.save(
    { userId: cardHolder.userId, role: cardHolder.role, orgId: demoOrg.id, branchId: cardHolder.branchId, memberId: memberIds.get(demoCareCard.memberKey)! } as Actor,
    memberIds.get(demoCareCard.memberKey)!, demoCareCard.input,
  );
  for (const [order, u] of demoUsers.entries()) await users.putDemoAccount({ order, account: u.account, label: u.label, role: u.role, userId: u.userId });
  return 'seeded';
}
