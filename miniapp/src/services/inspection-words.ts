import { parsePeriod } from '@ltx/shared/domain/periods';
import { cadenceWindowLabels, sessionKindLabels } from '@ltx/shared/labels';
import type { BranchCompliance, Rectification, RectificationStatus } from './types';
import { sessionDateText, whenText } from './session-time';

/**
 * Inspection in words. Every indicator carries a mark and a word (✓ 达标 / ✗ 不足), so nothing
 * rests on colour; `short` tells the card which style to use on top of the words.
 */
export interface IndicatorLine {
  text: string;
  short: boolean;
}

/**
 * Below this share of members taking part a study counts as a shortfall. The same figure as the
 * server's `coverageThreshold` (functions/src/services/inspection-service.ts), which shared/ does not export.
 */
export const coverageThreshold = 0.8;

/** 0.857 -> 86% */
export const percentText = (share: number) => `${Math.round(share * 100)}%`;

/**
 * "✗ 支委会 2/3 不足" or "✓ 支部党员大会 1/1 达标" for a rule due in the period. A rule not due in it
 * (a quarterly 党课 in a month view) is never a shortfall: "○ 党课 本季度内开 1 次，本季度至今已开 0 次".
 */
export function meetingLine(m: BranchCompliance['meetings'][number]): IndicatorLine {
  const name = sessionKindLabels[m.kind];
  if (!m.due) {
    const window = cadenceWindowLabels[parsePeriod(m.window)?.kind ?? 'year'];
    const sofar = window.replace('内', '至今');
    return { text: `${m.held >= m.required ? '✓' : '○'} ${name} ${window}开 ${m.required} 次，${sofar}已开 ${m.held} 次`, short: false };
  }
  // The period has not ended: still time to hold it, so no mark of failure yet.
  if (m.pending) return { text: `○ ${name} 已开 ${m.held} 次，本期应开 ${m.required} 次，本期还没有结束`, short: false };
  return { text: m.short ? `✗ ${name} ${m.held}/${m.required} 不足` : `✓ ${name} ${m.held}/${m.required} 达标`, short: m.short };
}

/** Study coverage: the average and the lowest share of members reached, in words. */
export function coverageLine(c: BranchCompliance['coverage']): IndicatorLine {
  if (c.sessions === 0 || c.average === null) return { text: '学习覆盖：本期没有已召开的学习，无法计算', short: false };
  const lowest = c.lowest ?? c.average;
  const short = lowest < coverageThreshold;
  const words = `学习覆盖：${c.sessions} 次学习，平均参学率 ${percentText(c.average)}，最低 ${percentText(lowest)}`;
  return { text: short ? `✗ ${words}，低于 ${percentText(coverageThreshold)}` : `✓ ${words}`, short };
}

export function overdueVisitsLine(n: number): IndicatorLine {
  return n > 0 ? { text: `✗ 送学上门逾期 ${n} 件`, short: true } : { text: '✓ 送学上门没有逾期', short: false };
}

export function quietMembersLine(n: number): IndicatorLine {
  return n > 0 ? { text: `✗ ${n} 名党员五个月以上未参加组织生活`, short: true } : { text: '✓ 没有五个月以上未参加组织生活的党员', short: false };
}

export function itemsLine(open: number, overdue: number): IndicatorLine {
  if (open === 0) return { text: '✓ 没有未完成的整改事项', short: false };
  if (overdue > 0) return { text: `✗ 整改事项未完成 ${open} 项，其中已逾期 ${overdue} 项`, short: true };
  return { text: `⚠ 整改事项未完成 ${open} 项，都未到期`, short: false };
}

/** "已签字：周明 11月28日" or "未签字". The day is China's. */
export function signoffText(s: { by: string; at: string } | null | undefined): string {
  if (!s) return '未签字';
  return `已签字：${s.by} ${sessionDateText(s.at)}`;
}

/** Every indicator of a branch card, in the order an inspector reads them. */
export function complianceLines(b: BranchCompliance): IndicatorLine[] {
  return [
    ...b.meetings.map(meetingLine),
    coverageLine(b.coverage),
    overdueVisitsLine(b.overdueVisits),
    quietMembersLine(b.quietMembers),
    itemsLine(b.openItems, b.overdueItems),
  ];
}

/** The card's headline: how many shortfalls, or that the branch meets every indicator. */
export function shortfallHeadline(b: Pick<BranchCompliance, 'shortfalls'>): string {
  return b.shortfalls.length ? `✗ 有 ${b.shortfalls.length} 项不足` : '✓ 各项达标';
}

/**
 * A branch's line on the inspector's first screen: what is short, said once ("支委会 0/1，不足；送学上门逾期 1 件"),
 * or that all is met (and signed off, when it is).
 */
export function branchGlance(b: Pick<BranchCompliance, 'shortfalls' | 'signedOff'>): { short: boolean; line: string } {
  if (b.shortfalls.length) return { short: true, line: b.shortfalls.join('；') };
  return { short: false, line: b.signedOff ? '各项达标，已签字' : '各项达标' };
}

// ---- Rectification items (整改事项) ----

const statusWords: Record<RectificationStatus, string> = {
  open: '待整改',
  answered: '已答复，待督导审核',
  returned: '已退回，需重新整改',
  accepted: '✓ 已通过',
};

export const rectificationStatusText = (s: RectificationStatus) => statusWords[s];

/** The flag both sides see on an item past its deadline and not yet accepted. */
export const overdueFlag = '⚠ 已逾期';

export const deadlineText = (deadline: string) => `整改期限：${sessionDateText(deadline)}`;

/** "状态：待整改" with the overdue flag in words when it applies. */
export function itemStateText(item: Pick<Rectification, 'status' | 'overdue'>): string {
  return `状态：${statusWords[item.status]}${item.overdue ? `（${overdueFlag}）` : ''}`;
}

/** Whether the secretary has something to do: answer it, or answer again after a return. */
export const needsAnswer = (item: Pick<Rectification, 'status'>) => item.status === 'open' || item.status === 'returned';

const historyVerbs: Record<Rectification['history'][number]['action'], string> = {
  open: '提出整改事项',
  answer: '答复整改情况',
  return: '退回',
  accept: '审核通过',
};

/** One step of an item's history: who, when, what. "2026年11月28日 14:05 周明 退回：请附会议记录照片" */
export function historyText(h: Rectification['history'][number]): string {
  const evidence = h.evidence?.length ? `（附佐证材料 ${h.evidence.length} 件）` : '';
  return `${whenText(h.at)} ${h.byName} ${historyVerbs[h.action]}${h.text ? `：${h.text}` : ''}${evidence}`;
}

/** Items that want attention first: overdue, then waiting for the secretary, then waiting for the inspector, then done. */
export function sortItems<T extends Pick<Rectification, 'status' | 'overdue' | 'deadline'>>(items: readonly T[]): T[] {
  const rank = (i: T) => (i.status === 'accepted' ? 3 : i.overdue ? 0 : needsAnswer(i) ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.deadline.localeCompare(b.deadline));
}
