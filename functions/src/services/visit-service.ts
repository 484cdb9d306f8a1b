import { createHash, randomUUID } from 'node:crypto';
import { can, type Resource } from '@ltx/shared/domain/authz';
import { confirmationVia, type Actor } from '@ltx/shared/domain/roles';
import { canTransition, deliveredAtIssue, overdueOf, slotLabels, visitStatusLabels, visitTransitions, type OverdueRules, type VisitTransition } from '@ltx/shared/domain/visit-rules';
import {
  VisitCancelInput, VisitDeliverInput, VisitMissedInput, VisitRequestInput, VisitScheduleInput, VisitWithdrawInput, type BranchContact, type ContactVisit, type VisitConfirmInput, type VisitRequest,
} from '@ltx/shared/schemas/visit';
import { AppError, NoSessionError, NotFoundError, ValidationError, VisitStateError } from '@ltx/shared/domain/errors';
import type { HealthReadRepository } from '../repositories/health-read-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { AuditRepository } from '../repositories/audit-repository';
import type { AuditAction } from '@ltx/shared/domain/audit-sentences';
import type { MemberRecord, SessionRecord, VisitRecord } from '../repositories/records';
import type { RulesRepository } from '../repositories/rules-repository';
import type { SignoffRepository } from '../repositories/signoff-repository';
import type { SessionRepository } from '../repositories/session-repository';
import type { UserRepository } from '../repositories/user-repository';
import type { VisitRepository } from '../repositories/visit-repository';
import { actorOf, authorize } from './authorize';
import type { ChangeNotices } from './change-notices';
import { branchResource, placed } from './places';
import { assertPeriodOpen } from './period-lock';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { whenWords } from '@ltx/shared/wording/time-words';
import { careNoteTexts, type MemberService } from './member-service';
import type { Screen } from './content-screen';
import { hasLeftBy } from '@ltx/shared/domain/roll';
import { chinaDay } from '@ltx/shared/time/china-day';
import type { SessionCreatedListener, SessionService } from './session-service';
import type { UploadService } from './upload-service';

const dayMs = 86_400_000;

/** Deterministic ids make retries land on the same record: an Idempotency-Key, or a draft per session and member. */
export function idFrom(...parts: string[]): string {
  return `vr-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
}

/** 送学上门: from the member's two taps to a confirmed visit that counts as taking part. */
export class VisitService implements SessionCreatedListener {
  constructor(
    private readonly deps: {
      visits: VisitRepository;
      members: MemberRepository;
      sessions: SessionRepository;
      users: UserRepository;
      orgs: OrgRepository;
      rules: RulesRepository;
      /** A visit of a signed-off period's session, or a delivery dated in one, takes no more steps. */
      signoffs: SignoffRepository;
      audit: AuditRepository;
      uploads: UploadService;
      memberService: MemberService;
      sessionService: SessionService;
      /** WeChat's content checks: what others read of a request or a delivery, before it is stored. */
      screen: Screen;
      /** Care notes shown to the contact at the door are a read of health data, logged for the member. */
      healthReads: Pick<HealthReadRepository, 'note'>;
      /** 变动通知: what the branch changed, told on the member's and their family's home. */
      notices: Pick<ChangeNotices, 'visitChanged'>;
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  /** By the member, their proxy, or the secretary on their behalf. Safe to repeat with the same Idempotency-Key. */
  async request(actor: Actor, memberId: string, input: VisitRequestInput, idempotencyKey?: string): Promise<{ created: boolean; visit: VisitRequest }> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'visit.request', await placed(this.deps.orgs, { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null }));
    const id = idempotencyKey ? idFrom('request', actor.userId, idempotencyKey) : `vr-${randomUUID()}`;
    const existing = idempotencyKey ? await this.deps.visits.get(id) : undefined;
    if (existing) return { created: false, visit: await this.view(existing, actor) };
    await this.deps.screen.texts(actor, VisitRequestInput, input, ['note']);
    const session = await this.sessionFor(member, input.sessionId);
    if (session) await assertPeriodOpen(this.deps.signoffs, member.branchId, session.startsAt);
    const adopted = session && (await this.adoptDraft(actor, session.id, memberId, input));
    if (adopted) return adopted;
    const now = this.clock.now().toISOString();
    const visit: VisitRecord = {
      id, orgId: member.orgId, branchId: member.branchId, memberId, memberName: member.name,
      ...(session ? { sessionId: session.id, sessionTopic: session.topic } : {}),
      slot: input.slot, ...(input.note ? { note: input.note } : {}),
      status: 'requested', requestedBy: actor.userId, requestedByRole: actor.role, createdAt: now,
      history: [{ from: 'new', to: 'requested', by: actor.userId, at: now }], version: 1,
    };
    const outcome = await this.deps.visits.create(visit);
    // Two identical requests at once: one writes, the other finds it and answers the same.
    const stored = outcome === 'created' ? visit : await this.deps.visits.get(id);
    if (!stored) throw new NotFoundError();
    if (outcome === 'created') await this.audit(actor, stored, 'visit.request', 'new');
    return { created: outcome === 'created', visit: await this.view(stored, actor) };
  }

  /**
   * A draft the system proposed for this session becomes the member's request, instead of a second
   * request beside it. A retry (or a concurrent double tap) finds it already requested by the same person.
   */
  private async adoptDraft(actor: Actor, sessionId: string, memberId: string, input: VisitRequestInput): Promise<{ created: boolean; visit: VisitRequest } | undefined> {
    const id = idFrom('draft', sessionId, memberId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const draft = await this.deps.visits.get(id);
      if (!draft) return undefined;
      if (draft.status !== 'draft') {
        // A request withdrawn or cancelled since is not a retry's answer: asking again makes a new request.
        const retry = draft.status !== 'cancelled' && draft.requestedBy === actor.userId && draft.history.some((h) => h.to === 'requested');
        return retry ? { created: false, visit: await this.view(draft, actor) } : undefined;
      }
      const now = this.clock.now().toISOString();
      const next: VisitRecord = {
        ...draft, slot: input.slot, ...(input.note ? { note: input.note } : {}), status: 'requested', requestedBy: actor.userId, requestedByRole: actor.role,
        version: draft.version + 1, history: [...draft.history, { from: 'draft', to: 'requested', by: actor.userId, at: now }],
      };
      if ((await this.deps.visits.replace(next, { status: 'draft', version: draft.version })) === 'ok') {
        await this.audit(actor, next, 'visit.request', 'draft');
        return { created: true, visit: await this.view(next, actor) };
      }
    }
    return undefined;
  }

  /** When a session is planned, members who study at home get a draft the secretary confirms in one tap. */
  async sessionCreated(session: SessionRecord, expected: MemberRecord[]): Promise<void> {
    const now = this.clock.now().toISOString();
    if (session.startsAt < now) return; // a record entered afterwards needs no visit proposed
    for (const member of expected.filter((m) => m.attendanceMode === 'home_delivered')) {
      await this.deps.visits.create({
        id: idFrom('draft', session.id, member.id), orgId: session.orgId, branchId: session.branchId, memberId: member.id, memberName: member.name,
        sessionId: session.id, sessionTopic: session.topic, slot: 'any', status: 'draft', requestedBy: session.createdBy, requestedByRole: 'system',
        createdAt: now, history: [{ from: 'new', to: 'draft', by: 'system', at: now }], version: 1,
      });
    }
  }

  async list(actor: Actor, branchId: string, status?: string): Promise<VisitRequest[]> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'visit.list', branchResource(branch));
    const finished = status === 'closed' || status === 'cancelled';
    const stored = await this.deps.visits.listByBranch(branchId, { open: !finished, ...(status ? { status } : {}) });
    const sessions = await this.sessionsOf(stored);
    const visits = await this.offered(branchId, stored, sessions);
    const rules = (await this.deps.rules.ofBranch(branchId)).visits;
    return visits.map((v) => this.toView(v, rules, sessions)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Open requests of one member, for the member's home ("已安排：林小红 周三上午来"). */
  async forMember(actor: Actor, memberId: string): Promise<VisitRequest[]> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'member.read', await placed(this.deps.orgs, { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null }));
    const visits = (await this.deps.visits.listByBranch(member.branchId, { open: true })).filter((v) => v.memberId === memberId && v.status !== 'draft');
    const [rules, sessions] = await Promise.all([this.deps.rules.ofBranch(member.branchId), this.sessionsOf(visits)]);
    return visits.map((v) => this.toView(v, rules.visits, sessions));
  }

  async get(actor: Actor, id: string): Promise<VisitRequest> {
    return this.view(await this.load(actor, id, 'visit.read'), actor);
  }

  async accept(actor: Actor, id: string): Promise<VisitRequest> {
    const visit = await this.load(actor, id, 'visit.manage');
    await this.assertVisitOpen(visit);
    return this.step(actor, visit, 'accept', {});
  }

  async schedule(actor: Actor, id: string, input: VisitScheduleInput): Promise<VisitRequest> {
    const visit = await this.load(actor, id, 'visit.manage');
    const contact = await this.deps.users.getUser(input.contactUserId);
    // Only someone who may have visits to make in this branch can be sent.
    if (!contact || !can(actorOf(contact), 'visit.tasks', { type: 'branch', orgId: visit.orgId, branchId: visit.branchId })) {
      throw new ValidationError([{ path: 'contactUserId', message: '送学联系人：不是本支部的联系人' }]);
    }
    await this.assertVisitOpen(visit);
    if (input.reason) await this.deps.screen.texts(actor, VisitScheduleInput, input, ['reason']);
    const scheduled = { contactUserId: contact.id, contactName: contact.displayName, windowStart: input.windowStart, windowEnd: input.windowEnd, by: actor.userId, at: this.clock.now().toISOString() };
    return this.step(actor, visit, visit.status === 'scheduled' ? 'reschedule' : 'schedule', { scheduled }, { reason: input.reason });
  }

  async deliver(actor: Actor, id: string, input: VisitDeliverInput): Promise<VisitRequest> {
    const visit = await this.load(actor, id, 'visit.deliver');
    if (!canTransition('deliver', visit.status)) throw new VisitStateError();
    const { deliveryGraceDays } = (await this.deps.rules.ofBranch(visit.branchId)).visits;
    const issue = deliveredAtIssue(input.deliveredAt, { now: this.clock.now(), scheduledAt: firstScheduledAt(visit), graceDays: deliveryGraceDays });
    if (issue) throw new ValidationError([{ path: 'deliveredAt', message: issue }]);
    await this.assertVisitOpen(visit, input.deliveredAt);
    await Promise.all([
      this.deps.screen.texts(actor, VisitDeliverInput, input, ['studied', 'remarks', 'views', ...careNoteTexts.map((k) => `observations.${k}`)]),
      this.deps.uploads.attach(actor, visit.branchId, input.photos, 'photos'),
    ]);
    const delivered: NonNullable<VisitRecord['delivered']> = {
      at: input.deliveredAt, by: actor.userId, studied: input.studied,
      ...(input.remarks ? { remarks: input.remarks } : {}), ...(input.views ? { views: input.views } : {}),
      ...(input.observations ? { observations: input.observations } : {}), photos: input.photos,
    };
    // The winner of a race is decided here, before anything else is written.
    const result = await this.step(actor, visit, 'deliver', { delivered });
    if (input.observations && Object.keys(input.observations).length) {
      const change = await this.recordObservations(actor, visit.memberId, input.observations);
      const after = await this.deps.visits.get(id);
      if (after) {
        const next = { ...after, delivered: { ...after.delivered!, careNotesChange: change }, version: after.version + 1 };
        if ((await this.deps.visits.replace(next, { status: after.status, version: after.version })) === 'ok') return this.view(next, actor);
      }
    }
    return result;
  }

  /** By the member or proxy in one tap, or by the secretary after a phone call. Credits the session's attendance. */
  async confirm(actor: Actor, id: string, input: VisitConfirmInput): Promise<VisitRequest> {
    let visit = await this.load(actor, id, 'visit.confirm');
    const via = confirmationVia(actor);
    if (via === 'secretary_phone' && !input.byPhone) throw new ValidationError([{ path: 'byPhone', message: '电话确认：书记代为确认时，请先电话联系本人或家属' }]);
    // Confirming credits the session's attendance and completes the delivery: neither may be in a signed-off period.
    await this.assertVisitOpen(visit);
    if (visit.status === 'delivered') {
      await this.step(actor, visit, 'confirm', { confirmed: { by: actor.userId, at: this.clock.now().toISOString(), via } });
      visit = (await this.deps.visits.get(id))!;
    }
    // A confirmed request not yet closed (a retry after a crash) finishes here: credit, then close.
    if (visit.status !== 'confirmed') throw new VisitStateError();
    if (visit.sessionId) {
      await this.deps.sessionService.creditFromSystem(actor, visit.sessionId, visit.memberId, { status: 'home_delivered', visitRequestId: visit.id }, '送学上门已完成并经确认');
    }
    return this.step(actor, visit, 'close', {});
  }

  /**
   * The member or proxy takes back their own request before it is delivered. A retry after it went
   * through (the request cancelled by the same person) answers it as it is.
   */
  async withdraw(actor: Actor, id: string, input: VisitWithdrawInput): Promise<VisitRequest> {
    const visit = await this.load(actor, id, 'visit.withdraw');
    if (visit.status === 'cancelled' && visit.cancelled?.by === actor.userId) return this.view(visit, actor);
    if (visit.status === 'delivered') throw new VisitStateError('VISIT_ALREADY_DELIVERED');
    if (!canTransition('withdraw', visit.status)) throw new VisitStateError();
    await this.assertVisitOpen(visit);
    await this.deps.screen.texts(actor, VisitWithdrawInput, input, ['reason']);
    const who = confirmationVia(actor) === 'proxy' ? '家属代为撤回申请' : '本人撤回申请';
    const reason = input.reason ? `${who}（${input.reason}）` : who;
    return this.step(actor, visit, 'withdraw', { cancelled: { by: actor.userId, at: this.clock.now().toISOString(), reason } });
  }

  /**
   * "没有人来": the member or proxy says a visit recorded as delivered did not happen. The request opens
   * again for the secretary to arrange, with their words; the delivery as recorded is kept beside it.
   * A retry after it went through answers the request as it is.
   */
  async reportMissed(actor: Actor, id: string, input: VisitMissedInput): Promise<VisitRequest> {
    const visit = await this.load(actor, id, 'visit.reportMissed');
    if (visit.status === 'requested' && visit.missed?.by === actor.userId && visit.history.at(-1)?.from === 'delivered') return this.view(visit, actor);
    if (!canTransition('reportMissed', visit.status) || !visit.delivered) throw new VisitStateError();
    await this.assertVisitOpen(visit);
    await this.deps.screen.texts(actor, VisitMissedInput, input, ['note']);
    const { delivered, ...reopened } = visit;
    const missed: NonNullable<VisitRecord['missed']> = {
      by: actor.userId, at: this.clock.now().toISOString(), via: confirmationVia(actor) === 'proxy' ? 'proxy' : 'member',
      ...(input.note ? { note: input.note } : {}), delivered,
    };
    return this.step(actor, reopened, 'reportMissed', { missed });
  }

  async cancel(actor: Actor, id: string, input: VisitCancelInput): Promise<VisitRequest> {
    const visit = await this.load(actor, id, 'visit.cancel');
    await this.assertVisitOpen(visit);
    await this.deps.screen.texts(actor, VisitCancelInput, input, ['reason']);
    return this.step(actor, visit, 'cancel', { cancelled: { by: actor.userId, at: this.clock.now().toISOString(), reason: input.reason } }, { reason: input.reason });
  }

  /** A contact's visits in time order, with what they need at the door, read in three requests whatever the count. */
  async contactVisits(actor: Actor): Promise<ContactVisit[]> {
    authorize(actor, 'visit.tasks', { type: 'branch', orgId: actor.orgId ?? '', branchId: actor.branchId ?? '' });
    const visits = (await this.deps.visits.listByContact(actor.userId)).filter((v) => v.status === 'scheduled' || v.status === 'delivered');
    const members = new Map((await this.deps.members.getMany(visits.map((v) => v.memberId))).map((m) => [m.id, m]));
    const rules = (await this.deps.rules.ofBranch(actor.branchId ?? '')).visits;
    const sessions = await this.sessionsOf(visits);
    const at = this.clock.now().toISOString();
    const read = [...members.values()].filter((m) => m.sensitive);
    await Promise.all(read.map((m) => this.deps.healthReads.note({ memberId: m.id, readerId: actor.userId, readerRole: actor.role, purpose: 'home_visit', at })));
    return visits.map((v) => {
      const m = members.get(v.memberId);
      return {
        ...this.toView(v, rules, sessions),
        ...(m ? { memberGender: m.gender } : {}),
        ...(m?.phone ? { memberPhone: m.phone } : {}),
        ...(m?.address ? { address: m.address } : {}),
        ...(m?.sensitive ? { careNotes: m.sensitive.careNotes } : {}),
        emergencyContacts: m?.sensitive?.emergencyContacts ?? [],
      };
    });
  }

  async branchContacts(actor: Actor, branchId: string): Promise<BranchContact[]> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'visit.listContacts', branchResource(branch));
    const contacts = await this.deps.users.listByBranchRole(branchId, 'contact');
    return contacts.map((c) => ({ userId: c.id, name: c.displayName }));
  }

  /** Counts for the secretary's home and the inspector: open, and overdue by kind. */
  async overdueSummary(branchId: string): Promise<{ open: number; drafts: number; notScheduled: number; notDelivered: number; overdue: VisitRequest[] }> {
    const rules = (await this.deps.rules.ofBranch(branchId)).visits;
    const stored = await this.deps.visits.listByBranch(branchId, { open: true });
    const sessions = await this.sessionsOf(stored.filter((v) => v.status === 'draft'));
    const all = (await this.offered(branchId, stored, sessions)).map((v) => this.toView(v, rules));
    // Drafts are the system's proposals, not requests anyone made: counted apart.
    const open = all.filter((v) => v.status !== 'draft');
    const overdue = open.filter((v) => v.overdue);
    return {
      open: open.length, drafts: all.length - open.length,
      notScheduled: overdue.filter((v) => v.overdue === 'not_scheduled').length, notDelivered: overdue.filter((v) => v.overdue === 'not_delivered').length, overdue,
    };
  }

  /**
   * The system's 送学上门 suggestions (drafts) are not offered for a member who died or left the branch,
   * nor for one on leave for that session (请假, in hospital among its reasons: nobody calls at an empty
   * home). Requests people made stay as they are, for the secretary to close or cancel.
   */
  private async offered(branchId: string, visits: VisitRecord[], sessions: ReadonlyMap<string, SessionRecord>): Promise<VisitRecord[]> {
    if (!visits.some((v) => v.status === 'draft')) return visits;
    const today = chinaDay(this.clock.now().toISOString());
    const left = new Set((await this.deps.members.listByBranch(branchId)).filter((m) => hasLeftBy(m.departure, today)).map((m) => m.id));
    const onLeave = (v: VisitRecord) => !!v.sessionId && sessions.get(v.sessionId)?.attendance?.[v.memberId]?.status === 'excused';
    return visits.filter((v) => !(v.status === 'draft' && (left.has(v.memberId) || onLeave(v))));
  }

  /** The sessions the visits are for, in one BatchGet: their day on every card, and who is on leave. */
  private async sessionsOf(visits: readonly VisitRecord[]): Promise<Map<string, SessionRecord>> {
    const ids = visits.map((v) => v.sessionId).filter((id): id is string => !!id);
    return new Map((ids.length ? await this.deps.sessions.getMany(ids) : []).map((s) => [s.id, s]));
  }

  /** `tell`: a change the branch made that the member and their family are told of on their home (变动通知), with its reason. */
  private async step(actor: Actor, visit: VisitRecord, transition: VisitTransition, changes: Partial<VisitRecord>, tell?: { reason: string | undefined }): Promise<VisitRequest> {
    if (!canTransition(transition, visit.status)) throw new VisitStateError();
    const now = this.clock.now().toISOString();
    const to = visitTransitions[transition].to;
    const next: VisitRecord = { ...visit, ...changes, status: to, version: visit.version + 1, history: [...visit.history, { from: visit.status, to, by: actor.userId, at: now }] };
    if ((await this.deps.visits.replace(next, { status: visit.status, version: visit.version })) === 'conflict') throw new VisitStateError();
    await this.audit(actor, next, `visit.${transition}`, visit.status);
    if (tell) await this.deps.notices.visitChanged(actor, visit, next, (await this.sessionsOf([next])).get(next.sessionId ?? ''), tell.reason);
    return this.view(next, actor);
  }

  /** Care observations go through the approval rule: a contact's wait for the secretary. */
  private async recordObservations(actor: Actor, memberId: string, observations: NonNullable<VisitDeliverInput['observations']>): Promise<'applied' | 'pending_approval' | 'not_stored'> {
    const member = await this.deps.members.get(memberId, { withSensitive: true });
    // Without the member's own consent, or before their health profile is filled in, the observation stays on the visit only.
    if (!member?.healthConsent || !member.sensitive) return 'not_stored';
    const { healthClass, emergencyContacts } = member.sensitive;
    const careNotes = { ...member.sensitive.careNotes, ...observations };
    try {
      // The observations were checked with the rest of the delivery (`deliver`).
      const outcome = await this.deps.memberService.update(actor, memberId, { expectedVersion: member.version, sensitive: { healthClass, emergencyContacts, careNotes } }, { textsChecked: true });
      return outcome.kind === 'applied' ? 'applied' : 'pending_approval';
    } catch (error) {
      // A volunteer not paired with the member may deliver, but may not propose profile changes: it stays on the visit.
      if (error instanceof AppError && error.status < 500) return 'not_stored';
      throw error;
    }
  }

  private async sessionFor(member: MemberRecord, sessionId?: string): Promise<SessionRecord | undefined> {
    if (sessionId) {
      const session = await this.deps.sessions.get(sessionId);
      if (!session || session.branchId !== member.branchId || !session.expected.some((e) => e.memberId === member.id)) {
        throw new ValidationError([{ path: 'sessionId', message: '学习场次：不是您需要参加的学习' }]);
      }
      return session;
    }
    const now = this.clock.now();
    const upcoming = await this.deps.sessions.listByBranch(member.branchId, new Date(now.getTime() - dayMs).toISOString(), new Date(now.getTime() + 120 * dayMs).toISOString());
    const next = upcoming.find((s) => s.expected.some((e) => e.memberId === member.id));
    if (!next) throw new NoSessionError();
    return next;
  }

  /**
   * A visit is dated by the study it delivers (its session's day) and, once delivered, by the
   * delivery too: a step on it writes into those periods, so none may be signed off.
   */
  private async assertVisitOpen(visit: VisitRecord, ...more: string[]): Promise<void> {
    const session = visit.sessionId ? await this.deps.sessions.get(visit.sessionId) : undefined;
    await assertPeriodOpen(this.deps.signoffs, visit.branchId, session?.startsAt, visit.delivered?.at, ...more);
  }

  private async load(actor: Actor, id: string, action: 'visit.read' | 'visit.manage' | 'visit.deliver' | 'visit.confirm' | 'visit.cancel' | 'visit.withdraw' | 'visit.reportMissed'): Promise<VisitRecord> {
    const visit = await this.deps.visits.get(id);
    if (!visit) throw new NotFoundError();
    authorize(actor, action, await placed(this.deps.orgs, visitResource(visit)));
    return visit;
  }

  private async audit(actor: Actor, v: VisitRecord, action: AuditAction, from: VisitRecord['status'] | 'new') {
    await this.deps.audit.append(v.branchId, {
      at: this.clock.now().toISOString(), actorUserId: actor.userId, action, targetType: 'visit', targetId: v.id, actorRole: actor.role, memberName: v.memberName,
      visit: { from, to: v.status, ...(v.scheduled ? { windowStart: v.scheduled.windowStart } : {}) }, ...(v.sessionTopic ? { session: { topic: v.sessionTopic } } : {}),
    });
  }

  private async view(v: VisitRecord, actor: Actor): Promise<VisitRequest> {
    const [rules, sessions] = await Promise.all([this.deps.rules.ofBranch(v.branchId), this.sessionsOf([v])]);
    const view = this.toView(v, rules.visits, sessions);
    if (v.delivered) view.delivered = { ...v.delivered, photos: await this.deps.uploads.forReader(actor, v.delivered.photos) };
    // Views on the branch's work are for the branch, not for everyone who can see the request.
    if (view.delivered && !can(actor, 'visit.readViews', visitResource(v))) delete view.delivered.views;
    return view;
  }

  /** `sessions`: where given, the card carries its session's day as it is now (a moved session shows its new day). */
  private toView(v: VisitRecord, rules: OverdueRules, sessions?: ReadonlyMap<string, SessionRecord>): VisitRequest {
    const now = this.clock.now();
    const startsAt = v.sessionId ? sessions?.get(v.sessionId)?.startsAt : undefined;
    return {
      id: v.id, branchId: v.branchId, memberId: v.memberId, memberName: v.memberName,
      ...(v.sessionId ? { sessionId: v.sessionId } : {}), ...(v.sessionTopic ? { sessionTopic: v.sessionTopic } : {}), ...(startsAt ? { sessionStartsAt: startsAt } : {}),
      slot: v.slot, ...(v.note ? { note: v.note } : {}), status: v.status, requestedBy: v.requestedBy, requestedByRole: v.requestedByRole, createdAt: v.createdAt,
      ageDays: Math.floor((now.getTime() - new Date(v.createdAt).getTime()) / dayMs),
      overdue: overdueOf(v.status, v.createdAt, now, rules),
      ...(v.scheduled ? { scheduled: v.scheduled } : {}),
      ...(v.delivered ? { delivered: { ...v.delivered, photos: v.delivered.photos.map((p) => ({ ...p, url: '' })) } } : {}),
      ...(v.confirmed ? { confirmed: v.confirmed } : {}),
      ...(v.cancelled ? { cancelled: v.cancelled } : {}),
      ...(v.missed ? { missed: { by: v.missed.by, at: v.missed.at, via: v.missed.via, ...(v.missed.note ? { note: v.missed.note } : {}), deliveredAt: v.missed.delivered.at, text: missedText(v.missed, now) } } : {}),
      statusText: statusText(v, now),
      version: v.version,
    };
  }
}

/** The request as `can()` sees it: the contact it is assigned to is the one who may deliver it. */
function visitResource(v: VisitRecord): Extract<Resource, { type: 'visit' }> {
  return { type: 'visit', orgId: v.orgId, branchId: v.branchId, memberId: v.memberId, contactUserId: v.scheduled?.contactUserId ?? null };
}

/** When the visit was first scheduled: a delivery cannot have happened before anyone arranged it. */
function firstScheduledAt(v: VisitRecord): string | undefined {
  return v.history.find((h) => h.to === 'scheduled')?.at ?? v.scheduled?.at;
}

/** "本人说11月30日 星期一 上午9点没有人来送学": the words the secretary and the member both read. */
function missedText(m: NonNullable<VisitRecord['missed']>, now: Date): string {
  return `${m.via === 'proxy' ? '家属' : '本人'}说${whenWords(m.delivered.at, { today: now })}没有人来送学`;
}

function statusText(v: VisitRecord, now: Date): string {
  if (v.status === 'scheduled' && v.scheduled) return `已安排：${v.scheduled.contactName} ${whenWords(v.scheduled.windowStart, { today: now })}来`;
  if (v.status === 'requested' && v.missed) return `${missedText(v.missed, now)}，已告诉支部，等待重新安排`;
  if (v.status === 'requested') return `已申请（${slotLabels[v.slot]}），等待支部安排`;
  if (v.status === 'cancelled' && v.cancelled) return `已取消：${v.cancelled.reason}`;
  return visitStatusLabels[v.status];
}
