import { calendarDay } from '@ltx/shared/time/china-day';
/** A calendar day typed as three number boxes (年, 月, 日): easier than a wheel or an ISO string. */
export interface DateParts {
  year: string;
  month: string;
  day: string;
}

export const emptyDate: DateParts = { year: '', month: '', day: '' };

export function partsFromIso(iso: string | undefined): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { year: m[1] ?? '', month: String(Number(m[2])), day: String(Number(m[3])) } : { ...emptyDate };
}

export function isBlank(p: DateParts): boolean {
  return !p.year.trim() && !p.month.trim() && !p.day.trim();
}

/** YYYY-MM-DD when the three parts make a real day, otherwise null. */
export function isoFromParts(p: DateParts): string | null {
  const [y, m, d] = [p.year, p.month, p.day].map((s) => s.trim());
  if (!/^\d{4}$/.test(y ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{1,2}$/.test(d ?? '')) return null;
  const [yn, mn, dn] = [Number(y), Number(m), Number(d)];
  return calendarDay(yn, mn, dn) ?? null;
}
