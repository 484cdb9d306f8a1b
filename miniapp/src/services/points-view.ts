import { pointsCategoryLabels } from '@ltx/shared/domain/points-rules';
import type { DateParts } from './date-parts';
import { isBlank, isoFromParts } from './date-parts';
import { dateWords } from '@ltx/shared/wording/time-words';
import type { ManualAwardInput, MemberPoints, PointsCategory, PointsEntry } from './types';
import { chinaYear } from '@ltx/shared/time/china-day';
import { pointsLimits } from '@ltx/shared/limits';
import { pointsOffWords, pointsWords } from '@ltx/shared/labels';
import { correctionTitle, pointsAmount } from '@ltx/shared/wording/points-words';
import { deviceNow } from '@/adapters/clock';

/** 党员积分 in words: what the member and the secretary read. Platform-free; no ranking anywhere. */

export const categoryText = (c: PointsCategory) => pointsCategoryLabels[c];

/** The year in Beijing time (a ledger year is a China calendar year). */
export function thisYear(now: Date): number {
  return chinaYear(now);
}

/** "加 2 分" / "扣 2 分": the sign in words, never only in colour or a small minus. */
export const pointsText = pointsAmount;

export interface EntryLine {
  id: string;
  date: string;
  title: string;
  points: string;
  reason: string;
  /** "已更正" on an entry a later correction took back (a correction says what it takes back in its title). */
  mark?: string;
  /** Still counts: may be reversed (by the secretary). */
  reversible: boolean;
}

/** One entry; `originalDate` is the day of the entry a correction takes back, when it is in the list. */
export function entryLine(e: PointsEntry, originalDate?: string): EntryLine {
  const isReversal = !!e.reversalOf;
  const reversed = !!e.reversedBy;
  const today = deviceNow();
  return {
    id: e.id,
    date: dateWords(e.date, { today }),
    title: isReversal ? correctionTitle(e.points, originalDate, { today }) : categoryText(e.category),
    points: pointsText(e.points),
    reason: e.reason,
    ...(reversed ? { mark: pointsWords.corrected } : {}),
    reversible: !isReversal && !reversed,
  };
}

export interface PointsViewState {
  year: number;
  total: string;
  base: string;
  categories: string[];
  entries: EntryLine[];
  empty: boolean;
  /** Where the organisation does not keep points: what the page says instead of a total. */
  off?: string;
}

/** The member's year as the page draws it: the total, each category in words, each entry. */
export function pointsView(p: MemberPoints): PointsViewState {
  const categories = p.byCategory
    .filter((c) => c.earned !== 0 || c.counted !== 0)
    .map((c) => {
      const capped = c.cap !== null && c.earned > c.counted ? `（全年最多计 ${c.cap} 分，已到上限）` : '';
      return `${categoryText(c.category)}：${c.counted} 分${capped}`;
    });
  return {
    year: p.year,
    total: `${p.total}`,
    base: `其中${pointsWords.basePerYear} ${p.base} 分`,
    categories,
    entries: p.entries.map((e) => entryLine(e, e.reversalOf ? p.entries.find((o) => o.id === e.reversalOf)?.date : undefined)),
    empty: p.entries.length === 0,
    ...(p.enabled ? {} : { off: pointsOffNotice }),
  };
}

/** Said where points are not kept: no new points, and nothing already recorded is lost. */
export const pointsOffNotice = `${pointsOffWords}：参加学习、会议和送学上门不再记分；以前的积分记录仍然保留。`;

/** One row of the branch table: "王建国：62 分（3 条记录）". */
export function branchRowText(r: { name: string; total: number; entries: number }): string {
  return `${r.total} 分（${r.entries} 条记录）`;
}

// ---- 记分 (manual award) ----

export type AwardCategory = ManualAwardInput['category'];
export const awardCategories: AwardCategory[] = ['volunteer', 'positive_energy', 'adjustment'];

export interface AwardForm {
  category: AwardCategory | '';
  sign: 'add' | 'subtract';
  points: string;
  reason: string;
  date: DateParts;
}

export const emptyAwardForm: AwardForm = { category: '', sign: 'add', points: '', reason: '', date: { year: '', month: '', day: '' } };

export type AwardErrors = Partial<Record<'category' | 'points' | 'reason' | 'date' | 'other', string>>;

export function toAwardInput(f: AwardForm): { ok: true; value: ManualAwardInput } | { ok: false; errors: AwardErrors } {
  const errors: AwardErrors = {};
  if (!f.category) errors.category = '积分类别：请选择';
  const typed = f.points.trim();
  const n = Number(typed);
  if (!typed) errors.points = '分值：请填写';
  else if (!/^\d+$/.test(typed) || n < 1 || n > pointsLimits.entry) errors.points = `分值：填 1 到 ${pointsLimits.entry} 之间的整数`;
  const reason = f.reason.trim();
  if (reason.length < pointsLimits.reasonMin) errors.reason = `事由：请写清楚为什么记分（至少 ${pointsLimits.reasonMin} 个字）`;
  else if (reason.length > pointsLimits.reason) errors.reason = `事由：最多 ${pointsLimits.reason} 个字`;
  const date = isBlank(f.date) ? undefined : isoFromParts(f.date);
  if (date === null) errors.date = '日期：没有这一天，请检查年、月、日（不填就是今天）';
  if (!f.category || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    // Only a correction (更正调整) takes points away; volunteering and activities always add.
    value: { category: f.category, points: f.category === 'adjustment' && f.sign === 'subtract' ? -n : n, reason, ...(date ? { date } : {}) },
  };
}

export function awardErrorsFromApi(fields: Record<string, string>): AwardErrors {
  const out: AwardErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = (['category', 'points', 'reason', 'date'].includes(path) ? path : 'other') as keyof AwardErrors;
    out[key] = out[key] ? `${out[key]}；${message}` : message;
  }
  return out;
}

/** 更正 needs a reason of at least 2 characters. */
export function reversalReasonProblem(reason: string): string | undefined {
  const r = reason.trim();
  if (r.length < pointsLimits.reasonMin) return `${pointsWords.correctionReason}：请写清楚为什么更正（至少 ${pointsLimits.reasonMin} 个字）`;
  if (r.length > pointsLimits.reversalReason) return `${pointsWords.correctionReason}：最多 ${pointsLimits.reversalReason} 个字`;
  return undefined;
}
