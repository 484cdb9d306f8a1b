import { ConflictError, NotFoundError, ValidationError } from '@ltx/shared/domain/errors';
import { deletedMemberName, deletedProxyName, deletionRef, deletionRefusal } from '@ltx/shared/domain/member-deletion';
import type { Actor } from '@ltx/shared/domain/roles';
import type { MemberDeleteInput, MemberDetail } from '@ltx/shared/schemas/member';
import { chinaDay } from '@ltx/shared/time/china-day';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberErasureRepository, ErasureTarget } from '../repositories/member-erasure-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { MemberRecord, UserRecord } from '../repositories/records';
import type { UploadRepository } from '../repositories/upload-repository';
import type { UserRepository } from '../repositories/user-repository';
import type { UploadStore } from '../uploads/upload-store';
import { keys } from '../db/keys';
import { authorize } from './authorize';
import { memberResource, toDetail } from './member-views';
import { placed } from './places';

export interface MemberErasureDeps {
  members: Pick<MemberRepository, 'get' | 'listByBranch'>;
  erasure: MemberErasureRepository;
  orgs: OrgRepository;
  users: Pick<UserRepository, 'listByBranchRole'>;
  uploads: Pick<UploadRepository, 'get'>;
  files: Pick<UploadStore, 'remove'>;
  audit: AuditRepository;
  clock?: Clock;
}

const unknownHealth = 'unknown';

/**
 * An administrator deletes a departed member entirely (PIPL Art. 47; rule and words in
 * shared/src/domain/member-deletion.ts). The ledgers stay whole and keep an anonymised reference:
 *
 * 1. every copy of the member's name beside their record becomes `已删除的党员（3807号）` (sessions, 送学上门,
 *    transfers, messages, the audit trail: repositories/member-erasure-repository.ts lists them), in each
 *    branch the member belonged to; reminders still waiting are deleted;
 * 2. their accounts and their proxies' are withdrawn at once and lose their names and WeChat ids;
 * 3. consent history, health read log, pending corrections and the photo of a signed consent form are deleted;
 * 4. last, their own record becomes the anonymous one (`erased`), which is what makes the deletion done.
 *
 * Until step 4 the member is still found by their record, so a deletion interrupted anywhere is finished by
 * asking again (each step is idempotent); asking again after it answers the same anonymous record.
 */
export class MemberErasureService {
  private readonly clock: Clock;

  constructor(private readonly deps: MemberErasureDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  async delete(actor: Actor, memberId: string, input: MemberDeleteInput): Promise<MemberDetail> {
    const member = await this.deps.members.get(memberId, { withSensitive: true });
    if (!member) throw new NotFoundError();
    authorize(actor, 'member.delete', await placed(this.deps.orgs, memberResource(member)));
    const now = this.clock.now();
    if (member.erased) return toDetail(member, actor, now);
    const refusal = deletionRefusal(member, chinaDay(now.toISOString()));
    if (refusal) throw new ValidationError([{ path: 'memberId', message: refusal }]);
    if (member.version !== input.expectedVersion) throw new ConflictError();

    const at = now.toISOString();
    const ref = deletionRef(member.id);
    const partition = await this.deps.erasure.partition(member.id);
    const branchIds = [...new Set([member.branchId, ...partition.former.map((f) => f.branchId)])];
    const accounts = (await Promise.all(branchIds.flatMap((b) => (['member', 'proxy'] as const).map((role) => this.deps.users.listByBranchRole(b, role)))))
      .flat()
      .filter((u) => u.memberId === member.id);
    const target = await this.target(member, ref, branchIds, accounts);

    for (const branchId of branchIds) {
      await this.deps.erasure.renameInSessions(branchId, target);
      for (const id of await this.deps.erasure.renameInVisits(branchId, target)) target.targetIds.add(id);
      for (const id of await this.deps.erasure.renameInTransfers(branchId, target)) target.targetIds.add(id);
      await this.deps.erasure.deleteReminders(branchId, member.id);
    }
    // The branches' trails, and their organisations' (a message to the administrators is audited there).
    const scopes = new Set([...branchIds, member.orgId, ...partition.former.map((f) => f.orgId)]);
    for (const scope of scopes) await this.deps.erasure.renameInAudit(scope, target);
    await this.deps.erasure.renameFeedbackSenders(target);
    await this.deps.erasure.retireAccounts(accounts, (u) => (u.role === 'proxy' ? target.anonymisedProxyName : target.anonymisedName), at, actor.userId);
    await this.deletePaperForms(partition.consents.map((c) => c.paperFormUploadId).concat(member.healthConsent?.paperFormUploadId));
    await this.deps.erasure.deleteItems(partition.erasable);
    for (const former of partition.former) await this.deps.erasure.putFormer(anonymous(former, ref, at, actor.userId, input.reason));

    const next = { ...anonymous(member, ref, at, actor.userId, input.reason), version: member.version + 1, updatedAt: at, updatedBy: actor.userId };
    if ((await this.deps.erasure.replaceMember(next, member.version)) === 'conflict') throw new ConflictError();
    const before = member.sensitive?.healthClass ?? unknownHealth;
    if (before !== unknownHealth) await this.deps.orgs.adjustCountsOnce(member.branchId, { healthClass: { [before]: -1, [unknownHealth]: 1 } }, `delete:${member.id}`);
    await this.deps.audit.append(member.branchId, {
      at, actorUserId: actor.userId, actorRole: actor.role, action: 'member.delete', targetType: 'member', targetId: member.id,
      memberName: target.anonymisedName, deletion: { reason: input.reason },
    });
    return toDetail(next, actor, now);
  }

  /** How the trail names the member: by their name unless another member of these branches has the same one (then by ids only). */
  private async target(member: MemberRecord, ref: string, branchIds: string[], accounts: UserRecord[]): Promise<ErasureTarget> {
    const others = (await Promise.all(branchIds.map((b) => this.deps.members.listByBranch(b)))).flat().filter((m) => m.id !== member.id);
    const shared = others.some((m) => m.name === member.name);
    return {
      memberId: member.id,
      anonymisedName: deletedMemberName(ref),
      anonymisedProxyName: deletedProxyName(ref),
      names: new Set(shared ? [] : [member.name]),
      memberUserIds: new Set(accounts.filter((u) => u.role === 'member').map((u) => u.id)),
      proxyUserIds: new Set(accounts.filter((u) => u.role === 'proxy').map((u) => u.id)),
      targetIds: new Set([member.id]),
    };
  }

  /** The photos of signed consent forms: the file and its upload record (the signature is the member's). */
  private async deletePaperForms(uploadIds: (string | undefined)[]): Promise<void> {
    for (const uploadId of new Set(uploadIds.filter((id): id is string => !!id))) {
      const upload = await this.deps.uploads.get(uploadId);
      if (upload) await this.deps.files.remove(upload.key);
      await this.deps.erasure.deleteItems([keys.upload(uploadId)]);
    }
  }
}

/**
 * The member's record with nothing personal left: the anonymised name, the birth year only (the roll of past
 * years needs no more), the party and branch dates the past ledgers count by, the departure without its note.
 */
function anonymous(m: MemberRecord, ref: string, at: string, by: string, reason: MemberDeleteInput['reason']): MemberRecord {
  const {
    phone: _phone, address: _address, livingCity: _city, contactUserId: _contact, subscriptions: _subs, sensitive: _health, healthConsent: _consent, careCard: _card,
    departure, ...rest
  } = m;
  return {
    ...rest,
    name: deletedMemberName(ref),
    birthDate: `${m.birthDate.slice(0, 4)}-01-01`,
    bound: false,
    ...(departure ? { departure: withoutNote(departure) } : {}),
    erased: { ref, at, by, reason },
  };
}

function withoutNote({ note: _note, ...rest }: NonNullable<MemberRecord['departure']>): NonNullable<MemberRecord['departure']> {
  return rest;
}
