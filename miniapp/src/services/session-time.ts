/**
 * Session times are shown and typed in Beijing time (Asia/Shanghai, UTC+8 all year, no summer
 * time), whatever the phone's own time zone: a member living elsewhere still meets at the branch's
 * hour. Plain arithmetic on a fixed offset, so it behaves the same on weapp (no full Intl) and H5.
 */
import { calendarDay, chinaInstant, chinaParts, type ChinaParts } from '@ltx/shared/time/china-day';
import { clockWords, dateWords, whenWords } from '@ltx/shared/wording/time-words';
// Relative, not '@/…': the weapp smoke test (root tsconfig, no alias) imports the page words through here.
import { deviceNow } from '../adapters/clock';

export type ShanghaiParts = ChinaParts;

export function shanghaiParts(iso: string): ShanghaiParts | null {
  return chinaParts(iso) ?? null;
}

// Pages say times and dates in the product's one wording (shared/src/wording/time-words.ts); "this
// year" is the phone's today, so a date this year is said without its year.

/** 12月3日 星期四 (2026年1月7日 星期三 when not this year). */
export const sessionDateText = (iso: string): string => dateWords(iso, { today: deviceNow() });

/** The hour in words elders say: 上午9点, 下午3点半, 晚上7点05分. */
export const clockText = (iso: string): string => clockWords(iso);

/** 12月3日 星期四 上午9点半: a session's time, and who did what when on records. */
export const whenText = (iso: string): string => whenWords(iso, { today: deviceNow() });

/** What the date and time boxes hold, as typed. */
export interface WhenParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

export type WhenProblem = { field: 'date' | 'time'; message: string };

/**
 * The instant the boxes name, in Beijing time, as an ISO timestamp in UTC (the API's timestamps
 * carry no offset), or the problem to show under the boxes.
 */
export function startsAtFrom(p: WhenParts): { ok: true; iso: string } | { ok: false; problem: WhenProblem } {
  const [y, mo, d, h, mi] = [p.year, p.month, p.day, p.hour, p.minute].map((s) => s.trim());
  if (!y || !mo || !d) return { ok: false, problem: { field: 'date', message: '日期：请填写年、月、日' } };
  if (!/^\d{4}$/.test(y ?? '') || !/^\d{1,2}$/.test(mo ?? '') || !/^\d{1,2}$/.test(d ?? '')) {
    return { ok: false, problem: { field: 'date', message: '日期：年为 4 位数字，月、日为 1 到 2 位数字' } };
  }
  const [yn, mon, dn] = [Number(y), Number(mo), Number(d)];
  if (!calendarDay(yn, mon, dn)) {
    return { ok: false, problem: { field: 'date', message: '日期：没有这一天，请检查年、月、日' } };
  }
  if (!h) return { ok: false, problem: { field: 'time', message: '时间：请填写几点' } };
  if (!/^\d{1,2}$/.test(h) || Number(h) > 23) return { ok: false, problem: { field: 'time', message: '时间：点为 0 到 23 之间的数字（下午 2 点填 14）' } };
  if (mi && (!/^\d{1,2}$/.test(mi) || Number(mi) > 59)) return { ok: false, problem: { field: 'time', message: '时间：分为 0 到 59 之间的数字' } };
  return { ok: true, iso: chinaInstant(yn, mon, dn, Number(h), Number(mi || 0)) };
}

/** The boxes for an instant, in Beijing time. */
export function whenPartsFrom(iso: string): WhenParts {
  const p = shanghaiParts(iso);
  if (!p) return { year: '', month: '', day: '', hour: '', minute: '' };
  return { year: String(p.year), month: String(p.month), day: String(p.day), hour: String(p.hour), minute: String(p.minute).padStart(2, '0') };
}

/** A week from now at 9 in the morning, Beijing time: a plausible first guess the secretary edits. */
export function defaultWhen(now: Date): WhenParts {
  const p = shanghaiParts(new Date(now.getTime() + 7 * 24 * 3600 * 1000).toISOString());
  if (!p) return { year: '', month: '', day: '', hour: '9', minute: '00' };
  return { year: String(p.year), month: String(p.month), day: String(p.day), hour: '9', minute: '00' };
}

