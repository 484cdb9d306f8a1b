/**
 * The one place that does China-day date maths. Dates in this product are days on China's calendar
 * (Asia/Shanghai: UTC+8 all year, no summer time), whatever zone the machine or the phone is in.
 * Plain arithmetic on the fixed offset, never the process's zone or Intl, so it behaves the same on
 * Lambda (UTC), a developer's laptop, weapp (no full Intl) and H5. Zod-free: pages import it.
 */

export const chinaOffsetMs = 8 * 3600_000;
const dayMs = 86_400_000;

/** The parts of an instant on the clock in China. */
export interface ChinaParts {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The parts of an instant (ISO text or a Date) on the clock in China; undefined for what is not a time. */
export function chinaParts(at: string | Date): ChinaParts | undefined {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms + chinaOffsetMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** The calendar day in China of an instant, YYYY-MM-DD. */
export function chinaDay(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + chinaOffsetMs).toISOString().slice(0, 10);
}

/** The year on China's calendar at an instant, e.g. the points ledger's year. */
export function chinaYear(at: string | Date): number {
  return Number(chinaDay(at).slice(0, 4));
}

/** The month (1-12) on China's calendar at an instant. */
export function chinaMonth(at: string | Date): number {
  return Number(chinaDay(at).slice(5, 7));
}

/**
 * The instant (ISO, UTC) a China calendar day begins, `plusDays` later: 00:00 in Beijing is 16:00 UTC
 * the day before. Ranges by date are [start of first day, start of the day after the last).
 */
export function chinaDayStart(day: string, plusDays = 0): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - chinaOffsetMs + plusDays * dayMs).toISOString();
}

/** The instant a time on China's clock names, as ISO in UTC (month 1-12). */
export function chinaInstant(year: number, month: number, day: number, hour = 0, minute = 0): string {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - chinaOffsetMs).toISOString();
}

/** A China-day (YYYY-MM-DD) moved by whole days, across months and years. */
export function addChinaDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** An instant on China's clock for records and exports, to the minute: 2026-12-31 23:50. */
export function chinaStamp(iso: string): string {
  return new Date(Date.parse(iso) + chinaOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** YYYY-MM-DD when year, month (1-12) and day name a real calendar day (no 31 April, 29 February only in leap years). */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}
