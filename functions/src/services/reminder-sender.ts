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
 * Sends the reminders that are due, as WeChat subscription messages. At most once: a reminder is
 * claimed (`pending` -> `sending`) before it is sent, so two runs never send it twice; a send that
 * fails is marked `failed` for the secretary's outbox page rather than retried into someone's phone.
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

  async sendDue(): Promise<{ sent: number; skipped: number; failed: number; needs_call: number }> {
    const now = (this.deps.clock ?? systemClock).now();
    const nowIso = now.toISOString();
    // Today's partition and yesterday's (a run just after midnight still finds the evening's reminders).
    const days = [new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10), nowIso.slice(0, 10)];
    const due = (await Promise.all(days.map((d) => this.deps.outbox.dueOn(d, nowIso)))).flat().filter((r) => r.channel === 'wechat');
    const counts = { sent: 0, skipped: 0, failed: 0, needs_call: 0 };
    const recipients = new Map<string, UserRecord[]>();
    const today = chinaDay(nowIso);
    for (const reminder of due) {
      if (!(await this.deps.outbox.markFrom(reminder, 'pending', 'sending'))) continue; // another run has it
      const outcome = await this.sendOne(reminder, recipients, today).catch((error: unknown) => {
        logger.error('reminder send failed', { reminderId: reminder.id, errorName: (error as Error)?.name });
        return 'failed' as const;
      });
      await this.deps.outbox.markFrom(reminder, 'sending', outcome);
      counts[outcome] += 1;
    }
    return counts;
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
