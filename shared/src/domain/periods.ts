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

/** The calendar day in China (UTC+8, no daylight saving) of an instant. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
