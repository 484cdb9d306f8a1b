import { describe, expect, it } from 'vitest';
import { firstLocked, lockDay, signedPeriodCovering } from '@ltx/shared/domain/locks';
import { parsePeriod } from '@ltx/shared/domain/periods';
import { defaultOverdueRules, deliveredAtIssue } from '@ltx/shared/domain/visit-rules';

const signed = (text: string) => {
  const p = parsePeriod(text)!;
  return { period: p.text, start: p.start, end: p.end };
};

describe('the period lock', () => {
  const signoffs = [signed('2025-Q3'), signed('2025-11')];

  it('finds the signed-off period that covers a day, and none outside', () => {
    expect(signedPeriodCovering(signoffs, '2025-07-01')?.period).toBe('2025-Q3');
    expect(signedPeriodCovering(signoffs, '2025-09-30')?.period).toBe('2025-Q3');
    expect(signedPeriodCovering(signoffs, '2025-11-15')?.period).toBe('2025-11');
    expect(signedPeriodCovering(signoffs, '2025-06-30')).toBeUndefined();
    expect(signedPeriodCovering(signoffs, '2025-10-01')).toBeUndefined();
    expect(signedPeriodCovering(signoffs, '2025-12-01')).toBeUndefined();
    expect(signedPeriodCovering([], '2025-08-01')).toBeUndefined();
  });

  it('dates an instant by its China day, not its UTC date', () => {
    // 16:30 UTC on 30 September is 00:30 on 1 October in Beijing: outside the signed quarter.
    expect(lockDay('2025-09-30T16:30:00.000Z')).toBe('2025-10-01');
    expect(signedPeriodCovering(signoffs, '2025-09-30T16:30:00.000Z')).toBeUndefined();
    // 15:59 UTC on 30 September is still 23:59 on 30 September in Beijing: inside it.
    expect(signedPeriodCovering(signoffs, '2025-09-30T15:59:00.000Z')?.period).toBe('2025-Q3');
    // 20:00 UTC on 30 June is 04:00 on 1 July in Beijing: inside it, though its UTC date is not.
    expect(signedPeriodCovering(signoffs, '2025-06-30T20:00:00.000Z')?.period).toBe('2025-Q3');
    expect(signedPeriodCovering(signoffs, '2025-07-01T00:30:00+08:00')?.period).toBe('2025-Q3');
    // A year's last evening in Beijing belongs to that year.
    expect(signedPeriodCovering([signed('2025')], '2025-12-31T15:50:00.000Z')?.period).toBe('2025');
    expect(signedPeriodCovering([signed('2025')], '2025-12-31T16:10:00.000Z')).toBeUndefined();
  });

  it('refuses a write when any of the dates it touches is signed off', () => {
    expect(firstLocked(signoffs, ['2025-10-05', '2025-08-01'])?.period).toBe('2025-Q3');
    expect(firstLocked(signoffs, [undefined, '2025-11-30'])?.period).toBe('2025-11');
    expect(firstLocked(signoffs, ['2025-10-05', undefined])).toBeUndefined();
    expect(firstLocked(signoffs, [])).toBeUndefined();
  });
});

describe('the time of a delivery', () => {
  const now = new Date('2026-03-10T04:00:00.000Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
  const graceDays = defaultOverdueRules.deliveryGraceDays;

  it('is back-dated by a week at most by default', () => {
    expect(graceDays).toBe(7);
    expect(deliveredAtIssue(hoursAgo(6 * 24), { now, graceDays })).toBeUndefined();
    expect(deliveredAtIssue(hoursAgo(7 * 24 - 1), { now, graceDays })).toBeUndefined();
    expect(deliveredAtIssue(hoursAgo(7 * 24 + 1), { now, graceDays })).toBe('送学时间：只能补记 7 天以内的送学');
  });

  it('follows the organisation’s own grace', () => {
    expect(deliveredAtIssue(hoursAgo(20 * 24), { now, graceDays: 30 })).toBeUndefined();
    expect(deliveredAtIssue(hoursAgo(2 * 24), { now, graceDays: 1 })).toContain('1 天');
  });

  it('is not before the visit was scheduled, nor in the future', () => {
    const scheduledAt = hoursAgo(3);
    expect(deliveredAtIssue(hoursAgo(4), { now, scheduledAt, graceDays })).toBe('送学时间：不能早于安排送学的时间');
    expect(deliveredAtIssue(hoursAgo(2), { now, scheduledAt, graceDays })).toBeUndefined();
    expect(deliveredAtIssue(scheduledAt, { now, scheduledAt, graceDays })).toBeUndefined();
    // Recorded to the minute, in the minute it was scheduled (scheduled at :35 seconds): not "before".
    const scheduledMidMinute = '2026-03-10T02:07:35.000Z';
    expect(deliveredAtIssue('2026-03-10T02:07:00.000Z', { now, scheduledAt: scheduledMidMinute, graceDays })).toBeUndefined();
    expect(deliveredAtIssue('2026-03-10T02:06:00.000Z', { now, scheduledAt: scheduledMidMinute, graceDays })).toBe('送学时间：不能早于安排送学的时间');
    expect(deliveredAtIssue(hoursAgo(-1), { now, scheduledAt, graceDays })).toBe('送学时间：不能晚于现在');
    expect(deliveredAtIssue(hoursAgo(-0.1), { now, scheduledAt, graceDays })).toBeUndefined();
  });
});
