import { randomUUID } from 'node:crypto';
import { can, decide } from '@ltx/shared/domain/authz';
import { isMemberOrProxy, isProxy, type Actor } from '@ltx/shared/domain/roles';
import { expectedMembers, mayRecordBeforeStart, needsNoMinutesReason, planBulkAttendance, quorum, quorumKinds, selfReportableStatuses } from '@ltx/shared/domain/session-rules';
import {
  AmendmentInput, AttendanceInput, type AttendanceWithdrawInput, BulkAttendanceInput, MinutesInput, SessionCloseInput, SessionCreateInput, SessionPatchInput,
  type BulkAttendancePlan, type BulkUndoInput, type MemberSession, type ReconcileReport, type SessionDetail, type SessionListQuery, type SessionSummary,
} from '@ltx/shared/schemas/session';
import { AttendanceReplaceError, AttendanceWithdrawError, ConflictError, ForbiddenError, MinutesMissingError, NotExpectedError, NotFoundError, SessionClosedError, SessionNotHeldError, SessionNotStartedError, UndoError, HierarchyStateError } from '@ltx/shared/domain/errors';
import type { SignoffRepository } from '../repositories/signoff-repository';
import { assertPeriodOpen, signedPeriodFor } from './period-lock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { OutboxRepository } from '../repositories/outbox-repository';
import type { AmendmentRecord, AttendanceRecord, MemberRecord, SessionRecord } from '../repositories/records';
import { seqOf, type LineWrite, type SessionRepository, type SessionWrite } from '../repositories/session-repository';
import type { VisitRepository } from '../repositories/visit-repository';
import { attendanceStatusLabels } from '@ltx/shared/labels';
import { visitStatusLabels } from '@ltx/shared/domain/visit-rules';
import type { VisitStatus } from '@ltx/shared/schemas/visit';
import { authorize, authorizeWithin } from './authorize';
import { branchResource, placed } from './places';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AttendanceListener, DerivedField } from './participation-tracker';
import { planReminders } from './reminder-planner';
import { arrivedBy, departuresOf, hasLeftBy } from '@ltx/shared/domain/roll';
import { sessionOnRoll } from './session-roll';
import { chinaDay, chinaDayStart } from '@ltx/shared/time/china-day';
import type { UploadService } from './upload-service';
import type { UserRepository } from '../repositories/user-repository';
import type { Screen } from './content-screen';
import type { ChangeNotices } from './change-notices';
import { sortByName } from '@ltx/shared/domain/name-order';

const dayMs = 24 * 3600 * 1000;

export interface SessionCreatedListener {
  sessionCreated(session: SessionRecord, expected: MemberRecord[]): Promise<void>;
}

/** Told when a record is closed: the moment to reconcile anything derived from its attendance. */
export interface SessionClosedListener {
  sessionClosed(session: SessionRecord): Promise<void>;
}

export class SessionService {
  constructor(
    private readonly deps: {
      sessions: SessionRepository;
      members: MemberRepository;
      orgs: OrgRepository;
      outbox: OutboxRepository;
      audit: AuditRepository;
      uploads: UploadService;
      users: UserRepository;
      /** Signed-off periods: their records answer 409 to every write. */
      signoffs: SignoffRepository;
      listeners: AttendanceListener[];
      /** 送学上门 under way for a session: "everyone present" leaves those members alone. */
      visits?: Pick<VisitRepository, 'listByBranch'>;
      /** Told of each new session with the members it expects (the 送学上门 work proposes drafts). */
      onCreated?: SessionCreatedListener[];
      onClosed?: SessionClosedListener[];
      /** WeChat's content checks: texts members read, before they are stored. */
      screen: Screen;
      /** 变动通知: a session moved in time or place is told on each expected member's home. */
      notices: Pick<ChangeNotices, 'sessionMoved'>;
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  async list(actor: Actor, branchId: string, query: SessionListQuery): Promise<SessionSummary[]> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'session.list', branchResource(branch));
    // A missing end comes from the other end's year (or this year): the window stays ordered (the schema checks both given).
    const year = (query.from ?? query.to ?? chinaDay(this.clock.now().toISOString())).slice(0, 4);
    const from = chinaDayStart(query.from ?? `${year}-01-01`);
    const to = chinaDayStart(query.to ?? `${year}-12-31`, 1);
    const [sessions, members] = await Promise.all([this.deps.sessions.listByBranch(branchId, from, to), this.deps.members.listByBranch(branchId)]);
    const departures = departuresOf(members);
    return sessions.filter((s) => !query.kind || s.kind === query.kind).map((s) => toSummary(sessionOnRoll(s, departures)));
  }

  async create(actor: Actor, branchId: string, input: SessionCreateInput): Promise<SessionDetail> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'session.write', { type: 'session', orgId: branch.orgId, orgPath: branch.orgPath, branchId });
    // A closed (撤销) branch keeps its history read-only: nobody joins it and nothing new is planned in it.
    if (branch.closedOn) throw new HierarchyStateError('ORG_CLOSED');
    await this.assertUnlocked(branchId, input.startsAt);
    await Promise.all([
      this.deps.screen.texts(actor, SessionCreateInput, input, ['topic', 'place', 'materialText']),
      this.deps.uploads.attach(actor, branchId, input.attachments, 'attachments'),
    ]);
    // Those who died or left the branch by the session's day are not expected at it.
    const day = chinaDay(new Date(input.startsAt).toISOString());
    const members = (await this.deps.members.listByBranch(branchId)).filter((m) => arrivedBy(m, day) && !hasLeftBy(m.departure, day));
    const now = this.clock.now().toISOString();
    const session: SessionRecord = {
      id: randomUUID(),
      orgId: branch.orgId,
      branchId,
      kind: input.kind,
      topic: input.topic,
      startsAt: new Date(input.startsAt).toISOString(),
      place: input.place,
      hostName: input.hostName,
      recorderName: input.recorderName,
      ...(input.materialText ? { materialText: input.materialText } : {}),
      attachments: input.attachments,
      onlineOffered: input.onlineOffered,
      ...(input.partyGroup ? { partyGroup: input.partyGroup } : {}),
      expected: expectedMembers(input.kind, members, input.partyGroup).map((m) => ({ memberId: m.id, name: m.name })),
      attendance: {},
      status: 'open',
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    await this.deps.sessions.create(session);
    await this.deps.outbox.putAll(planReminders(session, new Map(members.map((m) => [m.id, m])), this.clock.now()));
    const expectedIds = new Set(session.expected.map((e) => e.memberId));
    for (const listener of this.deps.onCreated ?? []) await listener.sessionCreated(session, members.filter((m) => expectedIds.has(m.id)));
    await this.deps.audit.append(branchId, { at: now, actorUserId: actor.userId, action: 'session.create', targetType: 'session', targetId: session.id, ...auditAbout(actor, session) });
    return this.view(actor, session, []);
  }

  async get(actor: Actor, sessionId: string): Promise<SessionDetail> {
    const found = await this.deps.sessions.getWithAmendments(sessionId);
    if (!found) throw new NotFoundError();
    authorize(actor, 'session.read', await placed(this.deps.orgs, sessionResource(found.session)));
    // The roll's Query runs beside the view's other reads: no round trip more than before departures.
    return this.view(actor, found.session, found.amendments, this.departuresIn(found.session.branchId));
  }

  async update(actor: Actor, sessionId: string, patch: SessionPatchInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    if (session.status === 'closed') throw new SessionClosedError();
    if (session.version !== patch.expectedVersion) throw new ConflictError();
    // Neither the day it was planned for nor the day it moves to may be in a signed-off period.
    await assertPeriodOpen(this.deps.signoffs, session.branchId, session.startsAt, patch.startsAt);
    const { expectedVersion, changeReason, ...changes } = patch;
    await Promise.all([
      this.deps.screen.texts(actor, SessionPatchInput, patch, ['topic', 'place', 'materialText', 'changeReason']),
      changes.attachments && this.deps.uploads.attach(actor, session.branchId, changes.attachments, 'attachments'),
    ]);
    const now = this.clock.now().toISOString();
    const next: SessionRecord = {
      ...session,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      ...(changes.startsAt ? { startsAt: new Date(changes.startsAt).toISOString() } : {}),
      version: session.version + 1,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    this.refuse(await this.deps.sessions.replace(next, expectedVersion));
    const moved = next.startsAt !== session.startsAt || next.place !== session.place;
    const replan = changes.startsAt || changes.materialText !== undefined || changes.attachments;
    if (moved || replan) {
      const members = await this.deps.members.listByBranch(session.branchId);
      if (replan) await this.deps.outbox.putAll(planReminders(next, new Map(members.map((m) => [m.id, m])), this.clock.now()));
      // Everyone expected who is still on the roll by the session's day is told where and when it is now.
      const onRoll = new Set(members.filter((m) => !hasLeftBy(m.departure, chinaDay(next.startsAt))).map((m) => m.id));
      if (moved) await this.deps.notices.sessionMoved(actor, session, next, next.expected.map((e) => e.memberId).filter((id) => onRoll.has(id)), changeReason);
    }
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.update', targetType: 'session', targetId: sessionId, fields: Object.keys(changes), ...auditAbout(actor, next) });
    return this.get(actor, sessionId);
  }

  /**
   * One member's line: the secretary may set any status; the member or proxy only leave or online study.
   * Presence, absence and online study wait for the session to start; leave may be asked for before.
   */
  async markAttendance(actor: Actor, sessionId: string, memberId: string, input: AttendanceInput): Promise<SessionDetail> {
    const session = await this.deps.sessions.get(sessionId);
    if (!session) throw new NotFoundError();
    const resource = await placed(this.deps.orgs, sessionResource(session));
    const own = decide(actor, 'attendance.mark', resource) === 'forbidden';
    if (!own) authorize(actor, 'attendance.mark', resource);
    if (own) {
      // The session is visible to its branch: another member's line is 403 there, not 404.
      authorizeWithin(actor, 'attendance.markOwn', resource, { type: 'member', orgId: session.orgId, branchId: session.branchId, memberId });
      if (!selfReportableStatuses.includes(input.status)) throw new ForbiddenError();
    }
    if (!(await this.onRoll(session)).expected.some((e) => e.memberId === memberId)) throw new NotExpectedError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    await this.deps.screen.texts(actor, AttendanceInput, input, ['reason', 'reflection']);
    await this.write(actor, sessionId, false, (s) => {
      this.assertMayRecord(s, input.status);
      const recorded = s.attendance?.[memberId];
      // A member or proxy changing their mind says so (`replaces`): a status is never replaced unseen (issue 17).
      if (own && recorded && recorded.status !== input.status && input.replaces !== recorded.status) {
        throw new AttendanceReplaceError(attendanceStatusLabels[recorded.status], attendanceStatusLabels[input.status]);
      }
      return { lines: { [memberId]: { line: this.line(actor, s, input), replaces: recorded } } };
    });
    return this.get(actor, sessionId);
  }

  /**
   * The member's or proxy's way back on their own line while the session is open: leave taken back
   * (我能来了) or 我已学习 undone. The line is cleared as a new change (points reverse through the ledger).
   * A retry after it went through finds nothing to clear and answers the session as it is.
   */
  async withdrawOwn(actor: Actor, sessionId: string, memberId: string, input: AttendanceWithdrawInput): Promise<SessionDetail> {
    const session = await this.deps.sessions.get(sessionId);
    if (!session) throw new NotFoundError();
    authorizeWithin(actor, 'attendance.markOwn', await placed(this.deps.orgs, sessionResource(session)), { type: 'member', orgId: session.orgId, branchId: session.branchId, memberId });
    await this.assertUnlocked(session.branchId, session.startsAt);
    await this.write(
      actor,
      sessionId,
      false,
      (s) => {
        if (s.status !== 'open') throw new AttendanceWithdrawError('WITHDRAW_CLOSED');
        const recorded = s.attendance?.[memberId];
        if (!recorded) return undefined;
        if (recorded.status !== input.status) throw new AttendanceWithdrawError('NOTHING_TO_WITHDRAW');
        return { lines: { [memberId]: { line: null, replaces: recorded } } };
      },
      'attendance.withdraw',
    );
    return this.get(actor, sessionId);
  }

  /**
   * "Everyone present" in one write, filling only the lines nobody has recorded: what a member,
   * a proxy or the secretary recorded, and members with a 送学上门 under way, are kept. It can be
   * undone as a whole (`undoBulk`) while none of its lines has changed since.
   */
  async markMany(actor: Actor, sessionId: string, input: BulkAttendanceInput): Promise<SessionDetail> {
    const session = await this.onRoll(await this.load(actor, sessionId, 'attendance.mark'));
    const expected = new Set(session.expected.map((e) => e.memberId));
    if (input.entries.some((e) => !expected.has(e.memberId))) throw new NotExpectedError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    const [visits] = await Promise.all([this.visitsUnderWay(session), this.deps.screen.texts(actor, BulkAttendanceInput, input, ['entries.*.reason'])]);
    await this.write(actor, sessionId, false, (s) => {
      const { fill } = planBulkAttendance(input.entries, (m) => !!s.attendance?.[m], (m) => visits.has(m));
      for (const e of fill) this.assertMayRecord(s, e.status);
      if (fill.length === 0) return undefined;
      const lines = Object.fromEntries(fill.map((e) => [e.memberId, { line: this.line(actor, s, e), replaces: undefined }]));
      const bulk = { id: randomUUID(), at: this.clock.now().toISOString(), by: actor.userId, lines: Object.fromEntries(fill.map((e) => [e.memberId, s.version + 1])) };
      return { lines, bulk: { set: bulk } };
    });
    return this.get(actor, sessionId);
  }

  /** What `markMany` would do now, in words, without doing it. */
  async previewMany(actor: Actor, sessionId: string, input: BulkAttendanceInput): Promise<BulkAttendancePlan> {
    const session = await this.onRoll(await this.load(actor, sessionId, 'attendance.mark'));
    const expected = new Map(session.expected.map((e) => [e.memberId, e.name]));
    if (input.entries.some((e) => !expected.has(e.memberId))) throw new NotExpectedError();
    const visits = await this.visitsUnderWay(session);
    const { fill, kept } = planBulkAttendance(input.entries, (m) => !!session.attendance?.[m], (m) => visits.has(m));
    const names = await this.deps.users.namesOf(kept.map((k) => session.attendance?.[k.entry.memberId]?.recordedBy ?? '').filter(Boolean));
    const toMark = fill.map((e) => ({ memberId: e.memberId, memberName: expected.get(e.memberId)!, status: e.status, text: `将登记为“${attendanceStatusLabels[e.status]}”` }));
    const keptLines = kept.map(({ entry, why }) => {
      const line = session.attendance?.[entry.memberId];
      const visit = visits.get(entry.memberId);
      const text =
        why === 'visit' && visit
          ? `送学上门${visitStatusLabels[visit]}，保持不变`
          : `已登记为“${line ? statusText(line) : ''}”（${recorderText(line, names.get(line?.recordedBy ?? '') ?? '其他工作人员', expected.get(entry.memberId)!)}），保持不变`;
      return { memberId: entry.memberId, memberName: expected.get(entry.memberId)!, status: line?.status ?? null, text };
    });
    const summary =
      toMark.length === 0
        ? `没有需要登记的人：${keptLines.length} 人都已有登记或已安排送学上门，保持不变。`
        : `将为 ${toMark.length} 人登记；${keptLines.length} 人已有登记或已安排送学上门，保持不变。`;
    return { toMark, kept: keptLines, summary };
  }

  /** Takes back the last "everyone present": each line it filled is cleared again, as a new change (points reverse through the ledger). */
  async undoBulk(actor: Actor, sessionId: string, input: BulkUndoInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'attendance.mark');
    await this.assertUnlocked(session.branchId, session.startsAt);
    await this.write(actor, sessionId, false, (s) => {
      if (!s.lastBulk || s.lastBulk.id !== input.bulkId) throw new UndoError('NOTHING_TO_UNDO');
      const entries = Object.entries(s.lastBulk.lines);
      if (entries.some(([m, seq]) => seqOf(s.attendance?.[m]) !== seq)) throw new UndoError('UNDO_STALE');
      const lines: Record<string, LineWrite> = Object.fromEntries(entries.map(([m]) => [m, { line: null, replaces: s.attendance?.[m] }]));
      return { lines, bulk: { undo: input.bulkId } };
    });
    return this.get(actor, sessionId);
  }

  async writeMinutes(actor: Actor, sessionId: string, input: MinutesInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    if (session.status === 'closed') throw new SessionClosedError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    await Promise.all([
      this.deps.screen.texts(actor, MinutesInput, input, ['agenda', 'content', 'decisions', 'votes']),
      this.deps.uploads.attach(actor, session.branchId, input.photos, 'photos'),
    ]);
    const now = this.clock.now().toISOString();
    this.refuse(await this.deps.sessions.setMinutes(sessionId, input, actor.userId, now));
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.minutes', targetType: 'session', targetId: sessionId, ...auditAbout(actor, session) });
    return this.get(actor, sessionId);
  }

  /**
   * Archives the record. A 支部党员大会 or 支委会 without minutes is archived only with the reason
   * there are none, kept on the record. Closing reconciles what attendance derives.
   */
  async close(actor: Actor, sessionId: string, input: SessionCloseInput = {}): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    if (session.status === 'closed') throw new SessionClosedError();
    if (session.startsAt > this.clock.now().toISOString()) throw new SessionNotHeldError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    const needsReason = needsNoMinutesReason(session.kind, session.minutes);
    if (needsReason && !input.noMinutesReason) throw new MinutesMissingError();
    if (needsReason) await this.deps.screen.texts(actor, SessionCloseInput, input, ['noMinutesReason']);
    const now = this.clock.now().toISOString();
    this.refuse(await this.deps.sessions.close(sessionId, actor.userId, now, needsReason ? input.noMinutesReason : undefined));
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.close', targetType: 'session', targetId: sessionId, ...auditAbout(actor, session) });
    const closed = await this.deps.sessions.get(sessionId, { consistent: true });
    if (closed) await this.reconcileSession(closed);
    for (const listener of this.deps.onClosed ?? []) if (closed) await listener.sessionClosed(closed);
    return this.get(actor, sessionId);
  }

  /**
   * Checks everything derived from this session's attendance (each member's latest participation,
   * their points for it) against the stored lines, repairs what drifted, and says what it repaired.
   */
  async reconcile(actor: Actor, sessionId: string): Promise<ReconcileReport> {
    const session = await this.deps.sessions.get(sessionId, { consistent: true });
    if (!session) throw new NotFoundError();
    authorize(actor, 'session.write', await placed(this.deps.orgs, sessionResource(session)));
    const report = await this.reconcileSession(session);
    if (report.repaired.lastParticipatedAt + report.repaired.points > 0) {
      await this.deps.audit.append(session.branchId, { at: this.clock.now().toISOString(), actorUserId: actor.userId, action: 'session.reconcile', targetType: 'session', targetId: sessionId, ...auditAbout(actor, session) });
    }
    return report;
  }

  /** The only way to change a closed record: an appended correction that says who, when and why. */
  async amend(actor: Actor, sessionId: string, input: AmendmentInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    // An amendment is part of the session's record: a signed-off period's records take none, of any kind.
    // The correction goes into the current period as a new record that names the old one.
    await this.assertUnlocked(session.branchId, session.startsAt);
    await this.deps.screen.texts(actor, AmendmentInput, input, ['reason', 'note', 'attendance.reason']);
    const now = this.clock.now().toISOString();
    if (input.attendance) {
      if (!(await this.onRoll(session)).expected.some((e) => e.memberId === input.attendance!.memberId)) throw new NotExpectedError();
      const { memberId, ...line } = input.attendance;
      await this.write(actor, sessionId, true, (s) => ({ lines: { [memberId]: { line: this.line(actor, s, line), replaces: s.attendance?.[memberId] } } }));
    }
    const amendment: AmendmentRecord = {
      id: randomUUID(), sessionId, at: now, by: actor.userId, reason: input.reason,
      ...(input.note ? { note: input.note } : {}), ...(input.attendance ? { attendance: input.attendance } : {}),
    };
    await this.deps.sessions.appendAmendment(amendment);
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.amend', targetType: 'session', targetId: sessionId, ...auditAbout(actor, session) });
    return this.get(actor, sessionId);
  }

  /** Credit from elsewhere (a delivered 送学上门 visit): open sessions take it directly, closed ones as an amendment. */
  async creditFromSystem(actor: Actor, sessionId: string, memberId: string, line: Omit<AttendanceRecord, 'recordedAt' | 'recordedBy'>, reason: string): Promise<void> {
    const session = await this.deps.sessions.get(sessionId);
    if (!session || !session.expected.some((e) => e.memberId === memberId)) return;
    // The visit service refuses steps of a signed-off period's visits; this guards a retry that races a sign-off.
    if (await signedPeriodFor(this.deps.signoffs, session.branchId, session.startsAt)) return;
    const at = this.clock.now().toISOString();
    const closed = session.status !== 'open';
    await this.write(actor, sessionId, closed, (s) => ({
      lines: { [memberId]: { line: { ...line, recordedBy: actor.userId, recordedAt: at, byRole: actor.role, seq: s.version + 1 }, replaces: s.attendance?.[memberId] } },
    }));
    if (closed) await this.deps.sessions.appendAmendment({ id: randomUUID(), sessionId, at, by: actor.userId, reason, attendance: { memberId, status: line.status } });
  }

  async memberSessions(actor: Actor, memberId: string, query: SessionListQuery): Promise<MemberSession[]> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'member.read', await placed(this.deps.orgs, { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null }));
    const now = this.clock.now();
    const from = query.from ? chinaDayStart(query.from) : new Date(now.getTime() - 30 * dayMs).toISOString();
    const to = query.to ? chinaDayStart(query.to, 1) : new Date(now.getTime() + 366 * dayMs).toISOString();
    const sessions = (await this.deps.sessions.listByBranch(member.branchId, from, to)).filter(
      // Sessions on or after the day they died or left are not theirs: earlier ones stay in their history.
      (s) => s.expected.some((e) => e.memberId === memberId) && !hasLeftBy(member.departure, chinaDay(s.startsAt)) && (!query.kind || s.kind === query.kind),
    );
    return Promise.all(
      sessions.map(async (s) => ({
        ...toSummary(s),
        ...(s.materialText ? { materialText: s.materialText } : {}),
        attachments: await this.deps.uploads.forReader(actor, s.attachments),
        myStatus: s.attendance?.[memberId]?.status ?? null,
        ...(s.attendance?.[memberId]?.reason ? { myReason: s.attendance[memberId]!.reason } : {}),
        ...(s.attendance?.[memberId]?.reflection ? { myReflection: s.attendance[memberId]!.reflection } : {}),
      })),
    );
  }

  /** The session as its day's roll has it (`session-roll.ts`): one Query of the branch's members. */
  private async onRoll(session: SessionRecord): Promise<SessionRecord> {
    return sessionOnRoll(session, await this.departuresIn(session.branchId));
  }

  /** Who has left the branch's roll, and from which day. */
  private async departuresIn(branchId: string): Promise<ReadonlyMap<string, string>> {
    return departuresOf(await this.deps.members.listByBranch(branchId));
  }

  private async assertUnlocked(branchId: string, startsAt: string): Promise<void> {
    await assertPeriodOpen(this.deps.signoffs, branchId, startsAt);
  }

  private assertMayRecord(session: SessionRecord, status: AttendanceRecord['status']): void {
    if (session.startsAt > this.clock.now().toISOString() && !mayRecordBeforeStart(status)) throw new SessionNotStartedError();
  }

  /** A new line, numbered after every write the session has had so far (so it sorts after the line it replaces). */
  private line(actor: Actor, session: SessionRecord, input: { status: AttendanceRecord['status']; reason?: string; reflection?: string }): AttendanceRecord {
    return {
      status: input.status,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.reflection ? { reflection: input.reflection } : {}),
      recordedBy: actor.userId,
      recordedAt: this.clock.now().toISOString(),
      byRole: actor.role,
      seq: session.version + 1,
    };
  }

  /**
   * Writes attendance lines planned from a fresh read of the session, conditioned on the lines it
   * replaces: when another write got in first, it reads and plans again (so concurrent writes to one
   * line are applied one after another, each seeing the last). Then derives from the stored lines.
   */
  private async write(
    actor: Actor,
    sessionId: string,
    allowClosed: boolean,
    plan: (s: SessionRecord) => { lines: Record<string, LineWrite>; bulk?: Parameters<SessionRepository['setAttendance']>[2]['bulk'] } | undefined,
    /** `attendance.withdraw`: a member's or proxy's own line taken back, told by the status it had. */
    action: 'attendance.mark' | 'attendance.withdraw' = 'attendance.mark',
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const session = await this.deps.sessions.get(sessionId, { consistent: true });
      if (!session) throw new NotFoundError();
      const planned = plan(session);
      if (!planned) return;
      // One update carries them all: a session expects at most a few hundred members (see docs/data-model.md).
      const result = await this.deps.sessions.setAttendance(sessionId, planned.lines, {
        allowClosed, by: actor.userId, at: this.clock.now().toISOString(), ...(planned.bulk ? { bulk: planned.bulk } : {}),
      });
      if (result.kind === 'conflict' && attempt < writeAttempts) {
        await pause(attempt);
        continue;
      }
      this.refuse(result);
      const memberIds = Object.keys(planned.lines);
      const nameOf = (memberId: string) => session.expected.find((e) => e.memberId === memberId)?.name ?? '一位党员';
      const written = Object.entries(planned.lines);
      const withdrawn = action === 'attendance.withdraw';
      await this.deps.audit.append(session.branchId, {
        at: this.clock.now().toISOString(), actorUserId: actor.userId, action, targetType: 'session', targetId: sessionId, ...auditAbout(actor, session),
        lines: written.flatMap(([memberId, w]) => {
          if (withdrawn) return w.replaces ? [{ name: nameOf(memberId), status: w.replaces.status }] : [];
          return w.line ? [{ name: nameOf(memberId), status: w.line.status, ...(w.replaces && w.replaces.status !== w.line.status ? { from: w.replaces.status } : {}) }] : [];
        }),
        cleared: withdrawn ? [] : written.filter(([, w]) => !w.line).map(([memberId]) => nameOf(memberId)),
      });
      await this.derive(sessionId, memberIds);
      return;
    }
  }

  /**
   * Derives from the lines as stored, then reads them again: a line rewritten meanwhile (its seq moved)
   * is derived again, so whichever derivation runs last has seen the final line.
   */
  private async derive(sessionId: string, memberIds: string[]): Promise<void> {
    let pending = memberIds;
    let stored = await this.deps.sessions.get(sessionId, { consistent: true });
    for (let round = 0; stored && pending.length > 0 && round < writeAttempts; round++) {
      for (const memberId of pending) {
        for (const listener of this.deps.listeners) await listener.lineStored(stored, memberId, stored.attendance?.[memberId]);
      }
      const again = await this.deps.sessions.get(sessionId, { consistent: true });
      const before = stored;
      pending = again ? pending.filter((m) => seqOf(again.attendance?.[m]) !== seqOf(before.attendance?.[m])) : [];
      stored = again;
    }
  }

  private async reconcileSession(session: SessionRecord): Promise<ReconcileReport> {
    // A signed-off period's points are not touched; its participation dates are not part of its ledger.
    const locked = !!(await signedPeriodFor(this.deps.signoffs, session.branchId, session.startsAt));
    const repaired = new Map<string, DerivedField[]>();
    const counts: Record<DerivedField, number> = { lastParticipatedAt: 0, points: 0 };
    for (const listener of this.deps.listeners) {
      if (locked && listener.derives === 'points') continue;
      for (const memberId of await listener.reconcile(session)) {
        counts[listener.derives]++;
        repaired.set(memberId, [...(repaired.get(memberId) ?? []), listener.derives]);
      }
    }
    const names = new Map(session.expected.map((e) => [e.memberId, e.name]));
    const lines = [...repaired].map(([m, fields]) => `${names.get(m) ?? '一位党员'}：已按出席记录修正${fields.map((f) => derivedFieldWords[f]).join('和')}`);
    const checked = session.expected.length;
    const message =
      lines.length === 0
        ? `核对了 ${checked} 人：最近参加日期和积分都与出席记录一致，没有需要修正的。`
        : `核对了 ${checked} 人，修正了 ${counts.lastParticipatedAt} 人的最近参加日期、${counts.points} 人的积分。`;
    return { sessionId: session.id, checked, repaired: counts, lines, message };
  }

  /** Members of this session with a 送学上门 under way (asked for, scheduled, delivered or confirmed), and its status. */
  private async visitsUnderWay(session: SessionRecord): Promise<Map<string, VisitStatus>> {
    if (!this.deps.visits) return new Map();
    const open = await this.deps.visits.listByBranch(session.branchId, { open: true });
    return new Map(open.filter((v) => v.sessionId === session.id && underWay.includes(v.status)).map((v) => [v.memberId, v.status]));
  }

  private refuse(result: SessionWrite): void {
    if (result.kind === 'closed') throw new SessionClosedError();
    if (result.kind === 'conflict') throw new ConflictError();
    if (result.kind === 'missing') throw new NotFoundError();
  }

  private async load(actor: Actor, sessionId: string, action: 'session.write' | 'attendance.mark'): Promise<SessionRecord> {
    const session = await this.deps.sessions.get(sessionId);
    if (!session) throw new NotFoundError();
    authorize(actor, action, await placed(this.deps.orgs, sessionResource(session)));
    return session;
  }

  /** `roll`, when given, is applied to `s` once read (see `onRoll`): callers that have not applied it read it in parallel here. */
  private async view(actor: Actor, stored: SessionRecord, amendments: AmendmentRecord[], roll?: Promise<ReadonlyMap<string, string>>): Promise<SessionDetail> {
    let s = stored;
    // Members and proxies see only their own line.
    const ownOnly = !can(actor, 'attendance.readAll', sessionResource(s));
    // Two independent reads at once: the names of who recorded, and whether the period is signed off.
    const marks = s.status === 'open' && can(actor, 'attendance.mark', sessionResource(s));
    const [names, signedOff, visits, departures] = await Promise.all([
      this.deps.users.namesOf([
        s.createdBy, ...(s.closedBy ? [s.closedBy] : []), ...(s.lastBulk ? [s.lastBulk.by] : []), ...amendments.map((a) => a.by), ...Object.values(s.attendance ?? {}).map((l) => l.recordedBy),
      ]),
      signedPeriodFor(this.deps.signoffs, s.branchId, s.startsAt),
      // For the secretary marking attendance: whose 送学上门 is under way, so no line is overwritten unseen.
      marks ? this.visitsUnderWay(s) : Promise.resolve(new Map<string, VisitStatus>()),
      roll,
    ]);
    if (departures) s = sessionOnRoll(s, departures);
    const nameOf = (id: string) => names.get(id) ?? '其他工作人员';
    const locked = !!signedOff;
    const attendance = sortByName(s.expected, (e) => e.name)
      .filter((e) => !ownOnly || e.memberId === actor.memberId)
      .map((e) => {
        const line = s.attendance?.[e.memberId];
        return {
          memberId: e.memberId,
          memberName: e.name,
          status: line?.status ?? null,
          ...(line?.reason ? { reason: line.reason } : {}),
          ...(line?.reflection ? { reflection: line.reflection } : {}),
          ...(line ? { recordedBy: line.recordedBy, recordedByName: nameOf(line.recordedBy), recordedAt: line.recordedAt } : {}),
          ...(line && isSelf(line) ? { selfRecorded: recorderText(line, nameOf(line.recordedBy), e.name) } : {}),
          ...(visits.has(e.memberId) ? { visitText: `送学上门${visitStatusLabels[visits.get(e.memberId)!]}` } : {}),
        };
      });
    const bulk = s.lastBulk;
    const present = s.expected.filter((e) => s.attendance?.[e.memberId]?.status === 'present').length;
    return {
      ...toSummary(s),
      hostName: s.hostName,
      recorderName: s.recorderName,
      ...(s.materialText ? { materialText: s.materialText } : {}),
      attachments: await this.deps.uploads.forReader(actor, s.attachments),
      ...(s.partyGroup ? { partyGroup: s.partyGroup } : {}),
      attendance,
      ...(quorumKinds.includes(s.kind) ? { quorum: quorum(s.expected.length, present) } : {}),
      ...(s.minutes && !ownOnly ? { minutes: { ...s.minutes, photos: await this.deps.uploads.forReader(actor, s.minutes.photos) } } : {}),
      amendments: ownOnly ? [] : amendments.map((a) => ({ id: a.id, at: a.at, by: a.by, byName: nameOf(a.by), reason: a.reason, ...(a.note ? { note: a.note } : {}), ...(a.attendance ? { attendance: a.attendance } : {}) })),
      version: s.version,
      ...(s.closedAt ? { closedAt: s.closedAt, closedBy: s.closedBy, closedByName: nameOf(s.closedBy ?? '') } : {}),
      ...(s.noMinutesReason ? { noMinutesReason: s.noMinutesReason } : {}),
      ...(bulk && !ownOnly
        ? {
            lastBulk: {
              id: bulk.id, at: bulk.at, byName: nameOf(bulk.by), count: Object.keys(bulk.lines).length,
              undoable: s.status === 'open' && !locked && Object.entries(bulk.lines).every(([m, seq]) => seqOf(s.attendance?.[m]) === seq),
            },
          }
        : {}),
      locked,
      createdBy: s.createdBy,
      createdByName: nameOf(s.createdBy),
    };
  }
}

/** Attempts of a write that lost to a concurrent one (each re-reads first), and derivation rounds. */
const writeAttempts = 40;

/** A short random pause before trying again, so concurrent writers spread out. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 5 + attempt * 5)));
}

const underWay: readonly VisitStatus[] = ['requested', 'scheduled', 'delivered', 'confirmed'];

const derivedFieldWords: Record<DerivedField, string> = { lastParticipatedAt: '最近参加日期', points: '积分' };

function isSelf(line: AttendanceRecord): boolean {
  return !!line.byRole && isMemberOrProxy({ role: line.byRole });
}

function statusText(line: AttendanceRecord): string {
  const words = attendanceStatusLabels[line.status];
  return line.reason ? `${words}：${line.reason}` : words;
}

/** Who recorded a line, in words: "王建国本人", "家属代办 刘某", or the recorder's name. */
function recorderText(line: AttendanceRecord | undefined, recorderName: string, memberName: string): string {
  const by = line?.byRole ? { role: line.byRole } : undefined;
  if (by && isProxy(by)) return `家属${recorderName}代为登记`;
  if (by && isMemberOrProxy(by)) return `${memberName}本人登记`;
  return `${recorderName}登记`;
}


/** What an audit entry about a session carries, so its sentence names the session without a lookup. */
function auditAbout(actor: Actor, s: SessionRecord) {
  return { actorRole: actor.role, session: { kind: s.kind, startsAt: s.startsAt, topic: s.topic } };
}

function sessionResource(s: SessionRecord) {
  return { type: 'session', orgId: s.orgId, branchId: s.branchId } as const;
}

function toSummary(s: SessionRecord): SessionSummary {
  return { id: s.id, branchId: s.branchId, kind: s.kind, topic: s.topic, startsAt: s.startsAt, place: s.place, status: s.status, onlineOffered: s.onlineOffered, expectedCount: s.expected.length };
}
