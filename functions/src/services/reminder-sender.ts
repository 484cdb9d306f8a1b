import { hasLeftBy } from '@ltx/shared/domain/roll';
import { chinaDay, chinaStamp } from '@ltx/shared/time/china-day';
import { logger } from '../http/logger';
import type { MemberRepository } from '../repositories/member-repository';
import type { OutboxRepository } from '../repositories/outbox-repository';
import type { ReminderCreditRepository } from '../repositories/reminder-credit-repository';
import type { OutboxRecord, UserRecord } from '../repositories/records';
import type { SessionRepository } from '../repositories/session-repository';
import type { UserRepository } from '../repositories/user-repository';
import type { WechatMessenger } from '../wechat/wechat-messenger';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { ReminderKind } from '@ltx/shared/schemas/session';

/** Template ids WeChat issues for the app, one per reminder kind (set per deployment). */
export type ReminderTemplates = Partial<Record<ReminderKind, string>>;

/**
 * How long a claim may last, and how many claims a reminder gets. A run lasts at most the job's Lambda timeout
 * (5 minutes, infra/src/constructs/reminder-job.ts; tests/infra/observability.test.ts keeps it shorter than
 * `timeoutMs`): a claim older than that was left by a run that was killed or crashed between claiming and marking.
 */
export const claimPolicy = { timeoutMs: 10 * 60_000, maxAttempts: 3 } as const;

export interface SendCounts {
  sent: number;
  skipped: number;
  failed: number;
  needs_call: number;
  /** Claims older than `claimPolicy.timeoutMs` found at the start of the run. */
  stuck: number;
  /** Of those, the ones out of attempts: marked `failed` instead of released. */
  givenUp: number;
}

/**
 * Sends the reminders that are due, as WeChat subscription messages. A reminder is claimed
 * (`pending` -> `sending`) before it is sent, so two runs never send it at once; a send that fails is
 * marked `failed` for the secretary's outbox page (发送失败，请打电话通知) rather than retried into someone's
 * phone. A claim a dead run left is released for another try, at most `claimPolicy.maxAttempts` claims in
 * all, then `failed`: such a run may have sent it before dying, so a release may send it twice, never more
 * than that limit.
 */
export class ReminderSender {
  constructor(
    private readonly deps: {
      outbox: OutboxRepository;
      sessions: SessionRepository;
      /** A reminder queued before its member died or left is not sent. */
      members: Pick<MemberRepository, 'get'>;
      users: UserRepository;
      /** One-time agreements left per person: a reminder spends one, and with none left it goes to the phone list. */
      credits: Pick<ReminderCreditRepository, 'spend' | 'clear'>;
      messenger: WechatMessenger;
      templates: ReminderTemplates;
      clock?: Clock;
    },
  ) {}

  async sendDue(): Promise<SendCounts> {
    const now = (this.deps.clock ?? systemClock).now();
    const nowIso = now.toISOString();
    // Today's partition and yesterday's (a run just after midnight still finds the evening's reminders).
    const days = [new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10), nowIso.slice(0, 10)];
    const counts: SendCounts = { sent: 0, skipped: 0, failed: 0, needs_call: 0, stuck: 0, givenUp: 0 };
    // Stuck claims first: the ones released are due, and this run sends them below.
    await this.releaseStuck(now, days, counts);
    const due = (await Promise.all(days.map((d) => this.deps.outbox.dueOn(d, nowIso)))).flat().filter((r) => r.channel === 'wechat');
    const recipients = new Map<string, UserRecord[]>();
    const today = chinaDay(nowIso);
    for (const reminder of due) {
      if (!(await this.deps.outbox.claim(reminder, nowIso))) continue; // another run has it
      const outcome = await this.sendOne(reminder, recipients, today).catch((error: unknown) => {
        logger.error('reminder send failed', { reminderId: reminder.id, errorName: (error as Error)?.name });
        return 'failed' as const;
      });
      await this.deps.outbox.markFrom(reminder, 'sending', outcome);
      counts[outcome] += 1;
    }
    return counts;
  }

  /** Ends the claims older than the timeout: back to `pending` while attempts are left, `failed` after the last. */
  private async releaseStuck(now: Date, days: string[], counts: SendCounts): Promise<void> {
    const claimed = (await Promise.all(days.map((d) => this.deps.outbox.claimedOn(d, now.toISOString())))).flat();
    const stuck = claimed.filter((r) => r.claimedAt === undefined || now.getTime() - Date.parse(r.claimedAt) > claimPolicy.timeoutMs);
    for (const reminder of stuck) {
      const to = (reminder.attempts ?? 1) >= claimPolicy.maxAttempts ? 'failed' : 'pending';
      if (!(await this.deps.outbox.release(reminder, to))) continue; // claimed again or released by another run
      counts.stuck += 1;
      if (to === 'failed') counts.givenUp += 1;
    }
    if (counts.stuck > 0) logger.warn('stuck reminder claims released', { stuck: counts.stuck, givenUp: counts.givenUp });
  }

  /**
   * `needs_call` when the member (and their proxy) have no one-time agreement left for this kind, or WeChat refused
   * (43101): the secretary's outbox lists it under 需要电话通知 instead of it vanishing as "skipped".
   */
  private async sendOne(reminder: OutboxRecord, recipients: Map<string, UserRecord[]>, today: string): Promise<'sent' | 'skipped' | 'failed' | 'needs_call'> {
    const templateId = this.deps.templates[reminder.kind];
    const [session, member] = await Promise.all([this.deps.sessions.get(reminder.sessionId), this.deps.members.get(reminder.memberId, { withSensitive: false })]);
    // A member who died or left the branch gets nothing more, nor does their family's phone in their name.
    if (!member || hasLeftBy(member.departure, today)) return 'skipped';
    // A moved or closed session makes the planned words wrong: better silent than misleading.
    if (!templateId || !session || session.status !== 'open' || (reminder.kind === 'session_tomorrow' && !reminder.id.endsWith(session.startsAt))) return 'skipped';
    if (!recipients.has(reminder.branchId)) {
      const [members, proxies] = await Promise.all([this.deps.users.listByBranchRole(reminder.branchId, 'member'), this.deps.users.listByBranchRole(reminder.branchId, 'proxy')]);
      recipients.set(reminder.branchId, [...members, ...proxies]);
    }
    const to = recipients.get(reminder.branchId)!.filter((u) => u.memberId === reminder.memberId && u.wechatOpenId);
    if (to.length === 0) return 'needs_call';
    let sent = false;
    for (const user of to) {
      if (sent || !(await this.deps.credits.spend(user.id, reminder.kind))) continue;
      const outcome = await this.deps.messenger.send({
        openid: user.wechatOpenId!,
        templateId,
        page: 'pages/home/index',
        // Field names follow the template chosen in WeChat's console (thing = short text, time = a time).
        // A change notice says what changed, the time it is about now, and why (its words were fixed when the branch made it).
        data: reminder.change
          ? { thing1: reminder.change.title.slice(0, 20), time2: chinaStamp(reminder.change.at), thing3: reminder.change.note.slice(0, 20) }
          : { thing1: session.topic.slice(0, 20), time2: chinaStamp(session.startsAt), thing3: session.place.slice(0, 20) },
      });
      if (outcome === 'refused') await this.deps.credits.clear(user.id, reminder.kind);
      sent ||= outcome === 'sent';
    }
    return sent ? 'sent' : 'needs_call';
  }
}
