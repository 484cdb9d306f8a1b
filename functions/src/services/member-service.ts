import { randomUUID } from 'node:crypto';
import { can, decide } from '@ltx/shared/domain/authz';
import { deriveAttendanceMode } from '@ltx/shared/domain/member-rules';
import { isSelf, type Actor } from '@ltx/shared/domain/roles';
import { departureDayProblem, departureUndoLocked, effectiveDepartureDay } from '@ltx/shared/domain/roll';
import {
  DepartureInput, MemberCreateInput, MemberPatchInput, type CareNotes, type DepartureUndoInput, type Invite, type InviteCreateInput, type MemberDetail, type MemberSummary,
} from '@ltx/shared/schemas/member';
import { ConflictError, DepartureStateError, ForbiddenError, NotFoundError, PeriodLockedError, ValidationError, HierarchyStateError } from '@ltx/shared/domain/errors';
import { chinaDay } from '@ltx/shared/time/china-day';
import type { AuditRepository } from '../repositories/audit-repository';
import type { HealthReadRepository } from '../repositories/health-read-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { MemberRecord } from '../repositories/records';
import type { SignoffRepository } from '../repositories/signoff-repository';
import type { UserRepository } from '../repositories/user-repository';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { actorOf, authorize } from './authorize';
import { branchResource, placed } from './places';
import { inviteExpiry, putWithFreshCode } from './invite-code';
import { memberResource, toDetail, toSummary } from './member-views';
import type { Screen } from './content-screen';
import { sortByName } from '@ltx/shared/domain/name-order';

type MemberChanges = Omit<MemberPatchInput, 'expectedVersion'>;

export type UpdateOutcome = { kind: 'applied'; member: MemberDetail } | { kind: 'pending'; pendingChangeId: string };

const unknownHealth = 'unknown';
const healthConsentMissing = '健康与照护信息：本人还没有同意保存。请本人或家属在“健康信息同意”里同意，或由书记登记本人签字的纸质同意书后再填写';

/** Health data is kept only while the member's own consent stands (consent-service.ts). */
function assertHealthConsent(member: MemberRecord, changes: { sensitive?: unknown }): void {
  if (changes.sensitive && !member.healthConsent) throw new ValidationError([{ path: 'sensitive', message: healthConsentMissing }]);
}

/** The care notes people write (the rest are yes/no): what the next visitor reads, so WeChat checks them first. */
export const careNoteTexts = ['bestVisitTime', 'hearing', 'eyesight', 'dialect', 'other'] as const satisfies readonly (keyof CareNotes)[];

export class MemberService {
  constructor(
    private readonly members: MemberRepository,
    private readonly orgs: OrgRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    /** Signed-off periods: a departure never changes a signed ledger (`domain/roll.ts`). */
    private readonly signoffs: Pick<SignoffRepository, 'list'>,
    /** Who read whose health data: the member sees it on their consent page. */
    private readonly healthReads: Pick<HealthReadRepository, 'note'>,
    private readonly clock: Clock = systemClock,
    /** WeChat's content checks: care notes and departure notes others read, before they are stored. */
    private readonly screen: Screen,
  ) {}

  async list(actor: Actor, branchId: string): Promise<MemberSummary[]> {
    const branch = await this.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'branch.listMembers', branchResource(branch));
    // A contact sees only the members paired with them.
    const records = can(actor, 'branch.listAllMembers', branchResource(branch))
      ? await this.members.listByBranch(branchId)
      : await this.members.listByContact(actor.userId);
    const today = this.clock.now();
    return sortByName(records.filter((m) => m.branchId === branchId), (m) => m.name).map((m) => toSummary(m, today));
  }

  async get(actor: Actor, memberId: string): Promise<MemberDetail> {
    const member = await this.load(actor, memberId, 'member.read');
    const pending = can(actor, 'member.approveChange', memberResource(member)) ? await this.members.listPendingChanges(memberId) : undefined;
    const detail = toDetail(member, actor, this.clock.now(), pending);
    if (detail.sensitive && !isSelf(actor, memberId)) {
      await this.healthReads.note({ memberId, readerId: actor.userId, readerRole: actor.role, purpose: 'member_page', at: this.clock.now().toISOString() });
    }
    return detail;
  }

  async create(actor: Actor, branchId: string, input: MemberCreateInput): Promise<MemberDetail> {
    const branch = await this.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'member.create', branchResource(branch));
    // A closed (撤销) branch keeps its history read-only: nobody joins it and nothing new is planned in it.
    if (branch.closedOn) throw new HierarchyStateError('ORG_CLOSED');
    if (input.contactUserId) await this.assertContact(input.contactUserId, branch.orgId, branchId);
    const now = this.clock.now().toISOString();
    const record: MemberRecord = {
      ...input,
      id: randomUUID(),
      orgId: branch.orgId,
      branchId,
      // No health data yet: it waits for the member's own consent (consent-service.ts).
      attendanceMode: input.attendanceModeOverride ?? deriveAttendanceMode(undefined, input.livingSituation),
      bound: false,
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    const written = await this.members.create(record);
    if (written.kind === 'conflict') throw new ConflictError();
    await this.orgs.adjustCounts(branchId, { members: 1, healthClass: { [unknownHealth]: 1 } });
    await this.audit.append(branchId, { at: now, actorUserId: actor.userId, action: 'member.create', targetType: 'member', targetId: record.id, actorRole: actor.role, memberName: record.name });
    return toDetail(record, actor, this.clock.now(), []);
  }

  /** The secretary's edit applies at once; a paired contact's waits for the secretary's approval. */
  async update(actor: Actor, memberId: string, patch: MemberPatchInput, options: { textsChecked?: true } = {}): Promise<UpdateOutcome> {
    const member = await this.load(actor, memberId, 'member.read');
    const resource = await placed(this.orgs, memberResource(member));
    const { expectedVersion, ...changes } = patch;
    // The secretary updates; whoever else may see the record proposes. Either answers 409 on a closed branch.
    const mayUpdate = decide(actor, 'member.update', resource) !== 'forbidden';
    authorize(actor, mayUpdate ? 'member.update' : 'member.proposeUpdate', resource);
    if (mayUpdate && member.version !== expectedVersion) throw new ConflictError();
    if (!mayUpdate && (changes.contactUserId !== undefined || changes.attendanceModeOverride !== undefined)) throw new ForbiddenError();
    // Health data without the member's consent is refused before its texts go to WeChat's check.
    assertHealthConsent(member, changes);
    if (!options.textsChecked) await this.screenCareNotes(actor, patch, member.sensitive?.careNotes);
    if (mayUpdate) return { kind: 'applied', member: await this.apply(actor, member, changes) };
    const now = this.clock.now().toISOString();
    const id = randomUUID();
    await this.members.putChange({ id, memberId, branchId: member.branchId, proposedBy: actor.userId, proposedAt: now, patch: changes, status: 'pending' });
    await this.audit.append(member.branchId, {
      at: now, actorUserId: actor.userId, action: 'member.proposeUpdate', targetType: 'member', targetId: memberId, fields: Object.keys(changes), actorRole: actor.role, memberName: member.name,
    });
    return { kind: 'pending', pendingChangeId: id };
  }

  async approveChange(actor: Actor, memberId: string, changeId: string): Promise<MemberDetail> {
    const member = await this.load(actor, memberId, 'member.approveChange');
    const change = await this.members.getChange(memberId, changeId);
    if (!change) throw new NotFoundError();
    if (change.status !== 'pending') throw new ConflictError();
    // Apply first, then mark approved: a crash in between leaves the change pending, and approving it again is harmless.
    const detail = await this.apply(actor, member, change.patch as MemberChanges, 'member.approveChange');
    const marked = await this.members.approveChange(memberId, changeId, actor.userId, this.clock.now().toISOString());
    if (marked.kind === 'conflict') throw new ConflictError();
    return { ...detail, pendingChanges: (detail.pendingChanges ?? []).filter((c) => c.id !== changeId) };
  }

  async createInvite(actor: Actor, memberId: string, input: InviteCreateInput): Promise<Invite> {
    const member = await this.load(actor, memberId, 'member.invite');
    const now = this.clock.now();
    const invite = await putWithFreshCode(async (code) => {
      const record = {
        code,
        memberId,
        orgId: member.orgId,
        branchId: member.branchId,
        kind: input.kind,
        expiresAt: inviteExpiry(now),
        createdBy: actor.userId,
        createdAt: now.toISOString(),
      };
      await this.users.putInvite(record);
      return record;
    });
    await this.audit.append(member.branchId, { at: invite.createdAt, actorUserId: actor.userId, action: 'member.invite', targetType: 'member', targetId: memberId, actorRole: actor.role, memberName: member.name, inviteKind: input.kind });
    return { code: invite.code, kind: invite.kind, memberId, expiresAt: invite.expiresAt };
  }

  /**
   * The secretary records that a member died (逝世) or left the branch, on a China day not in the future
   * and not before they joined. From that day the roll leaves them out (reminders, sessions after it,
   * warnings, 送学上门 suggestions); when the day lies in or before a signed-off period, from the day after
   * the last one, so a signed ledger stays as signed. One versioned write of the member; audited.
   */
  async recordDeparture(actor: Actor, memberId: string, input: DepartureInput): Promise<MemberDetail> {
    const member = await this.load(actor, memberId, 'member.recordDeparture');
    if (member.departure) throw new DepartureStateError('ALREADY_DEPARTED');
    const now = this.clock.now();
    const problem = departureDayProblem(input.on, member, chinaDay(now.toISOString()));
    if (problem) throw new ValidationError([{ path: 'on', message: problem }]);
    if (member.version !== input.expectedVersion) throw new ConflictError();
    await this.screen.texts(actor, DepartureInput, input, ['note'], 'profile');
    const at = now.toISOString();
    const effectiveOn = effectiveDepartureDay(input.on, await this.signoffs.list(member.branchId));
    const next: MemberRecord = {
      ...member,
      departure: { reason: input.reason, on: input.on, effectiveOn, ...(input.note ? { note: input.note } : {}), recordedAt: at, recordedBy: actor.userId },
      version: member.version + 1, updatedAt: at, updatedBy: actor.userId,
    };
    if ((await this.members.replace(next, member.version)).kind === 'conflict') throw new ConflictError();
    await this.audit.append(member.branchId, {
      at, actorUserId: actor.userId, action: 'member.depart', targetType: 'member', targetId: memberId, actorRole: actor.role, memberName: member.name,
      departure: { reason: input.reason, on: input.on },
    });
    return toDetail(next, actor, now, await this.members.listPendingChanges(memberId));
  }

  /**
   * Takes back a departure recorded by mistake: the member is on the roll again as before. Refused (409
   * PERIOD_LOCKED) once a signed-off period holds a day it took effect on: that ledger was signed without them.
   */
  async undoDeparture(actor: Actor, memberId: string, input: DepartureUndoInput): Promise<MemberDetail> {
    const member = await this.load(actor, memberId, 'member.recordDeparture');
    const departure = member.departure;
    if (!departure) throw new DepartureStateError('NOT_DEPARTED');
    if (member.version !== input.expectedVersion) throw new ConflictError();
    const signoffs = await this.signoffs.list(member.branchId);
    if (departureUndoLocked(departure.effectiveOn, signoffs)) {
      throw new PeriodLockedError(signoffs.find((s) => s.end > departure.effectiveOn)?.period);
    }
    const now = this.clock.now();
    const at = now.toISOString();
    const { departure: _taken, ...rest } = member;
    const next: MemberRecord = { ...rest, version: member.version + 1, updatedAt: at, updatedBy: actor.userId };
    if ((await this.members.replace(next, member.version)).kind === 'conflict') throw new ConflictError();
    await this.audit.append(member.branchId, {
      at, actorUserId: actor.userId, action: 'member.undoDepart', targetType: 'member', targetId: memberId, actorRole: actor.role, memberName: member.name,
      departure: { reason: departure.reason, on: departure.on },
    });
    return toDetail(next, actor, now, await this.members.listPendingChanges(memberId));
  }

  private async load(actor: Actor, memberId: string, action: Parameters<typeof authorize>[1]): Promise<MemberRecord> {
    const member = await this.members.get(memberId, { withSensitive: true });
    if (!member) throw new NotFoundError();
    authorize(actor, action, await placed(this.orgs, memberResource(member)));
    return member;
  }

  /** `action` names the edit in the audit trail: a direct edit, or the approval of a contact's proposed change. */
  private async apply(actor: Actor, member: MemberRecord, changes: MemberChanges, action: 'member.update' | 'member.approveChange' = 'member.update'): Promise<MemberDetail> {
    if (changes.contactUserId) await this.assertContact(changes.contactUserId, member.orgId, member.branchId);
    const now = this.clock.now().toISOString();
    const { sensitive, ...fields } = changes;
    const next: MemberRecord = { ...member, ...definedOnly(fields) };
    if (changes.contactUserId === null) delete next.contactUserId;
    if (sensitive) {
      // Only while the member's own consent stands; a contact's proposal made before a withdrawal is refused here too.
      assertHealthConsent(member, changes);
      next.sensitive = { healthClass: sensitive.healthClass, careNotes: sensitive.careNotes, emergencyContacts: sensitive.emergencyContacts };
    }
    if (next.livingSituation === 'elsewhere' && !next.livingCity) {
      throw new ValidationError([{ path: 'livingCity', message: '居住城市：异地居住时请填写居住城市' }]);
    }
    next.attendanceMode = next.attendanceModeOverride ?? deriveAttendanceMode(next.sensitive?.healthClass, next.livingSituation);
    next.version = member.version + 1;
    next.updatedAt = now;
    next.updatedBy = actor.userId;
    const written = await this.members.replace(next, member.version);
    if (written.kind === 'conflict') throw new ConflictError();
    const before = member.sensitive?.healthClass ?? unknownHealth;
    const after = next.sensitive?.healthClass ?? unknownHealth;
    if (before !== after) await this.orgs.adjustCounts(member.branchId, { healthClass: { [before]: -1, [after]: 1 } });
    await this.audit.append(member.branchId, {
      at: now, actorUserId: actor.userId, action, targetType: 'member', targetId: member.id, fields: Object.keys(changes), actorRole: actor.role, memberName: member.name,
    });
    const pending = await this.members.listPendingChanges(member.id);
    return toDetail(next, actor, this.clock.now(), can(actor, 'member.approveChange', memberResource(next)) ? pending : undefined);
  }

  /** The care notes written or changed (unchanged ones were checked when they were written), before anything is stored. */
  private async screenCareNotes(actor: Actor, input: MemberPatchInput, before?: CareNotes): Promise<void> {
    const notes = input.sensitive?.careNotes;
    const changed = careNoteTexts.filter((k) => notes?.[k] && notes[k] !== before?.[k]);
    if (changed.length) await this.screen.texts(actor, MemberPatchInput, input, changed.map((k) => `sensitive.careNotes.${k}`), 'profile');
  }

  private async assertContact(userId: string, orgId: string, branchId: string): Promise<void> {
    const user = await this.users.getUser(userId);
    if (!user || !can(actorOf(user), 'member.pairAsContact', { type: 'branch', orgId, branchId })) {
      throw new ValidationError([{ path: 'contactUserId', message: '结对联系人：不是本支部的联系人' }]);
    }
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
