import { describe, expect, it } from 'vitest';
import { ageOn, deriveAttendanceMode, maskPhone } from '@ltx/shared/domain/member-rules';

describe('member rules', () => {
  it('brings study home to those who cannot look after themselves, online to those far away', () => {
    expect(deriveAttendanceMode('not_self_reliant', 'with_family')).toBe('home_delivered');
    expect(deriveAttendanceMode('not_self_reliant', 'elsewhere')).toBe('home_delivered');
    expect(deriveAttendanceMode('healthy', 'elsewhere')).toBe('online');
    expect(deriveAttendanceMode(undefined, 'alone')).toBe('in_person');
    expect(deriveAttendanceMode('chronic_self_reliant', 'widowed')).toBe('in_person');
  });

  it('masks the middle of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('****');
  });

  it('counts whole years, the day before a birthday included', () => {
    const today = new Date('2026-11-28T00:00:00Z');
    expect(ageOn('1944-11-28', today)).toBe(82);
    expect(ageOn('1944-11-29', today)).toBe(81);
    expect(ageOn('1944-12-01', today)).toBe(81);
  });
});
