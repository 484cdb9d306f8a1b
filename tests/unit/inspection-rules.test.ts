import { describe, expect, it } from 'vitest';
import { ruleInPeriod } from '@ltx/shared/domain/cadence';
import { onRoll, openAtEnd, pointsOfPeriod, visitStatusAt } from '@ltx/shared/domain/period-ledger';
import { chinaDayStart, instantInPeriod, lastDayOf, parsePeriod, periodEnded, periodOf, periodWords } from '@ltx/shared/domain/periods';
import { defaultPointsRules } from '@ltx/shared/domain/points-rules';
import { signoffCheck } from '@ltx/shared/domain/signoff-check';

const p = (text: string) => parsePeriod(text)!;

describe('what each rule requires in a period', () => {
  it('counts a monthly rule in every month of a month, quarter and year', () => {
    expect(ruleInPeriod('monthly', p('2026-11'))).toMatchObject({ due: true, required: 1, window: { text: '2026-11' } });
    expect(ruleInPeriod('monthly', p('2026-Q4'))).toMatchObject({ due: true, required: 3, window: { text: '2026-Q4' } });
    expect(ruleInPeriod('monthly', p('2026'))).toMatchObject({ due: true, required: 12 });
  });

  it('never makes a quarterly rule due in a month: it is counted in the quarter that holds the month', () => {
    for (const [month, quarter] of [['2026-01', '2026-Q1'], ['2026-03', '2026-Q1'], ['2026-04', '2026-Q2'], ['2026-09', '2026-Q3'], ['2026-10', '2026-Q4'], ['2026-12', '2026-Q4']] as const) {
      expect(ruleInPeriod('quarterly', p(month))).toMatchObject({ due: false, required: 1, window: { text: quarter, kind: 'quarter' } });
    }
    expect(ruleInPeriod('quarterly', p('2026-Q2'))).toMatchObject({ due: true, required: 1, window: { text: '2026-Q2' } });
    expect(ruleInPeriod('quarterly', p('2026'))).toMatchObject({ due: true, required: 4 });
  });

  it('makes a yearly rule due only in a year view; months and quarters count it over their year', () => {
    expect(ruleInPeriod('yearly', p('2026-02'))).toMatchObject({ due: false, required: 1, window: { text: '2026', kind: 'year' } });
    expect(ruleInPeriod('yearly', p('2025-Q4'))).toMatchObject({ due: false, window: { text: '2025' } });
    expect(ruleInPeriod('yearly', p('2025'))).toMatchObject({ due: true, required: 1, window: { text: '2025' } });
  });
});

describe('period helpers on China days', () => {
  it('finds the month, quarter and year of a day, and when a period ends in Beijing', () => {
    expect(periodOf('2026-12-31', 'quarter').text).toBe('2026-Q4');
    expect(periodOf('2027-01-01', 'year').text).toBe('2027');
    expect(lastDayOf(p('2026-02'))).toBe('2026-02-28');
    expect(lastDayOf(p('2026-Q4'))).toBe('2026-12-31');
    // Beijing 23:50 on 31 Dec is 15:50 UTC: December has not ended; at 00:10 on 1 Jan (16:10 UTC) it has.
    expect(periodEnded(p('2026-12'), new Date('2026-12-31T15:50:00.000Z'))).toBe(false);
    expect(periodEnded(p('2026'), new Date('2026-12-31T15:50:00.000Z'))).toBe(false);
    expect(periodEnded(p('2026-12'), new Date('2026-12-31T16:10:00.000Z'))).toBe(true);
    expect(periodEnded(p('2026-Q4'), new Date('2026-12-31T16:10:00.000Z'))).toBe(true);
    expect(chinaDayStart('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
    expect(instantInPeriod(p('2027-01'), '2026-12-31T16:00:00.000Z')).toBe(true);
    expect(instantInPeriod(p('2026-12'), '2026-12-31T16:00:00.000Z')).toBe(false);
    expect(periodWords('2026-Q4')).toBe('2026年第四季度');
  });
});

describe("a period's ledger is that period's", () => {
  it('puts on the roll members who joined by the end and did not leave before the start', () => {
    const oct = p('2026-10');
    expect(onRoll({ joinedPartyOn: '1970-07-01' }, oct)).toBe(true);
    expect(onRoll({ joinedPartyOn: '2026-10-31' }, oct)).toBe(true);
    expect(onRoll({ joinedPartyOn: '2026-11-01' }, oct)).toBe(false);
    expect(onRoll({ joinedPartyOn: '1970-07-01', departure: { effectiveOn: '2026-09-30' } }, oct)).toBe(false);
    expect(onRoll({ joinedPartyOn: '1970-07-01', departure: { effectiveOn: '2026-10-15' } }, oct)).toBe(true);
  });

  it("counts the points earned in the period, and the year's tally up to its end", () => {
    const entry = (id: string, date: string, points: number, reversalOf?: string) => ({ id, date, points, category: 'volunteer' as const, sourceKey: `manual:${id}`, ...(reversalOf ? { reversalOf } : {}) });
    const entries = [entry('a', '2026-09-30', 3), entry('b', '2026-10-01', 5), entry('c', '2026-10-31', 7), entry('r', '2026-10-31', -7, 'c'), entry('d', '2026-12-20', 11)];
    expect(pointsOfPeriod(entries, p('2026-10'), defaultPointsRules)).toEqual({ earned: 5, total: defaultPointsRules.basePerYear + 8 });
    expect(pointsOfPeriod(entries, p('2026-09'), defaultPointsRules)).toEqual({ earned: 3, total: defaultPointsRules.basePerYear + 3 });
    expect(pointsOfPeriod(entries, p('2026-Q4'), defaultPointsRules)).toEqual({ earned: 16, total: defaultPointsRules.basePerYear + 19 });
  });

  it("reads a visit's status at the period's end from its history", () => {
    const visit = { history: [{ to: 'requested', at: '2026-10-20T02:00:00.000Z' }, { to: 'scheduled', at: '2026-10-25T02:00:00.000Z' }, { to: 'delivered', at: '2026-11-03T02:00:00.000Z' }] };
    expect(visitStatusAt(visit, '2026-10-01T00:00:00.000Z')).toBeUndefined();
    expect(visitStatusAt(visit, chinaDayStart('2026-11-01'))).toBe('scheduled');
    expect(openAtEnd(visit, p('2026-10'))).toBe(true);
    expect(openAtEnd(visit, p('2026-09'))).toBe(false);
    expect(openAtEnd({ history: [...visit.history, { to: 'closed', at: '2026-11-05T02:00:00.000Z' }] }, p('2026-11'))).toBe(false);
  });
});

describe('the pre-sign-off check', () => {
  const base = { branchId: 'br-1', period: p('2026-10'), signedOff: false, sessions: [], openItems: [], openVisits: [] };

  it('blocks a period that has not ended in Beijing, whatever else is complete', () => {
    const lastMinute = signoffCheck({ ...base, now: new Date('2026-10-31T15:59:00.000Z') });
    expect(lastMinute).toMatchObject({ ended: false, lastDay: '2026-10-31', items: [] });
    expect(lastMinute.blockers).toEqual(['2026年10月还没有结束（到10月31日 星期六为止），结束后才能签字']);
    expect(signoffCheck({ ...base, now: new Date('2026-10-31T16:00:00.000Z') })).toMatchObject({ ended: true, blockers: [] });
    expect(signoffCheck({ ...base, signedOff: true, now: new Date('2026-12-01T00:00:00.000Z') }).blockers).toEqual(['2026年10月已经签字']);
  });

  it('lists unarchived sessions, meetings without minutes, open items and open requests in words', () => {
    const check = signoffCheck({
      ...base,
      now: new Date('2026-11-03T02:00:00.000Z'),
      sessions: [
        { id: 's1', kind: 'committee_meeting', topic: '研究发展党员', startsAt: '2026-10-09T16:30:00.000Z', status: 'open' },
        { id: 's2', kind: 'party_lecture', topic: '党史', startsAt: '2026-10-20T02:00:00.000Z', status: 'closed', minutes: { agenda: '', content: '讲授党史', decisions: '' } },
        { id: 's3', kind: 'collective_study', topic: '读报', startsAt: '2026-10-21T02:00:00.000Z', status: 'closed' },
      ],
      openItems: [
        { id: 'i1', period: '2026-10', what: '补开支委会', deadline: '2026-11-01', status: 'answered' },
        { id: 'i2', period: '2026-11', what: '下月的事', deadline: '2026-12-01', status: 'open' },
      ],
      openVisits: [
        { id: 'v1', memberName: '李秀英', status: 'scheduled', createdAt: '2026-10-28T02:00:00.000Z' },
        { id: 'v2', memberName: '赵德明', status: 'requested', createdAt: '2026-11-02T02:00:00.000Z' },
      ],
    });
    expect(check.items).toEqual([
      { key: 'session-open:s1', kind: 'session_open', text: '支委会「研究发展党员」（10月10日 星期六）未归档' },
      { key: 'minutes:s1', kind: 'minutes_missing', text: '支委会「研究发展党员」（10月10日 星期六）没有会议记录' },
      { key: 'rectification:i1', kind: 'rectification_open', text: '整改事项「补开支委会」已答复，待督导审核，已逾期（期限11月1日 星期日）' },
      { key: 'visit:v1', kind: 'visit_open', text: '送学上门：李秀英的申请（10月28日 星期三）已安排，尚未完成' },
    ]);
  });
});
