import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@ltx/shared/domain/roles';
import { NotFoundError, ValidationError } from '@ltx/shared/domain/errors';
import { CallInput, callPauseDays, type Call } from '@ltx/shared/schemas/call';
import { addChinaDays, chinaDay } from '@ltx/shared/time/china-day';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { CallRepository } from '../repositories/call-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { OutboxRepository } from '../repositories/outbox-repository';
import type { CallRecord, MemberRecord, OutboxRecord } from '../repositories/records';
import type { UserRepository } from '../repositories/user-repository';
import { authorize } from './authorize';
import type { Screen } from './content-screen';
import { placed } from './places';

/** A reminder still waiting for someone to phone (or to be sent): a call gives it, and it reads 已电话通知. */
const callable: OutboxRecord['status'][] = ['pending', 'needs_call', 'failed'];
/** How far back a reminder may be answered by a call: the outbox page shows the last week's. */
const outboxDaysBack = 14;

/** The call's id from the actor and the request's Idempotency-Key: a retried request finds the same call. */
const callId = (userId: string, key: string) => `call-${createHash('sha256').update(`${userId}\u0000${key}`).digest('hex').slice(0, 24)}`;

export const callView = (c: CallRecord): Call => ({
  id: c.id, memberId: c.memberId, memberName: c.memberName, at: c.at, byName: c.byName, quietUntil: c.quietUntil,
  ...(c.note ? { note: c.note } : {}), ...(c.reminderKind ? { reminderKind: c.reminderKind } : {}),
});

/**
 * 已联系: the secretary phoned a member (from the five-month warning, a reminder to phone, or the member's
 * page) and says so in one tap. The call is kept (who, when, an optional note), quiets the five-month warning
 * until the chosen day (services/branch-overview-service.ts reads it), and marks the reminder it gave 已电话通知.
 */
export class CallService {
  constructor(
    private readonly deps: {
      calls: CallRepository;
      members: Pick<MemberRepository, 'get'>;
      orgs: Pick<OrgRepository, 'getBranch'>;
      outbox: Pick<OutboxRepository, 'listByBranch' | 'markFrom'>;
      users: Pick<UserRepository, 'getUser'>;
      audit: AuditRepository;
      screen: Screen;
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  async record(actor: Actor, memberId: string, input: CallInput, idempotencyKey?: string): Promise<{ created: boolean; call: Call }> {
    const member = await this.load(actor, memberId);
    const id = idempotencyKey ? callId(actor.userId, idempotencyKey) : `call-${randomUUID()}`;
    const earlier = idempotencyKey ? await this.deps.calls.get(memberId, id) : undefined;
    if (earlier) return { created: false, call: callView(earlier) };
    const now = this.clock.now();
    const reminder = input.outboxId ? await this.reminder(member, input.outboxId, now) : undefined;
    await this.deps.screen.texts(actor, CallInput, input, ['note']);
    const user = await this.deps.users.getUser(actor.userId);
    const at = now.toISOString();
    const record: CallRecord = {
      id, orgId: member.orgId, branchId: member.branchId, memberId, memberName: member.name, at, by: actor.userId, byName: user?.displayName ?? '',
      ...(input.note ? { note: input.note } : {}),
      ...(reminder ? { outboxId: reminder.id, reminderKind: reminder.kind } : {}),
      quietUntil: addChinaDays(chinaDay(at), callPauseDays[input.pause ?? 'one_month']),
    };
    if ((await this.deps.calls.append(record)) === 'exists') {
      const stored = await this.deps.calls.get(memberId, id);
      return { created: false, call: callView(stored ?? record) };
    }
    // The reminder goes from waiting to 已电话通知; one the job sent meanwhile stays 已发送 (the call is kept all the same).
    if (reminder && callable.includes(reminder.status)) await this.deps.outbox.markFrom(reminder, reminder.status, 'called');
    await this.deps.audit.append(member.branchId, {
      at, actorUserId: actor.userId, action: 'member.call', targetType: 'member', targetId: memberId, actorRole: actor.role,
      ...(record.byName ? { actorName: record.byName } : {}), memberName: member.name,
      call: { quietUntil: record.quietUntil, ...(record.reminderKind ? { reminder: record.reminderKind } : {}) },
    });
    return { created: true, call: callView(record) };
  }

  /** Who called the member when, newest first. */
  async list(actor: Actor, memberId: string): Promise<Call[]> {
    await this.load(actor, memberId);
    return (await this.deps.calls.ofMember(memberId)).map(callView);
  }

  private async load(actor: Actor, memberId: string): Promise<MemberRecord> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'member.recordCall', await placed(this.deps.orgs, { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null }));
    return member;
  }

  /** The member's reminder the call gave; anything else is a wrong field, said so. */
  private async reminder(member: MemberRecord, outboxId: string, now: Date): Promise<OutboxRecord> {
    const from = new Date(now.getTime() - outboxDaysBack * 86_400_000).toISOString();
    const found = (await this.deps.outbox.listByBranch(member.branchId, from)).find((r) => r.id === outboxId && r.memberId === member.id);
    if (!found) throw new ValidationError([{ path: 'outboxId', message: '提醒：没有找到这位党员的这条提醒' }]);
    return found;
  }
}
