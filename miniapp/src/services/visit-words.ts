import { canTransition, slotLabels, visitStatusLabels } from '@ltx/shared/domain/visit-rules';
import { careNoteLabels, genderPronounLabels } from '@ltx/shared/labels';
import type { CareNotes, ContactVisit, DaySlot, Gender, VisitRequest, VisitStatus } from './types';
import { windowWords } from '@ltx/shared/wording/time-words';
import { deviceNow } from '@/adapters/clock';
import { sessionDateText } from './session-time';
import { selfSpeaker, type Speaker } from './speaker';

/** 送学上门 in words: what the member, the secretary and the contact read. Platform-free. */

export const slotText = (s: DaySlot) => slotLabels[s];
export const visitStatusText = (s: VisitStatus) => visitStatusLabels[s];

/** The three slots in the order of the buttons, "都行" last (it is the default). */
export const slotOrder: DaySlot[] = ['morning', 'afternoon', 'any'];

/** 11月30日 星期日 上午9点到11点半 (the end's part of day is said again only when it differs). */
export const windowText = (start: string, end: string): string => windowWords(start, end, { today: deviceNow() });

/** "已逾期：3 天未安排" / "已逾期：15 天未送学"; undefined when on time. */
export function overdueText(v: Pick<VisitRequest, 'overdue' | 'ageDays'>): string | undefined {
  if (v.overdue === 'not_scheduled') return `已逾期：${v.ageDays} 天未安排`;
  if (v.overdue === 'not_delivered') return `已逾期：${v.ageDays} 天未送学`;
  return undefined;
}

/** How long ago it was asked for, in days. */
export function ageText(ageDays: number): string {
  return ageDays <= 0 ? '今天提出' : `已提出 ${ageDays} 天`;
}

const requesterWords: Record<string, string> = {
  system: '系统按参学方式建议（待书记确认）',
  member: '党员本人申请',
  proxy: '家属代为申请',
  secretary: '支部书记代为申请',
  contact: '联系人代为申请',
};

export const requestedByText = (role: string) => requesterWords[role] ?? '已申请';

/** What the secretary may do with a request now, by the shared state machine. */
export interface SecretaryActions {
  accept: boolean;
  schedule: boolean;
  reschedule: boolean;
  confirmByPhone: boolean;
  cancel: boolean;
}

export function secretaryActions(status: VisitStatus): SecretaryActions {
  return {
    accept: canTransition('accept', status),
    // A draft is confirmed first (one tap); a request is then scheduled.
    schedule: status === 'requested',
    reschedule: canTransition('reschedule', status),
    confirmByPhone: canTransition('confirm', status),
    cancel: canTransition('cancel', status),
  };
}

/** The secretary's list: overdue first (oldest first within), then the rest oldest first. */
export function secretaryOrder<T extends Pick<VisitRequest, 'overdue' | 'createdAt'>>(visits: readonly T[]): T[] {
  return [...visits].sort((a, b) => Number(!a.overdue) - Number(!b.overdue) || a.createdAt.localeCompare(b.createdAt));
}

/** A contact's visits by when they are due, soonest first; unscheduled ones (none expected) last. */
export function contactOrder<T extends Pick<VisitRequest, 'scheduled' | 'createdAt'>>(visits: readonly T[]): T[] {
  const at = (v: T) => (v.scheduled ? Date.parse(v.scheduled.windowStart) : Number.MAX_SAFE_INTEGER);
  return [...visits].sort((a, b) => at(a) - at(b) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * Care notes as lines for the contact at the door: "听力：左耳听力弱", "需要读给她听" (他 or 她 from the
 * member record; 本人 where the card does not know). Empty notes give no lines.
 */
export function careNotesLines(notes: CareNotes | undefined, gender?: Gender): string[] {
  if (!notes) return [];
  const lines: string[] = [];
  for (const key of ['bestVisitTime', 'hearing', 'eyesight', 'dialect'] as const) if (notes[key]) lines.push(`${careNoteLabels[key]}：${notes[key]}`);
  if (notes.largePrint) lines.push(careNoteLabels.largePrint);
  if (notes.readAloud) lines.push(gender ? `需要读给${genderPronounLabels[gender]}听` : careNoteLabels.readAloud);
  if (notes.other) lines.push(`其他：${notes.other}`);
  return lines;
}

/** After delivering: where the care observation went. */
export function careChangeText(change: NonNullable<VisitRequest['delivered']>['careNotesChange']): string | undefined {
  switch (change) {
    case 'applied':
      return '照护观察已更新到党员档案。';
    case 'pending_approval':
      return '照护观察已提交，等支部书记审核同意后更新到党员档案。';
    case 'not_stored':
      return '照护观察只记在这次送学记录里，没有更新档案（该党员没有授权保存健康信息，或您不是该党员的结对联系人）。';
    default:
      return undefined;
  }
}

/** Which study a visit brings, with its day on every card: "2025年12月3日 星期三的学习：学习二十大精神". */
export function visitSessionText(v: Pick<VisitRequest, 'sessionTopic' | 'sessionStartsAt'>): string | undefined {
  const day = v.sessionStartsAt ? `${sessionDateText(v.sessionStartsAt)}的学习` : undefined;
  if (day && v.sessionTopic) return `${day}：${v.sessionTopic}`;
  return day ?? v.sessionTopic;
}

/** The member's line for one request: the server's words, plus what to do when it waits for them. */
export function memberVisitLine(v: Pick<VisitRequest, 'status' | 'statusText' | 'sessionTopic' | 'sessionStartsAt'>): string {
  const session = visitSessionText(v);
  const about = session ? `（${session}）` : '';
  if (v.status === 'delivered') return `已送学上门${about}。请确认是否已经送到。`;
  return `${v.statusText}${about}`;
}

/** Whether a member may tap "确认已送学" on this request. */
export const memberMayConfirm = (v: Pick<VisitRequest, 'status'>) => canTransition('confirm', v.status);

/** What the member reads after confirming. */
export const confirmedText = (s: Speaker = selfSpeaker) => `✓ 已确认送学。支部已记为${s.you}参加了这次学习。`;

/** Whether the member may still withdraw this request: asked for or arranged, not yet delivered. */
export const memberMayWithdraw = (v: Pick<VisitRequest, 'status'>) => canTransition('withdraw', v.status);

/** Whether the member may answer "没有人来" on this request: a delivery is recorded and waits for them. */
export const memberMaySayMissed = (v: Pick<VisitRequest, 'status'>) => canTransition('reportMissed', v.status);

/** The member's two ways back on a request, each asked once, and what they read after. */
export const visitWayBackWords = {
  withdraw: {
    label: '撤回送学申请',
    question: '撤回这次送学上门的申请吗？撤回后支部不再派人上门。',
    confirm: '是，撤回申请',
    busy: '正在撤回……',
    back: '不撤回',
    done: '✓ 已撤回送学申请。支部会看到。',
  },
  missed: {
    label: '没有人来',
    question: '告诉支部：没有人来送学吗？支部会重新安排。',
    confirm: '是，没有人来',
    busy: '正在告诉支部……',
    back: '返回',
    noteLabel: '想告诉支部的话（可以不填）',
    noteHint: '如：那天等了一上午，没有人来',
    done: '✓ 已告诉支部没有人来。支部会重新安排送学。',
  },
} as const;

/** The contact's to-do line: "待上门" or "已记录送学，等党员确认". */
export function contactStateText(v: Pick<ContactVisit, 'status'>): string {
  if (v.status === 'scheduled') return '待上门送学';
  if (v.status === 'delivered') return '已记录送学，等党员或家属确认';
  return visitStatusText(v.status);
}

/** The open requests' summary for the secretary's home, from the overview counts. */
export function visitCountsText(c: { open: number; drafts?: number; notScheduled: number; notDelivered: number }): { line: string; warning?: string } {
  const drafts = c.drafts ? `另有 ${c.drafts} 件系统建议待您确认。` : '';
  if (c.open === 0) return { line: `送学上门：没有未完成的申请。${drafts}` };
  const late = c.notScheduled + c.notDelivered;
  const line = `送学上门：未完成 ${c.open} 件。${drafts}`;
  if (!late) return { line: `送学上门：未完成 ${c.open} 件。都在期限内。${drafts}` };
  // The limits are the organisation's rules (3 and 14 days by default): the words do not name them.
  const parts = [c.notScheduled ? `${c.notScheduled} 件没有按期安排` : '', c.notDelivered ? `${c.notDelivered} 件没有按期送学` : ''].filter(Boolean);
  return { line, warning: `⚠ 已逾期：${parts.join('，')}` };
}
