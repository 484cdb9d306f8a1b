import type { PointsCategory, PointsRules } from '../schemas/points';
import type { AttendanceStatus, SessionKind } from '../schemas/session';

export const defaultPointsRules: PointsRules = {
  perCategory: { meeting: 2, theme_day: 2, home_delivered: 2, online: 2, volunteer: 3, positive_energy: 3, absence: 0, adjustment: 0 },
  absenceDeduction: 0,
  yearlyCaps: { meeting: null, theme_day: null, home_delivered: null, online: null, volunteer: 30, positive_energy: 30, absence: null, adjustment: null },
  basePerYear: 60,
  enabled: true,
};

/** What one attendance line earns: a category and points, or nothing (excused leave never costs anything). */
export function attendanceAward(kind: SessionKind, status: AttendanceStatus | null | undefined, rules: PointsRules): { category: PointsCategory; points: number } | null {
  switch (status) {
    case 'present':
      return kind === 'theme_day' ? { category: 'theme_day', points: rules.perCategory.theme_day } : { category: 'meeting', points: rules.perCategory.meeting };
    case 'home_delivered':
      return { category: 'home_delivered', points: rules.perCategory.home_delivered };
    case 'online':
      return { category: 'online', points: rules.perCategory.online };
    case 'absent':
      return rules.absenceDeduction > 0 ? { category: 'absence', points: -rules.absenceDeduction } : null;
    default:
      return null;
  }
}

export interface LedgerEntry {
  id: string;
  category: PointsCategory;
  points: number;
  /** The source event, e.g. `session:<id>`; at most one live entry per source. */
  sourceKey: string;
  reversalOf?: string;
}

/** Entries not cancelled by a reversal (reversals themselves are bookkeeping and never live). */
export function liveEntries<E extends LedgerEntry>(entries: E[]): E[] {
  const reversed = new Set(entries.filter((e) => e.reversalOf).map((e) => e.reversalOf!));
  return entries.filter((e) => !e.reversalOf && !reversed.has(e.id));
}

/**
 * The year's tally from the entries alone: the base, plus each category's live sum up to its cap.
 * Nothing is stored besides the entries, so no tally can drift from them.
 */
export function tally(entries: LedgerEntry[], rules: PointsRules): { total: number; byCategory: { category: PointsCategory; earned: number; counted: number; cap: number | null }[] } {
  const sums = new Map<PointsCategory, number>();
  for (const e of liveEntries(entries)) sums.set(e.category, (sums.get(e.category) ?? 0) + e.points);
  const byCategory = [...sums.entries()].map(([category, earned]) => {
    const cap = rules.yearlyCaps[category];
    return { category, earned, counted: cap === null ? earned : Math.min(earned, cap), cap };
  });
  return { total: rules.basePerYear + byCategory.reduce((a, c) => a + c.counted, 0), byCategory };
}

export const pointsCategoryLabels: Record<PointsCategory, string> = {
  meeting: '参加三会一课',
  theme_day: '参加主题党日',
  home_delivered: '送学上门学习',
  online: '网上自学',
  volunteer: '志愿服务',
  positive_energy: '正能量活动',
  absence: '无故缺席',
  adjustment: '分数调整',
};
