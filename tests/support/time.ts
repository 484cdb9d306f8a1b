/**
 * Times for test data, relative to the process clock (which the fixed-instant runs move with
 * libfaketime). Every helper says which China day or year it means, so a test never assumes that
 * "yesterday" shares today's year, quarter or month.
 */
const minute = 60_000;
const day = 24 * 60 * minute;
const chinaOffset = 8 * 60 * minute;

/** `m` minutes from now (negative: ago), to the minute, as the API's UTC timestamp. */
export const minutesFromNow = (m: number): string => new Date(Math.floor((Date.now() + m * minute) / minute) * minute).toISOString();

/** `d` days from now, as an ISO timestamp (not rounded: for windows and deadlines). */
export const daysFromNow = (d: number): string => new Date(Date.now() + d * day).toISOString();

/** 9:30 in the morning, Beijing time, on the China day `d` days from today. */
export const morningIn = (d: number): string => {
  const china = new Date(Date.now() + chinaOffset + d * day);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), 1, 30)).toISOString();
};

/** The China calendar year of an instant (now by default). */
export const chinaYear = (iso: string = new Date().toISOString()): number => new Date(Date.parse(iso) + chinaOffset).getUTCFullYear();

/** `iso` plus `hours` hours. */
export const plusHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 60 * minute).toISOString();
