import type { VisitStatus } from '../schemas/visit';

export type VisitTransition = 'accept' | 'schedule' | 'reschedule' | 'deliver' | 'confirm' | 'close' | 'cancel' | 'withdraw' | 'reportMissed';

/** The whole state machine: from which states each step may be taken. Anything else answers 409. */
export const visitTransitions: Record<VisitTransition, { from: readonly VisitStatus[]; to: VisitStatus }> = {
  accept: { from: ['draft'], to: 'requested' },
  schedule: { from: ['draft', 'requested'], to: 'scheduled' },
  reschedule: { from: ['scheduled'], to: 'scheduled' },
  deliver: { from: ['scheduled'], to: 'delivered' },
  confirm: { from: ['delivered'], to: 'confirmed' },
  close: { from: ['confirmed'], to: 'closed' },
  cancel: { from: ['draft', 'requested', 'scheduled'], to: 'cancelled' },
  // The member's or proxy's ways back: their own request before it is delivered (a draft is not theirs yet),
  // and "没有人来" on a delivery they did not see, which opens the request again for the secretary.
  withdraw: { from: ['requested', 'scheduled'], to: 'cancelled' },
  reportMissed: { from: ['delivered'], to: 'requested' },
};

export function canTransition(step: VisitTransition, from: VisitStatus): boolean {
  return visitTransitions[step].from.includes(from);
}

export const openVisitStatuses: readonly VisitStatus[] = ['draft', 'requested', 'scheduled', 'delivered', 'confirmed'];

/** Statuses in which a request is its contact's task, or was: scheduled on, and not cancelled. They list under "my visits". */
export const assignedVisitStatuses: readonly VisitStatus[] = ['scheduled', 'delivered', 'confirmed', 'closed'];

/** An organisation's 送学上门 rules, kept as data beside its other rules (`RULES#VISITS`). */
export interface OverdueRules {
  scheduleWithinDays: number;
  deliverWithinDays: number;
  /** How many days back a delivery may be recorded: a visit is written down soon after, not months later. */
  deliveryGraceDays: number;
}
export const defaultOverdueRules: OverdueRules = { scheduleWithinDays: 3, deliverWithinDays: 14, deliveryGraceDays: 7 };

/** A delivery recorded a little after the visit is normal; beyond this it would be the clock's fault. */
const futureToleranceMs = 10 * 60_000;

/**
 * What is wrong with a delivery's time, in words naming the field, or undefined when it is fine:
 * not in the future, not before the visit was first scheduled, not further back than the grace.
 */
export function deliveredAtIssue(deliveredAt: string, context: { now: Date; scheduledAt?: string; graceDays: number }): string | undefined {
  const at = Date.parse(deliveredAt);
  if (at > context.now.getTime() + futureToleranceMs) return '送学时间：不能晚于现在';
  // Times are typed to the minute: a visit recorded in the minute it was scheduled is not "before" it.
  if (context.scheduledAt && at < Math.floor(Date.parse(context.scheduledAt) / 60_000) * 60_000) return '送学时间：不能早于安排送学的时间';
  if (at < context.now.getTime() - context.graceDays * 86_400_000) return `送学时间：只能补记 ${context.graceDays} 天以内的送学`;
  return undefined;
}

/** Not scheduled within 3 days, or not delivered within 14 (both configurable). */
export function overdueOf(status: VisitStatus, createdAt: string, now: Date, rules: OverdueRules = defaultOverdueRules): 'not_scheduled' | 'not_delivered' | null {
  const ageDays = (now.getTime() - new Date(createdAt).getTime()) / 86_400_000;
  if (status === 'requested' && ageDays > rules.scheduleWithinDays) return 'not_scheduled';
  if ((status === 'requested' || status === 'scheduled') && ageDays > rules.deliverWithinDays) return 'not_delivered';
  return null;
}

export const visitStatusLabels: Record<VisitStatus, string> = {
  draft: '待书记确认',
  requested: '已申请，待安排',
  scheduled: '已安排',
  delivered: '已送学，待确认',
  confirmed: '已确认',
  closed: '已完成',
  cancelled: '已取消',
};

export const slotLabels = { morning: '上午', afternoon: '下午', any: '上午下午都行' } as const;
