import { chinaDay } from '@ltx/shared/domain/periods';
import { testClock } from './clock';

/**
 * Times for test data, read from the test run's one clock (`tests/support/clock.ts`), which the
 * fixed-instant runs move. Every helper says which China day or year it means, so a test never
 * assumes that "yesterday" shares today's year, quarter or month.
 */
const minute = 60_000;
const day = 24 * 60 * minute;
const chinaOffset = 8 * 60 * minute;
const now = () => testClock.now().getTime();

export { nowIso } from './clock';

/** `m` minutes from now (negative: ago), to the minute, as the API's UTC timestamp. */
export const minutesFromNow = (m: number): string => new Date(Math.floor((now() + m * minute) / minute) * minute).toISOString();

/** `ms` milliseconds from now (negative: ago), not rounded. */
export const msFromNow = (ms: number): string => new Date(now() + ms).toISOString();

/** `d` days from now, as an ISO timestamp (not rounded: for windows and deadlines). */
export const daysFromNow = (d: number): string => msFromNow(d * day);

/** 9:30 in the morning, Beijing time, on the China day `d` days from today. */
export const morningIn = (d: number): string => {
  const china = new Date(now() + chinaOffset + d * day);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), 1, 30)).toISOString();
};

/** The China day (YYYY-MM-DD) `d` days from today. */
export const chinaDayIn = (d = 0): string => chinaDay(msFromNow(d * day));

/** The China calendar year of an instant (now by default). */
export const chinaYear = (iso: string = msFromNow(0)): number => new Date(Date.parse(iso) + chinaOffset).getUTCFullYear();

/** `iso` plus `hours` hours. */
export const plusHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 60 * minute).toISOString();
