import { describe, expect, it } from 'vitest';
import { effectiveRules, nationalRules, pointsEnabled, ruleSourceWords, type Overrides } from '@ltx/shared/domain/rule-inheritance';

const names: Record<string, string> = { city: '市委老干部工委', district: '城北区委', street: '城北街道党工委' };
const resolve = (path: string, overrides: Record<string, Overrides>) => effectiveRules(path, (id) => overrides[id], (id) => names[id]);

describe('rules inherit down the path', () => {
  it('without any override, every kind is the national rules, from nobody', () => {
    const r = resolve('/city/district/', {});
    expect(r.frequency).toEqual(nationalRules.frequency);
    expect(r.visits).toEqual(nationalRules.visits);
    expect(r.points).toEqual(nationalRules.points);
    expect(r.from).toEqual({ frequency: null, visits: null, points: null });
    expect(r.frequency.party_lecture).toBe('quarterly');
    expect(r.frequency.branch_general_meeting).toBe('quarterly');
    expect(r.frequency.committee_meeting).toBe('monthly');
  });

  it("a superior's override reaches every level below it", () => {
    const city = { frequency: { ...nationalRules.frequency, party_lecture: 'monthly' as const } };
    const r = resolve('/city/district/street/', { city });
    expect(r.frequency.party_lecture).toBe('monthly');
    expect(r.from.frequency).toEqual({ orgId: 'city', orgName: '市委老干部工委' });
    expect(r.from.points).toBeNull();
  });

  it('the nearest override wins, kind by kind', () => {
    const r = resolve('/city/district/street/', {
      city: { frequency: { ...nationalRules.frequency, party_lecture: 'monthly' }, points: { ...nationalRules.points, basePerYear: 80 } },
      district: { frequency: { ...nationalRules.frequency, party_lecture: 'yearly' } },
    });
    expect(r.frequency.party_lecture).toBe('yearly');
    expect(r.from.frequency?.orgId).toBe('district');
    // Points were not set by the district: still the city's.
    expect(r.points.basePerYear).toBe(80);
    expect(r.from.points?.orgId).toBe('city');
  });

  it('an override is a whole set: its kinds are not mixed with a superior set', () => {
    const r = resolve('/city/district/', {
      city: { frequency: { ...nationalRules.frequency, theme_day: null } },
      district: { frequency: { ...nationalRules.frequency, party_lecture: 'yearly' } },
    });
    // The district's set says 主题党日 monthly (the national value it was saved with), not the city's "none".
    expect(r.frequency.theme_day).toBe('monthly');
  });

  it('an override saved before a field existed reads the national value for it', () => {
    const r = resolve('/city/', { city: { visits: { scheduleWithinDays: 5 } } });
    expect(r.visits).toEqual({ ...nationalRules.visits, scheduleWithinDays: 5 });
  });

  it('an organisation below does not affect the one above it', () => {
    const r = resolve('/city/', { district: { points: { ...nationalRules.points, enabled: false } } });
    expect(pointsEnabled(r.points)).toBe(true);
    expect(resolve('/city/district/street/', { district: { points: { ...nationalRules.points, enabled: false } } }).points.enabled).toBe(false);
  });

  it('points are on unless turned off, also for rules saved before the switch existed', () => {
    const { enabled: _omitted, ...older } = nationalRules.points;
    expect(pointsEnabled(older as typeof nationalRules.points)).toBe(true);
    expect(pointsEnabled({ enabled: false })).toBe(false);
  });

  it('says where the rules come from, in words', () => {
    expect(ruleSourceWords(null, 'district')).toBe('全国统一规定');
    expect(ruleSourceWords({ orgId: 'district', orgName: '城北区委' }, 'district')).toBe('本组织自定');
    expect(ruleSourceWords({ orgId: 'city', orgName: '市委老干部工委' }, 'district')).toBe('沿用上级「市委老干部工委」的规定');
  });
});
