import { attendanceModeLabels, healthClassLabels, livingSituationLabels } from '@ltx/shared/labels';
import type { Ledger } from './types';
import { percentText } from './inspection-words';

/** The ledger's sections, as its tabs say them (the seed's 台账 list, as far as the API holds it). */
export type LedgerTab = 'setup' | 'life' | 'education' | 'points' | 'photos' | 'audit' | 'reviews' | 'signoff';

export const ledgerTabs: readonly { value: LedgerTab; label: string }[] = [
  { value: 'setup', label: '组织设置' },
  { value: 'life', label: '组织生活' },
  { value: 'education', label: '党员教育' },
  { value: 'points', label: '党员积分' },
  { value: 'photos', label: '影像资料' },
  { value: 'audit', label: '填报审核记录' },
  { value: 'reviews', label: '督导意见与整改' },
  { value: 'signoff', label: '签字与导出' },
];

export interface CountLine {
  label: string;
  count: number;
}

const unknownWords: Record<string, string> = { unknown: '未登记', 未填: '未填写' };

/** A count table ({ healthy: 3, ... }) as lines in the labels' order, unknown keys last: "健康：3 人". */
export function countLines(counts: Record<string, number>, labels: Record<string, string>): CountLine[] {
  const known = Object.keys(labels).filter((k) => (counts[k] ?? 0) > 0).map((k) => ({ label: labels[k] as string, count: counts[k] as number }));
  const other = Object.entries(counts)
    .filter(([k, n]) => !(k in labels) && n > 0)
    .map(([k, n]) => ({ label: unknownWords[k] ?? k, count: n }));
  return [...known, ...other];
}

/** Health as counts only: the ledger never names who is ill. */
export const healthLines = (counts: Record<string, number>) => countLines(counts, healthClassLabels);
export const livingLines = (counts: Record<string, number>) => countLines(counts, livingSituationLabels);
export const modeLines = (counts: Record<string, number>) => countLines(counts, attendanceModeLabels);
const numerals = '一二三四五六七八九十';

/** The number in a group's name (第二党小组 -> 2, 3组 -> 3), so groups sort as people count them, not by pinyin. */
function groupNumber(name: string): number {
  const digits = /\d+/.exec(name);
  if (digits) return Number(digits[0]);
  const m = /[一二三四五六七八九十]+/.exec(name);
  if (!m) return Number.MAX_SAFE_INTEGER;
  const [a, b] = m[0].split('十');
  if (b === undefined) return numerals.indexOf(a ?? '') + 1;
  return (a ? numerals.indexOf(a) + 1 : 1) * 10 + (b ? numerals.indexOf(b) + 1 : 0);
}

/** Party groups have no fixed labels: their own names, by their number (第一 before 第二), unfilled last. */
export const groupLines = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => Number(a in unknownWords) - Number(b in unknownWords) || groupNumber(a) - groupNumber(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => ({ label: unknownWords[k] ?? k, count: n }));

type LedgerSession = Ledger['sessions'][number];

/** "应到 8 人：出席 6 人，请假 1 人，送学上门 1 人" (kinds nobody is in are left out). */
export function attendanceCountsText(s: LedgerSession): string {
  const parts = [
    ['出席', s.present],
    ['请假', s.excused],
    ['缺席', s.absent],
    ['送学上门', s.homeDelivered],
    ['网上自学', s.online],
    ['未登记', s.unmarked],
  ] as const;
  const said = parts.filter(([, n]) => n > 0).map(([w, n]) => `${w} ${n} 人`);
  return `应到 ${s.expected} 人：${said.length ? said.join('，') : '还没有登记'}`;
}

/** Quorum where it applies (支部党员大会, 支委会), with its mark. */
export function quorumLine(met: boolean | null): string | undefined {
  if (met === null) return undefined;
  return met ? '✓ 到会人数超过半数' : '✗ 到会人数未超过半数';
}

export const coverageText = (share: number) => `参学率 ${percentText(share)}`;

/** An absentee with the reason when there is one: "李秀英：请假（卧床）". */
export const absenteeText = (a: LedgerSession['absentees'][number]) => `${a.name}：${a.status}${a.reason ? `（${a.reason}）` : ''}`;

const actionWords: Record<string, string> = {
  'member.create': '新增党员',
  'member.update': '修改党员信息',
  'member.proposeUpdate': '提交党员信息修改（待审核）',
  'member.approveChange': '审核通过党员信息修改',
  'member.invite': '生成绑定邀请码',
  'session.create': '新建组织生活记录',
  'session.update': '修改组织生活记录',
  'session.minutes': '填写会议记录',
  'session.close': '归档会议记录',
  'session.amend': '添加更正说明',
  'session.reconcile': '核对并修正参加日期和积分',
  'attendance.mark': '登记出席',
  'points.award': '记录积分',
  'points.reverse': '冲正积分',
  'review.create': '提出督导意见',
  'rectification.answer': '答复整改事项',
  'rectification.accept': '整改事项审核通过',
  'rectification.return': '退回整改事项',
  'period.signoff': '督导签字确认',
  'visit.request': '申请送学上门',
  'visit.accept': '受理送学上门',
  'visit.schedule': '安排送学上门',
  'visit.reschedule': '改期送学上门',
  'visit.deliver': '完成送学上门',
  'visit.confirm': '确认送学上门',
  'visit.close': '办结送学上门',
  'visit.cancel': '取消送学上门',
};

const targetWords: Record<string, string> = {
  member: '党员',
  session: '会议',
  review: '督导意见',
  rectification: '整改事项',
  period: '期间',
  visit: '送学上门',
};

/** An audit action in words; an unknown code is shown as it is rather than hidden. */
export const auditActionText = (action: string) => actionWords[action] ?? action;

/** "session:1a2b3c4d" -> "会议（编号 1a2b3c4d）"; a period target names the period. */
export function auditTargetText(target: string): string {
  const [type = '', id = ''] = target.split(':');
  const word = targetWords[type];
  if (!word) return target;
  return type === 'period' ? `${word} ${id}` : `${word}（编号 ${id}）`;
}
