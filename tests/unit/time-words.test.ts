import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaInstant } from '@ltx/shared/time/china-day';
import { clockWords, dateWords, whenWords, windowWords } from '@ltx/shared/wording/time-words';

/** An instant named by its time on China's clock. */
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => chinaInstant(y, mo, d, h, mi);

describe('time words: the one way times and dates are said', () => {
  // [hour, minute on China's clock, the words]: 半 for half past, two-digit minutes otherwise; noon,
  // half past noon, midnight and the small hours included.
  it.each([
    [9, 30, '上午9点半'], [15, 30, '下午3点半'], [9, 0, '上午9点'], [19, 0, '晚上7点'], [14, 5, '下午2点05分'],
    [17, 59, '下午5点59分'], [18, 0, '晚上6点'], [12, 0, '中午12点'], [12, 30, '中午12点半'], [13, 0, '下午1点'],
    [0, 0, '凌晨0点'], [0, 10, '凌晨0点10分'], [5, 59, '凌晨5点59分'], [6, 0, '上午6点'], [23, 50, '晚上11点50分'],
  ] as const)('says %i:%i as %s', (hour, minute, words) => {
    expect(clockWords(at(2026, 12, 3, hour, minute))).toBe(words);
  });

  it('says a date with its weekday, and the year only when it is not this year', () => {
    const today = at(2026, 11, 20, 10);
    expect(dateWords(at(2026, 12, 3, 9, 30), { today })).toBe('12月3日 星期四');
    expect(dateWords('2026-12-03', { today })).toBe('12月3日 星期四');
    expect(dateWords('2027-01-07', { today })).toBe('2027年1月7日 星期四');
    expect(dateWords('2025-12-03', { today: '2026-01-02' })).toBe('2025年12月3日 星期三');
    expect(dateWords('1945-10-01', { weekday: false })).toBe('1945年10月1日');
    // Records and workbooks are read years later: without a today, the year is always said.
    expect(dateWords('2026-12-03')).toBe('2026年12月3日 星期四');
  });

  it('reads the year on China\'s calendar across the new year', () => {
    // 23:50 on 31 December in China is still last year; 00:10 on 1 January is the new one.
    const newYearsDay = at(2027, 1, 1, 9);
    expect(dateWords('2026-12-31T15:50:00.000Z', { today: newYearsDay })).toBe('2026年12月31日 星期四');
    expect(dateWords('2026-12-31T16:10:00.000Z', { today: newYearsDay })).toBe('1月1日 星期五');
    expect(whenWords('2026-12-31T16:10:00.000Z', { today: '2026-12-31T15:50:00.000Z' })).toBe('2027年1月1日 星期五 凌晨0点10分');
    expect(whenWords('2026-12-31T15:50:00.000Z')).toBe('2026年12月31日 星期四 晚上11点50分');
  });

  it('says a window briefly, repeating the part of the day only when it changes', () => {
    const today = '2026-11-01';
    expect(windowWords(at(2026, 11, 30, 9), at(2026, 11, 30, 11, 30), { today })).toBe('11月30日 星期一 上午9点到11点半');
    expect(windowWords(at(2026, 11, 30, 11), at(2026, 11, 30, 13), { today })).toBe('11月30日 星期一 上午11点到下午1点');
    expect(windowWords(at(2026, 11, 30, 19), at(2026, 12, 1, 9), { today })).toBe('11月30日 星期一 晚上7点到12月1日 星期二 上午9点');
  });

  it('names what is not a time instead of printing it', () => {
    expect(clockWords('not a time')).toBe('时间不详');
    expect(dateWords('2026-02-30')).toBe('日期不详');
    expect(whenWords('')).toBe('时间不详');
    expect(windowWords('x', at(2026, 1, 1))).toBe('时间不详');
  });

  describe('whatever zone the machine is in', () => {
    const zone = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'America/Los_Angeles';
    });
    afterAll(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it('still says the time and day in China', () => {
      // The machine's own zone is now eight hours behind UTC; 01:30 UTC is still 上午9点半 in Beijing.
      expect(new Date('2026-12-03T01:30:00.000Z').getHours()).not.toBe(9);
      expect(whenWords('2026-12-03T01:30:00.000Z', { today: '2026-06-01' })).toBe('12月3日 星期四 上午9点半');
      expect(dateWords(new Date('2026-12-31T16:10:00.000Z'), { today: '2027-01-01' })).toBe('1月1日 星期五');
    });
  });
});
