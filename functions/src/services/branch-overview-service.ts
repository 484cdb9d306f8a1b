import type { Actor } from '@ltx/shared/domain/roles';
import { monthsBetween, quietMonthsWarning } from '@ltx/shared/domain/session-rules';
import type { LastCall, OutboxEntry, QuietMember, SubscriptionsAnswer, SubscriptionsInput } from '@ltx/shared/schemas/session';
import { can } from '@ltx/shared/domain/authz';
import type { CallRepository } from '../repositories/call-repository';
import type { CallRecord, MemberRecord } from '../repositories/records';
import type { BranchOverview } from '@ltx/shared/schemas/session';
import { NotFoundError } from '@ltx/shared/domain/errors';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { OutboxRepository } from '../repositories/outbox-repository';
import type { ReminderCreditRepository } from '../repositories/reminder-credit-repository';
import type { SessionRepository } from '../repositories/session-repository';
import { authorize } from './authorize';
import { branchResource, placed } from './places';
import { departuresOf, hasLeftBy } from '@ltx/shared/domain/roll';
import { chinaDay } from '@ltx/shared/time/china-day';
import { sessionOnRoll } from './session-roll';
import { systemClock, type Clock } from '@ltx/shared/time/clock';

const dayMs = 24 * 3600 * 1000;
/** The longest pause a call may give the five-month warning (three months), and a little more. */
const callsLookBackDays = 100;

/** Each member's latest call. */
function latestCallOf(calls: CallRecord[]): Map<string, CallRecord> {
  const latest = new Map<string, CallRecord>();
  for (const c of calls) if ((latest.get(c.memberId)?.at ?? '') < c.at) latest.set(c.memberId, c);
  return latest;
}

const lastCallOf = (c: CallRecord | undefined): LastCall | null =>
  c ? { at: c.at, byName: c.byName, quietUntil: c.quietUntil, ...(c.note ? { note: c.note } : {}) } : null;

const phoneBook = (members: MemberRecord[]) => new Map(members.filter((m) => m.phone).map((m) => [m.id, m.phone!]));

/** The secretary's home, the reminder outbox, and the members' subscriptions. */
export class BranchOverviewService {
  constructor(
    private readonly deps: {
      orgs: OrgRepository;
      members: MemberRepository;
      sessions: SessionRepository;
      outbox: OutboxRepository;
      /** Recorded calls (已联系): a call quiets the five-month warning for a while, and gives a reminder by phone. */
      calls: Pick<CallRepository, 'ofBranch'>;
      /** One-time WeChat agreements left per person: each "允许" adds one, each reminder sent spends one. */
      credits: Pick<ReminderCreditRepository, 'add' | 'remaining'>;
      visitSummary: (branchId: string) => Promise<{ open: number; drafts: number; notScheduled: number; notDelivered: number }>;
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  async overview(actor: Actor, branchId: string): Promise<BranchOverview> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    const place = branchResource(branch);
    authorize(actor, 'outbox.read', place);
    const now = this.clock.now();
    const [members, upcoming, visits, calls] = await Promise.all([
      this.deps.members.listByBranch(branchId),
      this.deps.sessions.listByBranch(branchId, now.toISOString(), new Date(now.getTime() + 60 * dayMs).toISOString()),
      this.deps.visitSummary(branchId),
      this.deps.calls.ofBranch(branchId, new Date(now.getTime() - callsLookBackDays * dayMs).toISOString()),
    ]);
    // Whoever died or left the branch is not "quiet": they are no longer on the roll.
    const today = chinaDay(now.toISOString());
    const departures = departuresOf(members);
    const latest = latestCallOf(calls);
    const phones = can(actor, 'member.readPhone', { ...place, type: 'member', memberId: '*' });
    const quiet: QuietMember[] = members
      .filter((m) => !hasLeftBy(m.departure, today))
      .map((m) => ({
        memberId: m.id, name: m.name, lastParticipatedAt: m.lastParticipatedAt ?? null, quietMonths: monthsBetween(m.lastParticipatedAt ?? m.createdAt, now),
        ...(phones && m.phone ? { phone: m.phone } : {}),
        lastCall: lastCallOf(latest.get(m.id)),
      }))
      .filter((m) => m.quietMonths >= quietMonthsWarning)
      .sort((a, b) => b.quietMonths - a.quietMonths);
    // A call counts as a contact: the warning rests until the day chosen with it, then comes back if nobody took part since.
    const resting = (m: QuietMember) => !!m.lastCall && m.lastCall.quietUntil > today;
    return {
      branchId,
      quietMembers: quiet.filter((m) => !resting(m)),
      contactedQuietMembers: quiet.filter(resting),
      visits: { open: visits.open, drafts: visits.drafts, notScheduled: visits.notScheduled, notDelivered: visits.notDelivered },
      nextSessions: upcoming.slice(0, 3).map((session) => sessionOnRoll(session, departures)).map((s) => ({
        id: s.id, branchId: s.branchId, kind: s.kind, topic: s.topic, startsAt: s.startsAt, place: s.place, status: s.status, onlineOffered: s.onlineOffered, expectedCount: s.expected.length,
      })),
    };
  }

  async outbox(actor: Actor, branchId: string): Promise<OutboxEntry[]> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    const place = branchResource(branch);
    authorize(actor, 'outbox.read', place);
    const from = new Date(this.clock.now().getTime() - 7 * dayMs).toISOString();
    const [entries, members, calls] = await Promise.all([
      this.deps.outbox.listByBranch(branchId, from),
      this.deps.members.listByBranch(branchId),
      this.deps.calls.ofBranch(branchId, from),
    ]);
    // A reminder queued before its member died or left will not be sent (the job skips it): it is not shown as waiting.
    const today = chinaDay(this.clock.now().toISOString());
    const left = new Set(members.filter((m) => hasLeftBy(m.departure, today)).map((m) => m.id));
    const phones = can(actor, 'member.readPhone', { ...place, type: 'member', memberId: '*' }) ? phoneBook(members) : new Map<string, string>();
    const byReminder = new Map(calls.filter((c) => c.outboxId).map((c) => [c.outboxId!, c]));
    return entries
      .filter((e) => !(e.status === 'pending' && left.has(e.memberId)))
      .map(({ branchId: _b, ...e }) => {
        const phone = phones.get(e.memberId);
        const call = byReminder.get(e.id);
        return { ...e, ...(phone ? { phone } : {}), ...(call ? { call: lastCallOf(call)! } : {}) };
      });
  }

  /**
   * The member or their proxy just tapped "允许" in WeChat's sheet for these kinds: one more reminder of each may
   * be sent to this person. Answers how many are left, so the page can say so and ask again at the next moment.
   */
  async subscribe(actor: Actor, memberId: string, input: SubscriptionsInput): Promise<SubscriptionsAnswer> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'attendance.markOwn', await placed(this.deps.orgs, { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null }));
    const kinds = [...new Set(input.kinds)];
    // The kinds wanted from now on (none: withdrawn, and the openid goes at the next login).
    await this.deps.members.setSubscriptions(memberId, kinds);
    await this.deps.credits.add(actor.userId, kinds);
    return { kinds, remaining: await this.deps.credits.remaining(actor.userId) };
  }
}
