import { randomUUID } from 'node:crypto';
import { can, canSee, type Resource } from '@ltx/shared/domain/authz';
import type { Actor } from '@ltx/shared/domain/roles';
import { effectiveDepartureDay } from '@ltx/shared/domain/roll';
import { ConflictError, DepartureStateError, ForbiddenError, NotFoundError, TransferStateError, ValidationError } from '@ltx/shared/domain/errors';
import { TransferDeclineInput, TransferInput, type Transfer, type TransferBoard } from '@ltx/shared/schemas/transfer';
import { chinaDay } from '@ltx/shared/time/china-day';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { AuditEntry, BranchRecord, MemberRecord, TransferRecord } from '../repositories/records';
import { rootOf, rootPath } from '@ltx/shared/domain/hierarchy';
import type { SignoffRepository } from '../repositories/signoff-repository';
import type { TransferRepository } from '../repositories/transfer-repository';
import type { UserRepository } from '../repositories/user-repository';
import { authorize } from './authorize';
import { branchResource, placed } from './places';
import { memberResource } from './member-views';
import type { Screen } from './content-screen';
import { byNumberedName } from '@ltx/shared/domain/name-order';

const unknownHealth = 'unknown';

export interface TransferDeps {
  transfers: TransferRepository;
  members: MemberRepository;
  orgs: Pick<OrgRepository, 'getBranch' | 'getOrg' | 'listBranches' | 'subtreeBranches' | 'adjustCountsOnce'>;
  users: Pick<UserRepository, 'listByBranchRole' | 'replaceUser'>;
  audit: AuditRepository;
  signoffs: Pick<SignoffRepository, 'list'>;
  /** WeChat's content checks: the note and the reason the other branch reads. */
  screen: Screen;
}

/**
 * 组织关系转接: the sending branch's secretary (or an administrator) proposes a member's move to another
 * branch with its day; the receiving branch's secretary (or an administrator over it) accepts or declines;
 * the sender may cancel before. Until accepted the member stays on the sending roll.
 *
 * Accepting is a sequence of single-item writes, each idempotent or conditional, so a retry after a crash
 * finishes it (the transfer stays `accepting` until the last step): the sending branch's former-member record
 * (it departs on the transfer day, `domain/roll.ts`), the member's item moved (versioned), each branch's
 * counters moved once (`adjustCountsOnce` with the transfer's id), the member's and proxies' logins moved to
 * the new branch (their session version grows, so the next request signs in again and sees it), then
 * `accepted` and the audit entries on both trails.
 */
export class TransferService {
  constructor(
    private readonly deps: TransferDeps,
    private readonly clock: Clock = systemClock,
  ) {}

  async create(actor: Actor, memberId: string, input: TransferInput): Promise<Transfer> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'member.transfer', await placed(this.deps.orgs, memberResource(member)));
    if (member.departure) throw new DepartureStateError('ALREADY_DEPARTED');
    const [from, to] = await Promise.all([this.deps.orgs.getBranch(member.branchId), this.deps.orgs.getBranch(input.toBranchId)]);
    if (!from) throw new NotFoundError();
    if (!to || to.closedOn) throw new ValidationError([{ path: 'toBranchId', message: to ? '转入支部：该支部已撤销' : '转入支部：没有这个支部' }]);
    if (to.id === member.branchId) throw new ValidationError([{ path: 'toBranchId', message: '转入支部：不能是党员现在所在的支部' }]);
    const now = this.clock.now();
    const problem = transferDayProblem(input.on, member, chinaDay(now.toISOString()));
    if (problem) throw new ValidationError([{ path: 'on', message: problem }]);
    const pending = await this.deps.transfers.listByBranch(member.branchId, 'OUT', 'pending');
    if (pending.some((t) => t.memberId === memberId)) throw new TransferStateError('TRANSFER_PENDING');
    await this.deps.screen.texts(actor, TransferInput, input, ['note']);
    const at = now.toISOString();
    const record: TransferRecord = {
      id: randomUUID(), memberId, memberName: member.name,
      fromOrgId: from.orgId, fromBranchId: from.id, fromBranchName: from.name,
      toOrgId: to.orgId, toBranchId: to.id, toBranchName: to.name,
      on: input.on, ...(input.note ? { note: input.note } : {}),
      status: 'pending', createdAt: at, createdBy: actor.userId,
    };
    if ((await this.deps.transfers.create(record)) === 'conflict') throw new ConflictError();
    await this.auditBoth(record, actor, 'member.transferOut', at);
    return toView(record);
  }

  /** The branch's pending transfers both ways, and the branches of its organisation a member may go to. */
  async board(actor: Actor, branchId: string): Promise<TransferBoard> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'transfer.list', branchResource(branch));
    // An acceptance a crash left `accepting` still waits: listed, so accepting it again finishes it.
    const waiting = (way: 'IN' | 'OUT') =>
      Promise.all([this.deps.transfers.listByBranch(branchId, way, 'pending'), this.deps.transfers.listByBranch(branchId, way, 'accepting')]).then(([a, b]) => [...b, ...a]);
    const [incoming, outgoing, branches] = await Promise.all([waiting('IN'), waiting('OUT'), this.destinationsFrom(branch)]);
    return {
      incoming: incoming.map(toView),
      outgoing: outgoing.map(toView),
      destinations: branches.filter((b) => b.id !== branchId && !b.closedOn).map((b) => ({ id: b.id, name: b.name })).sort((a, b) => byNumberedName(a.name, b.name)),
    };
  }

  /**
   * The receiving side accepts. A transfer already accepted answers as it is (a repeated tap changes
   * nothing); one declined or cancelled answers 409; one left `accepting` by a crash is finished.
   */
  async accept(actor: Actor, transferId: string): Promise<Transfer> {
    const transfer = await this.loadForReceiver(actor, transferId);
    if (transfer.status === 'accepted') return toView(transfer);
    if (transfer.status !== 'pending' && transfer.status !== 'accepting') throw new TransferStateError('TRANSFER_NOT_PENDING');
    const at = this.clock.now().toISOString();
    let accepting = transfer;
    if (transfer.status === 'pending') {
      accepting = { ...transfer, status: 'accepting', resolvedAt: at, resolvedBy: actor.userId };
      if ((await this.deps.transfers.replaceFrom(accepting, 'pending')) === 'conflict') return this.accept(actor, transferId);
    }
    return this.complete(actor, accepting);
  }

  async decline(actor: Actor, transferId: string, input: TransferDeclineInput): Promise<Transfer> {
    const transfer = await this.loadForReceiver(actor, transferId);
    await this.deps.screen.texts(actor, TransferDeclineInput, input, ['reason']);
    return this.settle(actor, transfer, 'declined', 'member.transferDecline', input.reason);
  }

  /** The sender takes a pending transfer back (resource: the member as the sending branch has them). */
  async cancel(actor: Actor, transferId: string): Promise<Transfer> {
    const transfer = await this.deps.transfers.get(transferId);
    if (!transfer) throw new NotFoundError();
    const places = await this.places(transfer);
    if (!this.visible(actor, places)) throw new NotFoundError();
    if (!can(actor, 'member.transfer', { ...places.from, type: 'member', memberId: transfer.memberId } as Resource)) throw new ForbiddenError();
    return this.settle(actor, transfer, 'cancelled', 'member.transferCancel');
  }

  private async settle(actor: Actor, transfer: TransferRecord, status: 'declined' | 'cancelled', action: AuditEntry['action'], reason?: string): Promise<Transfer> {
    if (transfer.status !== 'pending') throw new TransferStateError('TRANSFER_NOT_PENDING');
    const at = this.clock.now().toISOString();
    const next: TransferRecord = { ...transfer, status, resolvedAt: at, resolvedBy: actor.userId, ...(reason ? { declineReason: reason } : {}) };
    if ((await this.deps.transfers.replaceFrom(next, 'pending')) === 'conflict') throw new TransferStateError('TRANSFER_NOT_PENDING');
    await this.auditBoth(next, actor, action, at);
    return toView(next);
  }

  /**
   * The open branches of the whole tree the branch sits in (one Query of the tree's index): a member may
   * move to any of them, across organisations too; the receiving side accepts.
   */
  private async destinationsFrom(branch: BranchRecord): Promise<BranchRecord[]> {
    const root = await this.deps.orgs.getOrg(rootOf(branch.orgPath ?? rootPath(branch.orgId)));
    return root ? this.deps.orgs.subtreeBranches(root) : this.deps.orgs.listBranches(branch.orgId);
  }

  /** Both branches where they sit now (a branch may have moved since the transfer was made). */
  private async places(t: TransferRecord): Promise<{ from: Resource; to: Resource }> {
    const [from, to] = await Promise.all([placed(this.deps.orgs, branchOf(t.fromOrgId, t.fromBranchId)), placed(this.deps.orgs, branchOf(t.toOrgId, t.toBranchId))]);
    return { from, to };
  }

  /** A transfer exists for whoever sees either branch; 404 for everyone else. */
  private visible(actor: Actor, places: { from: Resource; to: Resource }): boolean {
    return canSee(actor, places.from) || canSee(actor, places.to);
  }

  /** Accepting and declining belong to the receiving branch: the sender sees the transfer (403), others do not (404). */
  private async loadForReceiver(actor: Actor, transferId: string): Promise<TransferRecord> {
    const transfer = await this.deps.transfers.get(transferId);
    if (!transfer) throw new NotFoundError();
    const places = await this.places(transfer);
    if (!this.visible(actor, places)) throw new NotFoundError();
    if (!can(actor, 'transfer.accept', places.to)) throw new ForbiddenError();
    return transfer;
  }

  private async complete(actor: Actor, transfer: TransferRecord): Promise<Transfer> {
    const member = await this.moveMember(actor, transfer);
    const healthClass = member.sensitive?.healthClass ?? unknownHealth;
    await this.deps.orgs.adjustCountsOnce(transfer.fromBranchId, { members: -1, healthClass: { [healthClass]: -1 } }, transfer.id);
    await this.deps.orgs.adjustCountsOnce(transfer.toBranchId, { members: 1, healthClass: { [healthClass]: 1 } }, transfer.id);
    await this.moveLogins(transfer);
    const done: TransferRecord = { ...transfer, status: 'accepted' };
    if ((await this.deps.transfers.replaceFrom(done, 'accepting')) === 'conflict') {
      // A concurrent retry finished it first: answer what is stored, and write no second audit entry.
      const stored = await this.deps.transfers.get(transfer.id);
      return toView(stored ?? done);
    }
    await this.auditBoth(done, actor, 'member.transferAccept', done.resolvedAt ?? this.clock.now().toISOString());
    return toView(done);
  }

  /**
   * The member's item moves to the receiving branch (versioned; a concurrent edit is read again), after the
   * sending branch's former-member record is kept. Already moved by this transfer: nothing to do.
   */
  private async moveMember(actor: Actor, transfer: TransferRecord): Promise<MemberRecord> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const member = await this.deps.members.get(transfer.memberId, { withSensitive: true });
      if (!member) throw new NotFoundError();
      if (member.transferredIn?.transferId === transfer.id) return member;
      if (member.branchId !== transfer.fromBranchId || member.departure) {
        // The member left the sending roll meanwhile (another transfer, a departure): this one cannot go on.
        await this.deps.transfers.replaceFrom({ ...transfer, status: 'pending' }, 'accepting');
        throw new TransferStateError('TRANSFER_STALE');
      }
      const at = this.clock.now().toISOString();
      const [fromSignoffs, toSignoffs] = await Promise.all([this.deps.signoffs.list(transfer.fromBranchId), this.deps.signoffs.list(transfer.toBranchId)]);
      // Neither side's signed ledger changes: each takes effect after the last signed-off period holding the day.
      const leftOn = effectiveDepartureDay(transfer.on, fromSignoffs);
      const joinedOn = effectiveDepartureDay(transfer.on, toSignoffs);
      const { sensitive: _health, healthConsent: _consent, contactUserId: _contact, ...profile } = member;
      await this.deps.members.putFormer({
        ...profile,
        departure: { reason: 'transferred_out', on: transfer.on, effectiveOn: leftOn, note: `转至${transfer.toBranchName}`, recordedAt: at, recordedBy: actor.userId, toBranchName: transfer.toBranchName },
      });
      const { contactUserId: _paired, ...unpaired } = member;
      const moved: MemberRecord = {
        ...unpaired,
        orgId: transfer.toOrgId,
        branchId: transfer.toBranchId,
        joinedBranchOn: joinedOn,
        transferredIn: { transferId: transfer.id, fromBranchName: transfer.fromBranchName, on: transfer.on },
        version: member.version + 1,
        updatedAt: at,
        updatedBy: actor.userId,
      };
      if ((await this.deps.members.replace(moved, member.version)).kind === 'ok') return moved;
    }
    throw new ConflictError();
  }

  /** The member's own login and their family proxies' move with them; their older tokens stop at once (401, sign in again). */
  private async moveLogins(transfer: TransferRecord): Promise<void> {
    const [selves, proxies] = await Promise.all([
      this.deps.users.listByBranchRole(transfer.fromBranchId, 'member'),
      this.deps.users.listByBranchRole(transfer.fromBranchId, 'proxy'),
    ]);
    for (const user of [...selves, ...proxies].filter((u) => u.memberId === transfer.memberId)) {
      const version = user.sessionVersion ?? 0;
      // A conflict means a concurrent retry moved this user already: it has left the sending branch's list.
      await this.deps.users.replaceUser({ ...user, orgId: transfer.toOrgId, branchId: transfer.toBranchId, sessionVersion: version + 1 }, version);
    }
  }

  /** One sentence on each branch's trail. */
  private async auditBoth(t: TransferRecord, actor: Actor, action: AuditEntry['action'], at: string): Promise<void> {
    const entry: AuditEntry = {
      at, actorUserId: actor.userId, action, targetType: 'member', targetId: t.memberId, actorRole: actor.role, memberName: t.memberName,
      transfer: { from: t.fromBranchName, to: t.toBranchName, on: t.on },
    };
    await this.deps.audit.append(t.fromBranchId, entry);
    await this.deps.audit.append(t.toBranchId, entry);
  }
}

function branchOf(orgId: string, branchId: string): Extract<Resource, { type: 'branch' }> {
  return { type: 'branch', orgId, branchId };
}

/** Why a transfer day cannot be recorded, in words naming the field; undefined when it can. */
export function transferDayProblem(on: string, member: Pick<MemberRecord, 'joinedPartyOn' | 'joinedBranchOn'>, today: string): string | undefined {
  if (on > today) return '转接日期：不能晚于今天';
  if (on < member.joinedPartyOn) return '转接日期：不能早于入党日期';
  if (member.joinedBranchOn && on < member.joinedBranchOn) return '转接日期：不能早于转入本支部的日期';
  return undefined;
}

/** The view: names and the day, never the member's health or contact details. */
function toView(t: TransferRecord): Transfer {
  return {
    id: t.id, memberId: t.memberId, memberName: t.memberName,
    fromBranchId: t.fromBranchId, fromBranchName: t.fromBranchName, toBranchId: t.toBranchId, toBranchName: t.toBranchName,
    on: t.on, ...(t.note ? { note: t.note } : {}),
    // `accepting` is an acceptance under way: for readers it is still waiting.
    status: t.status === 'accepting' ? 'pending' : t.status,
    createdAt: t.createdAt,
    ...(t.resolvedAt && t.status !== 'pending' && t.status !== 'accepting' ? { resolvedAt: t.resolvedAt } : {}),
    ...(t.declineReason ? { declineReason: t.declineReason } : {}),
  };
}
