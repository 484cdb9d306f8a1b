import { parsePeriod, periodWords } from '@ltx/shared/domain/periods';
import { chinaDay } from '@ltx/shared/time/china-day';
import { deviceNow } from '@/adapters/clock';

export { periodWords };

/**
 * The periods an inspector looks at, as six big buttons: this and the last month, quarter and
 * year. The API writes them `2026-11`, `2026-Q4` and `2026`; people read them in words.
 */
export type PeriodChoiceKey = 'month' | 'lastMonth' | 'quarter' | 'lastQuarter' | 'year' | 'lastYear';

export interface PeriodChoice {
  key: PeriodChoiceKey;
  /** The button's words: 本月, 上个月, 本季度, 上季度, 本年, 去年. */
  label: string;
  /** As the API writes it. */
  period: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's calendar day in China (UTC+8), YYYY-MM-DD: periods follow China's calendar. */
export function todayInChina(now: Date = deviceNow()): string {
  return chinaDay(now.toISOString());
}

/** The six choices, in button order (two to a row: this one, the last one). `today` is YYYY-MM-DD. */
export function periodChoices(today: string): PeriodChoice[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const lastQuarter = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  return [
    { key: 'month', label: '本月', period: `${year}-${pad(month)}` },
    { key: 'lastMonth', label: '上个月', period: lastMonth },
    { key: 'quarter', label: '本季度', period: `${year}-Q${quarter}` },
    { key: 'lastQuarter', label: '上季度', period: lastQuarter },
    { key: 'year', label: '本年', period: String(year) },
    { key: 'lastYear', label: '去年', period: String(year - 1) },
  ];
}

/** The chooser's words for a period, e.g. "2026年10月（上个月）", or just the period in words. */
export function periodHeading(period: string, today: string): string {
  const choice = periodChoices(today).find((c) => c.period === period);
  return choice ? `${periodWords(period)}（${choice.label}）` : periodWords(period);
}

/** A period the API accepts, or undefined (e.g. a hand-edited page address). */
export function validPeriod(text: string | undefined): string | undefined {
  return text && parsePeriod(text) ? text : undefined;
}

/**
 * The periods whose reviews the secretary's list gathers. The API lists reviews by the exact period
 * they were written for, and inspectors write them for the periods of their chooser, so these are
 * the same six, newest first.
 */
export function rectificationPeriods(today: string): string[] {
  return periodChoices(today).map((c) => c.period);
}
