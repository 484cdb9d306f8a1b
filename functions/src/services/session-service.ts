import { randomUUID } from 'node:crypto';
import { can } from '@ltx/shared/domain/authz';
import type { Actor } from '@ltx/shared/domain/roles';
import { expectedMembers, quorum, quorumKinds, selfReportableStatuses } from '@ltx/shared/domain/session-rules';
import type {
  AmendmentInput, AttendanceInput, BulkAttendanceInput, MemberSession, MinutesInput, SessionCreateInput, SessionDetail, SessionListQuery, SessionPatchInput, SessionSummary,
} from '@ltx/shared/schemas/session';
import { ConflictError, ForbiddenError, NotExpectedError, NotFoundError, SessionClosedError, SessionNotHeldError } from '../http/errors';
import type { SignoffRepository } from '../repositories/signoff-repository';
import { assertPeriodOpen, signedPeriodFor } from './period-lock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { OutboxRepository } from '../repositories/outbox-repository';
import type { AmendmentRecord, AttendanceRecord, MemberRecord, SessionRecord } from '../repositories/records';
import type { SessionRepository, SessionWrite } from '../repositories/session-repository';
import { authorize } from './authorize';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AttendanceListener } from './participation-tracker';
import { planReminders } from './reminder-planner';
import { chinaDay } from '@ltx/shared/domain/periods';
import type { UploadService } from './upload-service';
import type { UserRepository } from '../repositories/user-repository';

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
      /** Told of each new session with the members it expects (the 送学上门 work proposes drafts). */
      onCreated?: SessionCreatedListener[];
      onClosed?: SessionClosedListener[];
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  async list(actor: Actor, branchId: string, query: SessionListQuery): Promise<SessionSummary[]> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'session.list', { type: 'branch', orgId: branch.orgId, branchId });
    const year = Number(chinaDay(this.clock.now().toISOString()).slice(0, 4));
    const from = chinaMidnight(query.from ?? `${year}-01-01`);
    const to = query.to ? chinaMidnight(query.to, 1) : chinaMidnight(`${year + 1}-01-01`);
    const sessions = await this.deps.sessions.listByBranch(branchId, from, to);
    return sessions.filter((s) => !query.kind || s.kind === query.kind).map(toSummary);
  }

  async create(actor: Actor, branchId: string, input: SessionCreateInput): Promise<SessionDetail> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'session.write', { type: 'session', orgId: branch.orgId, branchId });
    await this.assertUnlocked(branchId, input.startsAt);
    await this.deps.uploads.assertUsable(branchId, input.attachments, 'attachments');
    const members = await this.deps.members.listByBranch(branchId);
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
    await this.deps.audit.append(branchId, { at: now, actorUserId: actor.userId, action: 'session.create', targetType: 'session', targetId: session.id });
    return this.view(actor, session, []);
  }

  async get(actor: Actor, sessionId: string): Promise<SessionDetail> {
    const found = await this.deps.sessions.getWithAmendments(sessionId);
    if (!found) throw new NotFoundError();
    authorize(actor, 'session.read', sessionResource(found.session));
    return this.view(actor, found.session, found.amendments);
  }

  async update(actor: Actor, sessionId: string, patch: SessionPatchInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    if (session.status === 'closed') throw new SessionClosedError();
    if (session.version !== patch.expectedVersion) throw new ConflictError();
    // Neither the day it was planned for nor the day it moves to may be in a signed-off period.
    await assertPeriodOpen(this.deps.signoffs, session.branchId, session.startsAt, patch.startsAt);
    const { expectedVersion, ...changes } = patch;
    if (changes.attachments) await this.deps.uploads.assertUsable(session.branchId, changes.attachments, 'attachments');
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
    if (changes.startsAt || changes.materialText !== undefined || changes.attachments) {
      const members = await this.deps.members.listByBranch(session.branchId);
      await this.deps.outbox.putAll(planReminders(next, new Map(members.map((m) => [m.id, m])), this.clock.now()));
    }
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.update', targetType: 'session', targetId: sessionId, fields: Object.keys(changes) });
    return this.get(actor, sessionId);
  }

  /** One member's line: the secretary may set any status; the member or proxy only leave or online study. */
  async markAttendance(actor: Actor, sessionId: string, memberId: string, input: AttendanceInput): Promise<SessionDetail> {
    const session = await this.deps.sessions.get(sessionId);
    if (!session) throw new NotFoundError();
    const resource = sessionResource(session);
    if (!can(actor, 'attendance.mark', resource)) {
      authorize(actor, 'session.read', resource);
      authorize(actor, 'attendance.markOwn', { type: 'member', orgId: session.orgId, branchId: session.branchId, memberId });
      if (!selfReportableStatuses.includes(input.status)) throw new ForbiddenError();
    }
    if (!session.expected.some((e) => e.memberId === memberId)) throw new NotExpectedError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    await this.apply(actor, session, { [memberId]: this.line(actor, input) }, false);
    return this.get(actor, sessionId);
  }

  /** Many lines in one write: "everyone present" is one tap. */
  async markMany(actor: Actor, sessionId: string, input: BulkAttendanceInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'attendance.mark');
    const expected = new Set(session.expected.map((e) => e.memberId));
    if (input.entries.some((e) => !expected.has(e.memberId))) throw new NotExpectedError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    const lines = Object.fromEntries(input.entries.map((e) => [e.memberId, this.line(actor, e)]));
    await this.apply(actor, session, lines, false);
    return this.get(actor, sessionId);
  }

  async writeMinutes(actor: Actor, sessionId: string, input: MinutesInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    if (session.status === 'closed') throw new SessionClosedError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    await this.deps.uploads.assertUsable(session.branchId, input.photos, 'photos');
    const now = this.clock.now().toISOString();
    this.refuse(await this.deps.sessions.setMinutes(sessionId, input, actor.userId, now));
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.minutes', targetType: 'session', targetId: sessionId });
    return this.get(actor, sessionId);
  }

  async close(actor: Actor, sessionId: string): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    if (session.status === 'closed') throw new SessionClosedError();
    if (session.startsAt > this.clock.now().toISOString()) throw new SessionNotHeldError();
    await this.assertUnlocked(session.branchId, session.startsAt);
    const now = this.clock.now().toISOString();
    this.refuse(await this.deps.sessions.close(sessionId, actor.userId, now));
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.close', targetType: 'session', targetId: sessionId });
    const closed = await this.deps.sessions.get(sessionId);
    for (const listener of this.deps.onClosed ?? []) if (closed) await listener.sessionClosed(closed);
    return this.get(actor, sessionId);
  }

  /** The only way to change a closed record: an appended correction that says who, when and why. */
  async amend(actor: Actor, sessionId: string, input: AmendmentInput): Promise<SessionDetail> {
    const session = await this.load(actor, sessionId, 'session.write');
    // An amendment is part of the session's record: a signed-off period's records take none, of any kind.
    // The correction goes into the current period as a new record that names the old one.
    await this.assertUnlocked(session.branchId, session.startsAt);
    const now = this.clock.now().toISOString();
    if (input.attendance) {
      if (!session.expected.some((e) => e.memberId === input.attendance!.memberId)) throw new NotExpectedError();
      const { memberId, ...line } = input.attendance;
      await this.apply(actor, session, { [memberId]: this.line(actor, line) }, true);
    }
    const amendment: AmendmentRecord = {
      id: randomUUID(), sessionId, at: now, by: actor.userId, reason: input.reason,
      ...(input.note ? { note: input.note } : {}), ...(input.attendance ? { attendance: input.attendance } : {}),
    };
    await this.deps.sessions.appendAmendment(amendment);
    await this.deps.audit.append(session.branchId, { at: now, actorUserId: actor.userId, action: 'session.amend', targetType: 'session', targetId: sessionId });
    return this.get(actor, sessionId);
  }

  /** Credit from elsewhere (a delivered 送学上门 visit): open sessions take it directly, closed ones as an amendment. */
  async creditFromSystem(actor: Actor, sessionId: string, memberId: string, line: Omit<AttendanceRecord, 'recordedAt' | 'recordedBy'>, reason: string): Promise<void> {
    const session = await this.deps.sessions.get(sessionId);
    if (!session || !session.expected.some((e) => e.memberId === memberId)) return;
    // The visit service refuses steps of a signed-off period's visits; this guards a retry that races a sign-off.
    if (await signedPeriodFor(this.deps.signoffs, session.branchId, session.startsAt)) return;
    const record = { ...line, recordedBy: actor.userId, recordedAt: this.clock.now().toISOString() };
    if (session.status === 'open') {
      await this.apply(actor, session, { [memberId]: record }, false);
      return;
    }
    await this.apply(actor, session, { [memberId]: record }, true);
    await this.deps.sessions.appendAmendment({ id: randomUUID(), sessionId, at: record.recordedAt, by: actor.userId, reason, attendance: { memberId, status: line.status } });
  }

  async memberSessions(actor: Actor, memberId: string, query: SessionListQuery): Promise<MemberSession[]> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'member.read', { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null });
    const now = this.clock.now();
    const from = query.from ? chinaMidnight(query.from) : new Date(now.getTime() - 30 * dayMs).toISOString();
    const to = query.to ? chinaMidnight(query.to, 1) : new Date(now.getTime() + 366 * dayMs).toISOString();
    const sessions = (await this.deps.sessions.listByBranch(member.branchId, from, to)).filter(
      (s) => s.expected.some((e) => e.memberId === memberId) && (!query.kind || s.kind === query.kind),
    );
    return Promise.all(
      sessions.map(async (s) => ({
        ...toSummary(s),
        ...(s.materialText ? { materialText: s.materialText } : {}),
        attachments: await this.deps.uploads.withUrls(s.attachments),
        myStatus: s.attendance?.[memberId]?.status ?? null,
        ...(s.attendance?.[memberId]?.reason ? { myReason: s.attendance[memberId]!.reason } : {}),
        ...(s.attendance?.[memberId]?.reflection ? { myReflection: s.attendance[memberId]!.reflection } : {}),
      })),
    );
  }

  private async assertUnlocked(branchId: string, startsAt: string): Promise<void> {
    await assertPeriodOpen(this.deps.signoffs, branchId, startsAt);
  }

  private line(actor: Actor, input: { status: AttendanceRecord['status']; reason?: string; reflection?: string }): AttendanceRecord {
    return {
      status: input.status,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.reflection ? { reflection: input.reflection } : {}),
      recordedBy: actor.userId,
      recordedAt: this.clock.now().toISOString(),
    };
  }

  private async apply(actor: Actor, session: SessionRecord, lines: Record<string, AttendanceRecord>, allowClosed: boolean): Promise<void> {
    const entries = Object.entries(lines);
    // One conditional update per 100 lines keeps each expression well inside DynamoDB's limits.
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = Object.fromEntries(entries.slice(i, i + 100));
      const result = await this.deps.sessions.setAttendance(session.id, chunk, { allowClosed, by: actor.userId, at: this.clock.now().toISOString() });
      this.refuse(result);
      if (result.kind !== 'ok') return;
      for (const [memberId, after] of Object.entries(chunk)) {
        for (const listener of this.deps.listeners) await listener.attendanceChanged(session, memberId, result.previous[memberId], after);
      }
    }
    await this.deps.audit.append(session.branchId, {
      at: this.clock.now().toISOString(), actorUserId: actor.userId, action: 'attendance.mark', targetType: 'session', targetId: session.id, fields: Object.keys(lines),
    });
  }

  private refuse(result: SessionWrite): void {
    if (result.kind === 'closed') throw new SessionClosedError();
    if (result.kind === 'conflict') throw new ConflictError();
    if (result.kind === 'missing') throw new NotFoundError();
  }

  private async load(actor: Actor, sessionId: string, action: 'session.write' | 'attendance.mark'): Promise<SessionRecord> {
    const session = await this.deps.sessions.get(sessionId);
    if (!session) throw new NotFoundError();
    authorize(actor, action, sessionResource(session));
    return session;
  }

  private async view(actor: Actor, s: SessionRecord, amendments: AmendmentRecord[]): Promise<SessionDetail> {
    const ownOnly = actor.role === 'member' || actor.role === 'proxy';
    // Two independent reads at once: the names of who recorded, and whether the period is signed off.
    const [names, signedOff] = await Promise.all([
      this.deps.users.namesOf([
        s.createdBy, ...(s.closedBy ? [s.closedBy] : []), ...amendments.map((a) => a.by), ...Object.values(s.attendance ?? {}).map((l) => l.recordedBy),
      ]),
      signedPeriodFor(this.deps.signoffs, s.branchId, s.startsAt),
    ]);
    const nameOf = (id: string) => names.get(id) ?? '其他工作人员';
    const locked = !!signedOff;
    const attendance = s.expected
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
        };
      });
    const present = s.expected.filter((e) => s.attendance?.[e.memberId]?.status === 'present').length;
    return {
      ...toSummary(s),
      hostName: s.hostName,
      recorderName: s.recorderName,
      ...(s.materialText ? { materialText: s.materialText } : {}),
      attachments: await this.deps.uploads.withUrls(s.attachments),
      ...(s.partyGroup ? { partyGroup: s.partyGroup } : {}),
      attendance,
      ...(quorumKinds.includes(s.kind) ? { quorum: quorum(s.expected.length, present) } : {}),
      ...(s.minutes && !ownOnly ? { minutes: { ...s.minutes, photos: await this.deps.uploads.withUrls(s.minutes.photos) } } : {}),
      amendments: ownOnly ? [] : amendments.map((a) => ({ id: a.id, at: a.at, by: a.by, byName: nameOf(a.by), reason: a.reason, ...(a.note ? { note: a.note } : {}), ...(a.attendance ? { attendance: a.attendance } : {}) })),
      version: s.version,
      ...(s.closedAt ? { closedAt: s.closedAt, closedBy: s.closedBy, closedByName: nameOf(s.closedBy ?? '') } : {}),
      locked,
      createdBy: s.createdBy,
      createdByName: nameOf(s.createdBy),
    };
  }
}

/** Midnight in China of a day (plus some days), as a UTC instant: filters by date follow the local calendar. */
function chinaMidnight(day: string, plusDays = 0): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - 8 * 3600_000 + plusDays * dayMs).toISOString();
}

function sessionResource(s: SessionRecord) {
  return { type: 'session', orgId: s.orgId, branchId: s.branchId } as const;
}

function toSummary(s: SessionRecord): SessionSummary {
  return { id: s.id, branchId: s.branchId, kind: s.kind, topic: s.topic, startsAt: s.startsAt, place: s.place, status: s.status, onlineOffered: s.onlineOffered, expectedCount: s.expected.length };
}
