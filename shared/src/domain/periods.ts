import { addChinaDays, chinaDay, chinaDayStart } from '../time/china-day';

/** Periods are written `2026-11` (a month), `2026-Q4` (a quarter) or `2026` (a year). */
export interface Period {
  text: string;
  kind: 'month' | 'quarter' | 'year';
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Day after the last, YYYY-MM-DD. */
  end: string;
  months: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const firstOf = (y: number, m: number) => (m > 12 ? `${y + 1}-01-01` : `${y}-${pad(m)}-01`);

export function parsePeriod(text: string): Period | undefined {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]);
    return { text, kind: 'month', start: firstOf(y, mo), end: firstOf(y, mo + 1), months: 1 };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const y = Number(m[1]), q = Number(m[2]);
    return { text, kind: 'quarter', start: firstOf(y, q * 3 - 2), end: firstOf(y, q * 3 + 1), months: 3 };
  }
  m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    return { text, kind: 'year', start: `${y}-01-01`, end: `${y + 1}-01-01`, months: 12 };
  }
  return undefined;
}

/** Whether a day (or an ISO time, read by its date) falls in the period. */
export function inPeriod(period: Period, day: string): boolean {
  const d = day.slice(0, 10);
  return d >= period.start && d < period.end;
}

/** The month a day falls in, as a period text. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

// China-day maths lives in the time module; these stay importable from here for existing callers.
export { chinaDay, chinaDayStart };

/** Whether an instant falls in the period, by its calendar day in China. */
export function instantInPeriod(period: Period, iso: string): boolean {
  return inPeriod(period, chinaDay(iso));
}

/** The month, quarter or year that holds a day, as a period. */
export function periodOf(day: string, kind: Period['kind']): Period {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  const text = kind === 'month' ? day.slice(0, 7) : kind === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : y;
  return parsePeriod(text)!;
}

/** A period has ended once its last day is over in China. */
export function periodEnded(period: Period, now: Date): boolean {
  return chinaDay(now.toISOString()) >= period.end;
}

/** The last day of a period, YYYY-MM-DD. */
export function lastDayOf(period: Period): string {
  return addChinaDays(period.end, -1);
}

const quarterNames = ['一', '二', '三', '四'];

/** 2026-11 -> 2026年11月; 2026-Q4 -> 2026年第四季度; 2026 -> 2026年全年. Anything else as it is. */
export function periodWords(text: string): string {
  const p = parsePeriod(text);
  if (!p) return text;
  const year = text.slice(0, 4);
  if (p.kind === 'month') return `${year}年${Number(text.slice(5, 7))}月`;
  if (p.kind === 'quarter') return `${year}年第${quarterNames[Number(text.slice(6)) - 1]}季度`;
  return `${year}年全年`;
}
