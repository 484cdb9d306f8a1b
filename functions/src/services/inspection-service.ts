import { randomUUID } from 'node:crypto';
import { ruleInPeriod } from '@ltx/shared/domain/cadence';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { instantInPeriod, parsePeriod, periodEnded, type Period } from '@ltx/shared/domain/periods';
import { byNumberedName } from '@ltx/shared/domain/name-order';
import { chinaDay, chinaDayStart } from '@ltx/shared/time/china-day';
import type { Actor } from '@ltx/shared/domain/roles';
import { monthsBetween, quietMonthsWarning, quorum, quorumKinds } from '@ltx/shared/domain/session-rules';
import { overdueOf } from '@ltx/shared/domain/visit-rules';
import { departuresOf, hasLeftBy } from '@ltx/shared/domain/roll';
import { sessionOnRoll } from './session-roll';
import { onRoll, openAtEnd, pointsOfPeriod, visitStatusAt } from '@ltx/shared/domain/period-ledger';
import { attendanceStatusLabels, sessionKindLabels } from '@ltx/shared/labels';
import { signoffCheck } from '@ltx/shared/domain/signoff-check';
import {
  RectificationPatch, ReviewInput, type BranchCompliance, type ComplianceView, type Ledger, type Rectification, type Review, type Signoff, type SignoffCheck, type SignoffInput,
} from '@ltx/shared/schemas/inspection';
import type { Frequency, SessionKind } from '@ltx/shared/schemas/session';
import { ConflictError, NotFoundError, PeriodNotEndedError, RectificationStateError, ValidationError } from '@ltx/shared/domain/errors';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { PointsRepository } from '../repositories/points-repository';
import type { BranchRecord, RectificationRecord, SessionRecord, SignoffRecord } from '../repositories/records';
import type { ReviewRepository } from '../repositories/review-repository';
import type { RulesRepository } from '../repositories/rules-repository';
import type { SessionRepository } from '../repositories/session-repository';
import type { SignoffRepository } from '../repositories/signoff-repository';
import type { UserRepository } from '../repositories/user-repository';
import type { VisitRepository } from '../repositories/visit-repository';
import { authorize } from './authorize';
import { branchResource, orgResource, placed } from './places';
import { assertPeriodOpen } from './period-lock';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { UploadService } from './upload-service';
import type { Screen } from './content-screen';

/** Below this share of members taking part, a study session counts as a shortfall. */
export const coverageThreshold = 0.8;

export class InspectionService {
  constructor(
    private readonly deps: {
      orgs: OrgRepository;
      members: MemberRepository;
      sessions: SessionRepository;
      visits: VisitRepository;
      points: PointsRepository;
      reviews: ReviewRepository;
      signoffs: SignoffRepository;
      rules: RulesRepository;
      users: UserRepository;
      audit: AuditRepository;
      uploads: UploadService;
      /** WeChat's content checks: opinions, items and answers the other side reads, before they are stored. */
      screen: Screen;
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  /** "Now" from the injected clock, for what the handlers stamp (an export's creation time). */
  now(): Date {
    return this.clock.now();
  }

  /**
   * Every branch of the organisation against the rules for one period. Requests: the branch list and
   * the rules, then five Queries per branch, each bounded by the branch. Each rule is counted over what
   * it requires (`ruleInPeriod`): a rule not due in the period (a quarterly 党课 in a month view) shows
   * what was held so far in its quarter or year and is never a shortfall of the period.
   */
  async compliance(actor: Actor, orgId: string, periodText: string): Promise<ComplianceView> {
    const org = await this.deps.orgs.getOrg(orgId);
    authorize(actor, 'compliance.read', org ? orgResource(org) : { type: 'org', orgId });
    const period = this.period(periodText);
    // The whole subtree's open branches: one Query on the tree index (and the org's own list), however deep.
    const branches = org ? (await this.deps.orgs.subtreeBranches(org)).filter((b) => !b.closedOn) : await this.deps.orgs.listBranches(orgId);
    // Each branch is held to its own effective rules: one BatchGetItem for all the places the branches sit in.
    const effective = await this.deps.rules.ofPaths(branches.map((b) => b.orgPath));
    const now = this.clock.now();
    const ended = periodEnded(period, now);
    const rows = await Promise.all(
      branches.map(async (branch): Promise<BranchCompliance> => {
        const { frequency, visits: overdueRules } = effective.get(branch.orgPath)!;
        const rules = (Object.entries(frequency) as [SessionKind, Frequency | null][])
          .filter((entry): entry is [SessionKind, Frequency] => entry[1] !== null)
          .map(([kind, cadence]) => ({ kind, cadence, rule: ruleInPeriod(cadence, period) }));
        // One Query per branch from the earliest window (the quarter or year holding the period) to the period's end.
        const from = rules.reduce((start, r) => (r.rule.window.start < start ? r.rule.window.start : start), period.start);
        const [sessions, members, openVisits, openItems, signoffs] = await Promise.all([
          this.sessionsIn(branch.id, { start: from, end: period.end }),
          this.deps.members.listByBranch(branch.id),
          this.deps.visits.listByBranch(branch.id, { open: true }),
          this.deps.reviews.openItems(branch.id),
          this.deps.signoffs.list(branch.id),
        ]);
        const nowIso = now.toISOString();
        // Sessions of the window reach back to the quarter or year start; those of the period are a subset.
        const held = sessions.filter((s) => s.startsAt <= nowIso);
        const heldInPeriod = held.filter((s) => instantInPeriod(period, s.startsAt));
        const meetings = rules.map(({ kind, cadence, rule }) => {
          const count = held.filter((s) => s.kind === kind && instantInPeriod(rule.window, s.startsAt)).length;
          const behind = rule.due && count < rule.required;
          // Before the period's end a rule not yet met still has time: "还可召开", not "不足".
          return { kind, cadence, due: rule.due, window: rule.window.text, held: count, required: rule.required, short: behind && ended, pending: behind && !ended };
        });
        // Coverage of each session as its day's roll has it: those who died or left before are not expected.
        const departures = departuresOf(members);
        const coverages = heldInPeriod.map((s) => coverageOf(sessionOnRoll(s, departures)));
        const overdueVisits = openVisits.filter((v) => overdueOf(v.status, v.createdAt, now, overdueRules)).length;
        const today = chinaDay(now.toISOString());
        const quietMembers = members.filter((m) => !hasLeftBy(m.departure, today) && monthsBetween(m.lastParticipatedAt ?? m.createdAt, now) >= quietMonthsWarning).length;
        const overdueItems = openItems.filter((i) => i.deadline < chinaDay(now.toISOString())).length;
        const signed = signoffs.find((s) => s.period === period.text);
        const shortfalls = [
          ...meetings.filter((m) => m.short).map((m) => `${sessionKindLabels[m.kind]} ${m.held}/${m.required}，不足`),
          ...(coverages.some((c) => c < coverageThreshold) ? [`有 ${coverages.filter((c) => c < coverageThreshold).length} 次学习参学率低于 ${coverageThreshold * 100}%`] : []),
          ...(overdueVisits ? [`送学上门逾期 ${overdueVisits} 件`] : []),
          ...(quietMembers ? [`${quietMembers} 名党员五个月以上未参加组织生活`] : []),
          ...(overdueItems ? [`整改事项逾期 ${overdueItems} 项`] : []),
        ];
        return {
          branchId: branch.id, branchName: branch.name, period: period.text, meetings,
          coverage: { sessions: coverages.length, average: coverages.length ? round(coverages.reduce((a, c) => a + c, 0) / coverages.length) : null, lowest: coverages.length ? round(Math.min(...coverages)) : null },
          overdueVisits, quietMembers, openItems: openItems.length, overdueItems,
          signedOff: signed ? { by: signed.byName, at: signed.at } : null,
          shortfalls,
        };
      }),
    );
    // The branches that fall short come first.
    rows.sort((a, b) => b.shortfalls.length - a.shortfalls.length || byNumberedName(a.branchName, b.branchName));
    return { orgId, period: period.text, branches: rows };
  }

  /** The branch ledger (台账) of a period, in the sections a ledger has. */
  async ledger(actor: Actor, branchId: string, periodText: string): Promise<Ledger> {
    const branch = await this.branch(actor, branchId, 'ledger.read');
    const period = this.period(periodText);
    const year = Number(period.start.slice(0, 4));
    const [org, allMembers, sessionsWithAmendments, openVisits, doneVisits, entries, effective, audit, reviews, signoffs] = await Promise.all([
      this.deps.orgs.getOrg(branch.orgId),
      this.deps.members.listByBranch(branchId),
      this.sessionsIn(branchId, period),
      this.deps.visits.listByBranch(branchId, { open: true }),
      this.deps.visits.listByBranch(branchId, { open: false }),
      this.deps.points.branchYear(branchId, year),
      this.deps.rules.ofPath(branch.orgPath),
      // China days, as the sessions: an entry written at 00:10 in Beijing on the 1st belongs to the new month.
      this.deps.audit.list(branchId, chinaDayStart(period.start), chinaDayStart(period.end)),
      this.reviews(actor, branchId, periodText, branch),
      this.deps.signoffs.list(branchId),
    ]);
    const count = (values: (string | undefined)[]) =>
      Object.fromEntries(
        Object.entries(values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v ?? '未填']: (acc[v ?? '未填'] ?? 0) + 1 }), {})).sort(([a], [b]) => a.localeCompare(b, 'zh-CN')),
      );
    // Audit entries carry their actor's name; those written before they did are named in one BatchGetItem.
    const [names, actorNames] = await Promise.all([
      this.userNames(sessionsWithAmendments.flatMap((s) => [s.createdBy, s.closedBy ?? s.createdBy])),
      this.deps.users.namesOf(audit.filter((a) => !a.actorName).map((a) => a.actorUserId)),
    ]);
    // The period's book as it stood at its end: its roll, its visits, its points; never today's.
    const members = allMembers.filter((m) => onRoll(m, period));
    const visits = [...openVisits, ...doneVisits];
    const delivered = visits.filter((v) => !!v.delivered && instantInPeriod(period, v.delivered.at));
    const endInstant = chinaDayStart(period.end);
    const asOf = new Date(Math.min(this.clock.now().getTime(), Date.parse(endInstant)));
    const openAtItsEnd = visits.filter((v) => openAtEnd(v, period));
    const overdueRules = effective.visits;
    const photos = [
      ...sessionsWithAmendments.flatMap((s) => (s.minutes?.photos ?? []).map((p) => ({ ...p, source: `${sessionKindLabels[s.kind]}「${s.topic}」` }))),
      ...delivered.flatMap((v) => (v.delivered?.photos ?? []).map((p) => ({ ...p, source: `送学上门：${v.memberName}` }))),
    ];
    const byMember = new Map<string, typeof entries>();
    for (const e of entries) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
    const signoff = signoffs.find((s) => s.period === period.text);
    return {
      branchId, branchName: branch.name, orgName: org?.name ?? '', period: period.text,
      setup: {
        memberCount: members.length,
        committee: members.filter((m) => m.committeeRole).map((m) => ({ name: m.name, role: m.committeeRole! })),
        groups: count(members.map((m) => m.partyGroup)),
        // Health data leaves the branch as counts only.
        byHealthClass: branch.healthClassCounts,
        byLivingSituation: count(members.map((m) => m.livingSituation)),
        byAttendanceMode: count(members.map((m) => m.attendanceMode)),
      },
      // Each session with those its day's roll expected: a member who died later stays in the earlier ones.
      sessions: sessionsWithAmendments.map((s) => sessionLine(sessionOnRoll(s, departuresOf(allMembers)), names)),
      education: {
        visitsDelivered: delivered.length,
        visitsOpen: openAtItsEnd.length,
        visitsOverdue: openAtItsEnd.filter((v) => overdueOf(visitStatusAt(v, endInstant)!, v.createdAt, asOf, overdueRules)).length,
      },
      points: members.map((m) => ({ memberId: m.id, name: m.name, ...pointsOfPeriod(byMember.get(m.id) ?? [], period, effective.points) })),
      // The book shows what passed WeChat's content check only (an image still in it, or refused, is not part of the record).
      photos: (await this.deps.uploads.forReader(actor, photos)).filter((p) => !p.check).map(({ source, name, url }) => ({ source, name, url })),
      audit: audit.map((a) => ({ at: a.at, sentence: auditSentence(a, actorNames.get(a.actorUserId)) })),
      reviews,
      signoff: signoff ? signoffView(signoff) : null,
    };
  }

  async reviews(actor: Actor, branchId: string, periodText: string, known?: BranchRecord): Promise<Review[]> {
    const branch = known ?? (await this.branch(actor, branchId, 'ledger.read'));
    const period = this.period(periodText);
    const reviews = await this.deps.reviews.listReviews(branch.id, period.text);
    const items = new Map((await this.deps.reviews.getItems(reviews.flatMap((r) => r.itemIds))).map((i) => [i.id, i]));
    return Promise.all(
      reviews.map(async (r) => ({
        id: r.id, branchId: r.branchId, period: r.period, opinion: r.opinion, by: r.by, byName: r.byName, at: r.at,
        items: await Promise.all(r.itemIds.map((id) => items.get(id)).filter((i): i is RectificationRecord => !!i).map((i) => this.itemView(actor, i))),
      })),
    );
  }

  /** The branch's items not yet accepted, of every period, overdue first: one Query. */
  async openItems(actor: Actor, branchId: string): Promise<Rectification[]> {
    await this.branch(actor, branchId, 'ledger.read');
    const items = await Promise.all((await this.deps.reviews.openItems(branchId)).map((i) => this.itemView(actor, i)));
    return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline));
  }

  async review(actor: Actor, branchId: string, input: ReviewInput): Promise<Review> {
    const branch = await this.branch(actor, branchId, 'review.write');
    const period = this.period(input.period);
    // An opinion on a signed-off period would change its ledger after signing: it goes into the current period instead.
    await assertPeriodOpen(this.deps.signoffs, branchId, period.start);
    await this.deps.screen.texts(actor, ReviewInput, input, ['opinion', 'items.*.what'], 'comment');
    const now = this.clock.now().toISOString();
    const byName = await this.nameOf(actor.userId);
    const reviewId = randomUUID();
    const items: RectificationRecord[] = input.items.map((item) => ({
      id: randomUUID(), reviewId, orgId: branch.orgId, branchId, period: period.text, what: item.what, deadline: item.deadline, status: 'open',
      history: [{ action: 'open', by: actor.userId, byName, at: now }], version: 1,
    }));
    // Items first, then the review that lists them: a crash in between leaves items no review shows, never a review missing items.
    for (const item of items) await this.deps.reviews.putItem(item);
    await this.deps.reviews.putReview({ id: reviewId, orgId: branch.orgId, branchId, period: period.text, opinion: input.opinion, by: actor.userId, byName, at: now, itemIds: items.map((i) => i.id) });
    await this.deps.audit.append(branchId, {
      at: now, actorUserId: actor.userId, action: 'review.create', targetType: 'review', targetId: reviewId, actorName: byName, actorRole: actor.role, period: period.text, itemCount: items.length,
    });
    return { id: reviewId, branchId, period: period.text, opinion: input.opinion, by: actor.userId, byName, at: now, items: await Promise.all(items.map((i) => this.itemView(actor, i))) };
  }

  /** The secretary answers; the inspector accepts or returns with a reason. */
  async rectify(actor: Actor, itemId: string, patch: RectificationPatch): Promise<Rectification> {
    const item = await this.deps.reviews.getItem(itemId);
    if (!item) throw new NotFoundError();
    const resource = { type: 'branch', orgId: item.orgId, branchId: item.branchId } as const;
    authorize(actor, patch.action === 'answer' ? 'rectification.answer' : 'review.write', await placed(this.deps.orgs, resource));
    const allowed = { answer: ['open', 'returned'], accept: ['answered'], return: ['answered'] }[patch.action];
    if (!allowed.includes(item.status)) throw new RectificationStateError();
    await Promise.all([
      this.deps.screen.texts(actor, RectificationPatch, patch, ['text', 'reason'], 'comment'),
      patch.action === 'answer' && this.deps.uploads.attach(actor, item.branchId, patch.evidence, 'evidence'),
    ]);
    const now = this.clock.now().toISOString();
    const step = {
      action: patch.action, by: actor.userId, byName: await this.nameOf(actor.userId), at: now,
      ...(patch.action === 'answer' ? { text: patch.text, evidence: patch.evidence } : {}),
      ...(patch.action === 'return' ? { text: patch.reason } : {}),
    };
    const status = ({ answer: 'answered', accept: 'accepted', return: 'returned' } as const)[patch.action];
    const next: RectificationRecord = { ...item, status, history: [...item.history, step], version: item.version + 1 };
    if ((await this.deps.reviews.replaceItem(next, item.version)) === 'conflict') throw new ConflictError();
    await this.deps.audit.append(item.branchId, {
      at: now, actorUserId: actor.userId, action: `rectification.${patch.action}`, targetType: 'rectification', targetId: itemId, actorName: step.byName, actorRole: actor.role, period: item.period, item: item.what,
    });
    return this.itemView(actor, next);
  }

  /** What signing the period off would lock while still missing, in words (GET …/signoff-check). */
  async signoffCheck(actor: Actor, branchId: string, periodText: string): Promise<SignoffCheck> {
    const branch = await this.branch(actor, branchId, 'review.write');
    return this.check(branch, this.period(periodText));
  }

  /**
   * Signs a branch's period off: from then on its records are locked. Only a period that has ended;
   * whatever the check still lists must be acknowledged item by item, and the sign-off keeps those words.
   */
  async signoff(actor: Actor, branchId: string, input: SignoffInput): Promise<Signoff> {
    const branch = await this.branch(actor, branchId, 'review.write');
    const period = this.period(input.period);
    const check = await this.check(branch, period);
    if (check.signedOff) throw new ConflictError();
    if (!check.ended) throw new PeriodNotEndedError();
    const acknowledged = new Set(input.acknowledged);
    const missing = check.items.filter((i) => !acknowledged.has(i.key));
    if (missing.length) {
      throw new ValidationError([{ path: 'acknowledged', message: `已确认的事项：还有 ${missing.length} 项没有确认：${missing.map((i) => i.text).join('；')}` }]);
    }
    const now = this.clock.now().toISOString();
    const byName = await this.nameOf(actor.userId);
    const record: SignoffRecord = {
      branchId, orgId: branch.orgId, period: period.text, start: period.start, end: period.end, by: actor.userId, byName, at: now,
      acknowledged: check.items.map(({ key, text }) => ({ key, text })),
    };
    if ((await this.deps.signoffs.put(record)) === 'exists') throw new ConflictError();
    await this.deps.audit.append(branchId, { at: now, actorUserId: actor.userId, action: 'period.signoff', targetType: 'period', targetId: period.text, actorName: byName, actorRole: actor.role, period: period.text });
    return signoffView(record);
  }

  private async check(branch: BranchRecord, period: Period): Promise<SignoffCheck> {
    const [sessions, openItems, openVisits, signoffs, { frequency }] = await Promise.all([
      this.sessionsIn(branch.id, period),
      this.deps.reviews.openItems(branch.id),
      this.deps.visits.listByBranch(branch.id, { open: true }),
      this.deps.signoffs.list(branch.id),
      this.deps.rules.ofPath(branch.orgPath),
    ]);
    // Meetings the rules require in this period (those due in it) against those held in it.
    const meetings = (Object.entries(frequency) as [SessionKind, Frequency | null][])
      .filter((entry): entry is [SessionKind, Frequency] => entry[1] !== null)
      .map(([kind, cadence]) => ({ kind, rule: ruleInPeriod(cadence, period) }))
      .filter(({ rule }) => rule.due)
      .map(({ kind, rule }) => ({ kind, required: rule.required, held: sessions.filter((s) => s.kind === kind).length }));
    return signoffCheck({
      branchId: branch.id, period, now: this.clock.now(), signedOff: signoffs.some((s) => s.period === period.text), sessions, openItems, openVisits, meetings,
    });
  }

  private async itemView(actor: Actor, i: RectificationRecord): Promise<Rectification> {
    return {
      id: i.id, reviewId: i.reviewId, branchId: i.branchId, period: i.period, what: i.what, deadline: i.deadline, status: i.status,
      overdue: i.status !== 'accepted' && i.deadline < chinaDay(this.clock.now().toISOString()),
      history: await Promise.all(
        i.history.map(async ({ evidence, ...h }) => ({ ...h, ...(evidence ? { evidence: await this.deps.uploads.forReader(actor, evidence) } : {}) })),
      ),
      version: i.version,
    };
  }

  private period(text: string): Period {
    const period = parsePeriod(text);
    if (!period) throw new ValidationError([{ path: 'period', message: '期间：应写作 2026-11、2026-Q4 或 2026' }]);
    return period;
  }

  private sessionsIn(branchId: string, period: Pick<Period, 'start' | 'end'>): Promise<SessionRecord[]> {
    // Periods are China's calendar: a day starts at 16:00 UTC the day before.
    return this.deps.sessions.listByBranch(branchId, chinaDayStart(period.start), chinaDayStart(period.end));
  }

  private async branch(actor: Actor, branchId: string, action: 'ledger.read' | 'review.write'): Promise<BranchRecord> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, action, branchResource(branch));
    return branch;
  }

  private async nameOf(userId: string): Promise<string> {
    return (await this.deps.users.getUser(userId))?.displayName ?? userId;
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const users = await Promise.all(unique.map(async (id) => [id, await this.nameOf(id)] as const));
    return new Map(users);
  }
}

function signoffView(s: SignoffRecord): Signoff {
  return { branchId: s.branchId, period: s.period, by: s.by, byName: s.byName, at: s.at, acknowledged: s.acknowledged ?? [] };
}

function coverageOf(s: SessionRecord): number {
  if (s.expected.length === 0) return 1;
  return s.expected.filter((e) => {
    const status = s.attendance?.[e.memberId]?.status;
    return status === 'present' || status === 'home_delivered' || status === 'online';
  }).length / s.expected.length;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function sessionLine(s: SessionRecord, names: Map<string, string>): Ledger['sessions'][number] {
  const statuses = s.expected.map((e) => s.attendance?.[e.memberId]?.status ?? null);
  const countOf = (st: string | null) => statuses.filter((x) => x === st).length;
  const present = countOf('present');
  return {
    id: s.id, kind: s.kind, topic: s.topic, startsAt: s.startsAt, place: s.place, hostName: s.hostName, recorderName: s.recorderName, status: s.status,
    expected: s.expected.length, present, excused: countOf('excused'), absent: countOf('absent'), homeDelivered: countOf('home_delivered'), online: countOf('online'), unmarked: countOf(null),
    coverage: round(coverageOf(s)),
    quorumMet: quorumKinds.includes(s.kind) ? quorum(s.expected.length, present).met : null,
    absentees: s.expected
      .filter((e) => s.attendance?.[e.memberId]?.status !== 'present')
      .map((e) => {
        const line = s.attendance?.[e.memberId];
        return { name: e.name, status: line ? attendanceStatusLabels[line.status] : '未登记', ...(line?.reason ? { reason: line.reason } : {}) };
      }),
    minutes: s.minutes ? { agenda: s.minutes.agenda, content: s.minutes.content, decisions: s.minutes.decisions, votes: s.minutes.votes } : null,
    ...(s.noMinutesReason ? { noMinutesReason: s.noMinutesReason } : {}),
    amendments: s.amendmentCount ?? 0,
    // A person reads these: a user record that is gone reads as a role-less word, never as an id.
    filledBy: names.get(s.createdBy) ?? '其他工作人员',
    ...(s.closedBy ? { closedBy: names.get(s.closedBy) ?? '其他工作人员' } : {}),
  };
}
