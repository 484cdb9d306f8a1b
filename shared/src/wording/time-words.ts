/**
 * The one way this product says a time or a date, on every page, record, sentence and workbook:
 * 上午9点半, 下午3点半, 中午12点, 晚上7点; 12月3日 星期四, with the year only when it is not this
 * year. Always on China's clock (Asia/Shanghai), whatever zone the machine or the phone is in, by the
 * time module's fixed-offset arithmetic. Zod-free and platform-free: the mini-program imports it.
 *
 * Machine formats that others validate (WeChat's subscription `time` field, ISO in the API) are not
 * words and live in the time module (`chinaStamp`).
 */
import { weekdayLabels } from '../labels';
import { chinaParts } from '../time/china-day';

/** "This year" for a date: the day or instant it is (usually the reader's now). Without it the year is always said. */
export interface DateWordsOptions {
  today?: string | Date;
  /** 星期几 after the date (default); off for birthdays and other dates where the weekday means nothing. */
  weekday?: boolean;
}

interface DayParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

const calendarDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day (YYYY-MM-DD, already China's) as it is, or an instant read on China's clock. */
function dayParts(at: string | Date): DayParts | undefined {
  const m = typeof at === 'string' ? calendarDayPattern.exec(at) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const d = new Date(Date.UTC(year, month - 1, day));
    if (Number.isNaN(d.getTime()) || d.getUTCMonth() !== month - 1) return undefined;
    return { year, month, day, weekday: d.getUTCDay() };
  }
  return chinaParts(at);
}

/** The part of the day as people say it before the hour. */
function partOfDay(hour: number): string {
  if (hour < 6) return '凌晨';
  if (hour < 12) return '上午';
  if (hour < 13) return '中午';
  if (hour < 18) return '下午';
  return '晚上';
}

/** 上午9点, 上午9点半, 下午3点05分, 中午12点半, 凌晨0点10分, 晚上11点50分. */
export function clockWords(at: string | Date): string {
  const p = chinaParts(at);
  if (!p) return '时间不详';
  const hour = p.hour > 12 ? p.hour - 12 : p.hour;
  const minute = p.minute === 0 ? '' : p.minute === 30 ? '半' : `${String(p.minute).padStart(2, '0')}分`;
  return `${partOfDay(p.hour)}${hour}点${minute}`;
}

/**
 * 12月3日 星期四; 2025年12月3日 星期三 when the year is not `today`'s (or no `today` is given, as in
 * records and workbooks read years later). Takes a calendar day (YYYY-MM-DD) or an instant.
 */
export function dateWords(at: string | Date, options: DateWordsOptions = {}): string {
  const p = dayParts(at);
  if (!p) return '日期不详';
  const thisYear = options.today === undefined ? undefined : dayParts(options.today)?.year;
  const year = thisYear === p.year ? '' : `${p.year}年`;
  const weekday = options.weekday === false ? '' : ` ${weekdayLabels[p.weekday]}`;
  return `${year}${p.month}月${p.day}日${weekday}`;
}

/** 12月3日 星期四 上午9点半 (the year as `dateWords` says it). */
export function whenWords(at: string | Date, options: DateWordsOptions = {}): string {
  if (!chinaParts(at)) return '时间不详';
  return `${dateWords(at, options)} ${clockWords(at)}`;
}

/**
 * A window of time, the end said as briefly as is clear: 11月30日 星期日 上午9点到11点半;
 * 上午11点到下午1点; across days, both dates.
 */
export function windowWords(start: string | Date, end: string | Date, options: DateWordsOptions = {}): string {
  const a = chinaParts(start);
  const b = chinaParts(end);
  if (!a || !b) return '时间不详';
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  if (!sameDay) return `${whenWords(start, options)}到${whenWords(end, options)}`;
  const endClock = clockWords(end);
  const samePart = partOfDay(a.hour) === partOfDay(b.hour);
  return `${whenWords(start, options)}到${samePart ? endClock.slice(partOfDay(b.hour).length) : endClock}`;
}
