import type { VisitStatus } from '../schemas/visit';

export type VisitTransition = 'accept' | 'schedule' | 'reschedule' | 'deliver' | 'confirm' | 'close' | 'cancel';

/** The whole state machine: from which states each step may be taken. Anything else answers 409. */
export const visitTransitions: Record<VisitTransition, { from: readonly VisitStatus[]; to: VisitStatus }> = {
  accept: { from: ['draft'], to: 'requested' },
  schedule: { from: ['draft', 'requested'], to: 'scheduled' },
  reschedule: { from: ['scheduled'], to: 'scheduled' },
  deliver: { from: ['scheduled'], to: 'delivered' },
  confirm: { from: ['delivered'], to: 'confirmed' },
  close: { from: ['confirmed'], to: 'closed' },
  cancel: { from: ['draft', 'requested', 'scheduled'], to: 'cancelled' },
};

export function canTransition(step: VisitTransition, from: VisitStatus): boolean {
  return visitTransitions[step].from.includes(from);
}

export const openVisitStatuses: readonly VisitStatus[] = ['draft', 'requested', 'scheduled', 'delivered', 'confirmed'];

export interface OverdueRules {
  scheduleWithinDays: number;
  deliverWithinDays: number;
}
export const defaultOverdueRules: OverdueRules = { scheduleWithinDays: 3, deliverWithinDays: 14 };

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
