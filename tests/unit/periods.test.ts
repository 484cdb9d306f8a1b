import { describe, expect, it } from 'vitest';
import { inPeriod, parsePeriod } from '@ltx/shared/domain/periods';

describe('periods', () => {
  it('reads months, quarters and years', () => {
    expect(parsePeriod('2026-11')).toMatchObject({ kind: 'month', start: '2026-11-01', end: '2026-12-01', months: 1 });
    expect(parsePeriod('2026-12')).toMatchObject({ end: '2027-01-01' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', start: '2026-10-01', end: '2027-01-01', months: 3 });
    expect(parsePeriod('2026-Q1')).toMatchObject({ start: '2026-01-01', end: '2026-04-01' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2027-01-01', months: 12 });
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1', '']) expect(parsePeriod(bad)).toBeUndefined();
  });

  it('places days and times by their date', () => {
    const q4 = parsePeriod('2026-Q4')!;
    expect(inPeriod(q4, '2026-10-01')).toBe(true);
    expect(inPeriod(q4, '2026-12-31T23:00:00.000Z')).toBe(true);
    expect(inPeriod(q4, '2027-01-01')).toBe(false);
    expect(inPeriod(q4, '2026-09-30')).toBe(false);
  });
});
