import { afterEach, describe, expect, it } from 'vitest';
import { addChinaDays, calendarDay, chinaDay, chinaDayStart, chinaInstant, chinaMonth, chinaParts, chinaStamp, chinaYear } from '@ltx/shared/time/china-day';
import { ageOn } from '@ltx/shared/domain/member-rules';
import { monthsBetween } from '@ltx/shared/domain/session-rules';
import { whenWords } from '@ltx/shared/wording/time-words';

// Beijing 23:50 on 31 December 2026 is 15:50 UTC that day; 00:10 on 1 January 2027 is 16:10 UTC on 31 December.
const lastEvening = '2026-12-31T15:50:00.000Z';
const newYearNight = '2026-12-31T16:10:00.000Z';

/** Zones far apart, including ones where the UTC date or the local date differs from China's at both instants. */
const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London'];
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(zones)('China-day maths with the process in %s', (zone) => {
  it('switches the process zone for real (so the cases below can fail)', () => {
    process.env.TZ = zone;
    const offsetInJuly = new Date('2026-07-01T00:00:00Z').getTimezoneOffset();
    expect(offsetInJuly).toBe({ UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 420, 'Pacific/Kiritimati': -840, 'Europe/London': -60 }[zone]);
  });

  it('puts Beijing 23:50 on 31 December in the old year and 00:10 on 1 January in the new one', () => {
    process.env.TZ = zone;
    expect(chinaDay(lastEvening)).toBe('2026-12-31');
    expect(chinaDay(newYearNight)).toBe('2027-01-01');
    expect(chinaDay(new Date(newYearNight))).toBe('2027-01-01');
    expect(chinaYear(lastEvening)).toBe(2026);
    expect(chinaYear(new Date(newYearNight))).toBe(2027);
    expect(chinaMonth(lastEvening)).toBe(12);
    expect(chinaMonth(newYearNight)).toBe(1);
    expect(chinaParts(lastEvening)).toEqual({ year: 2026, month: 12, day: 31, weekday: 4, hour: 23, minute: 50 });
    expect(chinaParts(newYearNight)).toEqual({ year: 2027, month: 1, day: 1, weekday: 5, hour: 0, minute: 10 });
    expect(chinaStamp(lastEvening)).toBe('2026-12-31 23:50');
    expect(chinaStamp(newYearNight)).toBe('2027-01-01 00:10');
  });

  it('starts a China day at 16:00 UTC the day before, and names instants on China clock', () => {
    process.env.TZ = zone;
    expect(chinaDayStart('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaDayStart('2026-12-31', 1)).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaDayStart('2027-03-01', -1)).toBe('2027-02-27T16:00:00.000Z');
    expect(lastEvening < chinaDayStart('2027-01-01') && newYearNight >= chinaDayStart('2027-01-01')).toBe(true);
    expect(chinaInstant(2026, 12, 31, 23, 50)).toBe(lastEvening);
    expect(chinaInstant(2027, 1, 1, 0, 10)).toBe(newYearNight);
    expect(chinaInstant(2027, 1, 1)).toBe('2026-12-31T16:00:00.000Z');
  });

  it('moves days across months and years, and knows real days', () => {
    process.env.TZ = zone;
    expect(addChinaDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addChinaDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addChinaDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addChinaDays('2026-12-02', 30)).toBe('2027-01-01');
    expect(calendarDay(2028, 2, 29)).toBe('2028-02-29');
    expect(calendarDay(2027, 2, 29)).toBeUndefined();
    expect(calendarDay(2026, 4, 31)).toBeUndefined();
    expect(calendarDay(2026, 13, 1)).toBeUndefined();
    expect(calendarDay(2026, 1, 5)).toBe('2026-01-05');
  });

  it('counts ages and quiet months on China calendar', () => {
    process.env.TZ = zone;
    // Born on 1 January: at 00:10 in Beijing the birthday has come, while UTC still says 31 December.
    expect(ageOn('1947-01-01', new Date(lastEvening))).toBe(79);
    expect(ageOn('1947-01-01', new Date(newYearNight))).toBe(80);
    // Last took part on Beijing 1 July 2026 at 00:10 (30 June in UTC): six whole months at the new year's first minutes.
    expect(monthsBetween('2026-06-30T16:10:00.000Z', new Date(newYearNight))).toBe(6);
    expect(monthsBetween('2026-06-30T16:10:00.000Z', new Date(lastEvening))).toBe(5);
  });

  it('says a reminder’s time on China’s clock, without Intl', () => {
    process.env.TZ = zone;
    expect(whenWords(lastEvening, { today: lastEvening })).toBe('12月31日 星期四 晚上11点50分');
    expect(whenWords(newYearNight, { today: newYearNight })).toBe('1月1日 星期五 凌晨0点10分');
    expect(whenWords('2026-03-05T01:05:00Z', { today: lastEvening })).toBe('3月5日 星期四 上午9点05分');
  });

  it('answers nothing for what is not a time', () => {
    process.env.TZ = zone;
    expect(chinaParts('not a time')).toBeUndefined();
  });
});
