import { describe, expect, it } from 'vitest';
import { periodChoices, periodHeading, periodWords, rectificationPeriods, todayInChina, validPeriod } from '@/services/inspection-periods';
import {
  complianceLines,
  coverageLine,
  historyText,
  itemStateText,
  itemsLine,
  meetingLine,
  needsAnswer,
  overdueVisitsLine,
  quietMembersLine,
  rectificationStatusText,
  shortfallHeadline,
  signoffText,
  sortItems,
} from '@/services/inspection-words';
import { exportFailureText, exportFileName, exportRequest, exportUrl } from '@/services/inspection-export';
import { emptyReview, newItem, returnReasonProblem, reviewErrorsFromApi, toAnswer, toReviewInput } from '@/services/review-form';
import { collectItems, openOnly, withNewer } from '@/services/rectification-list';
import { absenteeText, attendanceCountsText, groupLines, healthLines, quorumLine } from '@/services/ledger-words';
import type { BranchCompliance, Ledger, Rectification, Review } from '@/services/types';
import { phoneAt } from './device-year';

describe('period chooser', () => {
  it('offers this and the last month, quarter and year as the API writes them', () => {
    expect(periodChoices('2026-11-28').map((c) => [c.label, c.period])).toEqual([
      ['本月', '2026-11'],
      ['上个月', '2026-10'],
      ['本季度', '2026-Q4'],
      ['上季度', '2026-Q3'],
      ['本年', '2026'],
      ['去年', '2025'],
    ]);
  });

  it('steps back over the turn of the year', () => {
    const p = Object.fromEntries(periodChoices('2027-01-03').map((c) => [c.key, c.period]));
    expect(p).toEqual({ month: '2027-01', lastMonth: '2026-12', quarter: '2027-Q1', lastQuarter: '2026-Q4', year: '2027', lastYear: '2026' });
    expect(periodChoices('2026-10-01').find((c) => c.key === 'lastMonth')?.period).toBe('2026-09');
    expect(periodChoices('2026-03-31').find((c) => c.key === 'quarter')?.period).toBe('2026-Q1');
  });

  it('takes today from China’s calendar, not the phone’s time zone', () => {
    expect(todayInChina(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
    expect(todayInChina(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });

  it('says periods in words', () => {
    expect(periodWords('2026-11')).toBe('2026年11月');
    expect(periodWords('2026-01')).toBe('2026年1月');
    expect(periodWords('2026-Q4')).toBe('2026年第四季度');
    expect(periodWords('2026')).toBe('2026年全年');
    expect(periodWords('2026-13')).toBe('2026-13');
    expect(periodHeading('2026-10', '2026-11-28')).toBe('2026年10月（上个月）');
    expect(periodHeading('2024', '2026-11-28')).toBe('2024年全年');
    expect(validPeriod('2026-Q3')).toBe('2026-Q3');
    expect(validPeriod('2026-Q5')).toBeUndefined();
    expect(validPeriod(undefined)).toBeUndefined();
  });

  it('gathers the secretary’s items from the same six periods', () => {
    expect(rectificationPeriods('2026-11-28')).toEqual(['2026-11', '2026-10', '2026-Q4', '2026-Q3', '2026', '2025']);
  });
});

const branch: BranchCompliance = {
  branchId: 'b1',
  branchName: '第一支部',
  period: '2026-Q4',
  meetings: [
    { kind: 'committee_meeting', cadence: 'monthly', due: true, window: '2026-Q4', held: 2, required: 3, short: true, pending: false },
    { kind: 'branch_general_meeting', cadence: 'quarterly', due: true, window: '2026-Q4', held: 1, required: 1, short: false, pending: false },
  ],
  coverage: { sessions: 3, average: 0.857, lowest: 0.6 },
  overdueVisits: 1,
  quietMembers: 0,
  openItems: 2,
  overdueItems: 1,
  signedOff: null,
  shortfalls: ['支委会 2/3，不足', '有 1 次学习参学率低于 80%', '送学上门逾期 1 件', '整改事项逾期 1 项'],
};

describe('compliance in words', () => {
  phoneAt('2026-12-01T02:00:00.000Z');

  it('says each meeting kind held against required with a mark and a word', () => {
    expect(meetingLine(branch.meetings[0]!)).toEqual({ text: '✗ 支委会 2/3 不足', short: true });
    expect(meetingLine(branch.meetings[1]!)).toEqual({ text: '✓ 支部党员大会 1/1 达标', short: false });
  });

  it('says a rule not yet met in a period that has not ended as still to do, not as a shortfall', () => {
    const open = { ...branch.meetings[0]!, short: false, pending: true };
    expect(meetingLine(open)).toEqual({ text: '○ 支委会 已开 2 次，本期应开 3 次，本期还没有结束', short: false });
  });

  it('says a rule not due in the period over its quarter or year, never as a shortfall', () => {
    const lecture = { kind: 'party_lecture', cadence: 'quarterly', due: false, window: '2026-Q4', held: 0, required: 1, short: false, pending: false } as const;
    expect(meetingLine(lecture)).toEqual({ text: '○ 党课 本季度内开 1 次，本季度至今已开 0 次', short: false });
    expect(meetingLine({ ...lecture, held: 1 })).toEqual({ text: '✓ 党课 本季度内开 1 次，本季度至今已开 1 次', short: false });
    expect(meetingLine({ ...lecture, kind: 'democratic_appraisal', cadence: 'yearly', window: '2026' }).text).toBe('○ 民主评议党员 本年度内开 1 次，本年度至今已开 0 次');
  });

  it('says study coverage as percentages, short below 80%', () => {
    expect(coverageLine(branch.coverage)).toEqual({ text: '✗ 学习覆盖：3 次学习，平均参学率 86%，最低 60%，低于 80%', short: true });
    expect(coverageLine({ sessions: 2, average: 1, lowest: 0.8 })).toEqual({ text: '✓ 学习覆盖：2 次学习，平均参学率 100%，最低 80%', short: false });
    expect(coverageLine({ sessions: 0, average: null, lowest: null }).text).toBe('学习覆盖：本期没有已召开的学习，无法计算');
  });

  it('says visits, quiet members and rectification items in words', () => {
    expect(overdueVisitsLine(1).text).toBe('✗ 送学上门逾期 1 件');
    expect(overdueVisitsLine(0).text).toBe('✓ 送学上门没有逾期');
    expect(quietMembersLine(2).text).toBe('✗ 2 名党员五个月以上未参加组织生活');
    expect(quietMembersLine(0).text).toBe('✓ 没有五个月以上未参加组织生活的党员');
    expect(itemsLine(2, 1)).toEqual({ text: '✗ 整改事项未完成 2 项，其中已逾期 1 项', short: true });
    expect(itemsLine(2, 0)).toEqual({ text: '⚠ 整改事项未完成 2 项，都未到期', short: false });
    expect(itemsLine(0, 0).text).toBe('✓ 没有未完成的整改事项');
    expect(complianceLines(branch)).toHaveLength(6);
    expect(shortfallHeadline(branch)).toBe('✗ 有 4 项不足');
    expect(shortfallHeadline({ shortfalls: [] })).toBe('✓ 各项达标');
  });

  it('says the sign-off with who and China’s day, or that there is none', () => {
    expect(signoffText({ by: '周明', at: '2026-11-28T02:00:00.000Z' })).toBe('已签字：周明 11月28日 星期六');
    expect(signoffText({ by: '周明', at: '2026-11-27T17:00:00.000Z' })).toBe('已签字：周明 11月28日 星期六');
    expect(signoffText({ by: '周明', at: '2025-11-28T02:00:00.000Z' })).toBe('已签字：周明 2025年11月28日 星期五');
    expect(signoffText(null)).toBe('未签字');
  });
});

const item = (over: Partial<Rectification> = {}): Rectification => ({
  id: 'i1',
  reviewId: 'r1',
  branchId: 'b1',
  period: '2026-Q4',
  what: '补开支委会',
  deadline: '2026-12-31',
  status: 'open',
  overdue: false,
  history: [{ action: 'open', by: 'u-i', byName: '周明', at: '2026-11-28T02:00:00.000Z' }],
  version: 1,
  ...over,
});

describe('rectification items in words', () => {
  phoneAt('2026-12-01T02:00:00.000Z');

  it('says each status in words and flags overdue ones', () => {
    expect(rectificationStatusText('open')).toBe('待整改');
    expect(rectificationStatusText('answered')).toBe('已答复，待督导审核');
    expect(rectificationStatusText('returned')).toBe('已退回，需重新整改');
    expect(rectificationStatusText('accepted')).toBe('✓ 已通过');
    expect(itemStateText(item({ overdue: true }))).toBe('状态：待整改（⚠ 已逾期）');
    expect(itemStateText(item({ status: 'answered' }))).toBe('状态：已答复，待督导审核');
    expect(needsAnswer(item({ status: 'returned' }))).toBe(true);
    expect(needsAnswer(item({ status: 'answered' }))).toBe(false);
  });

  it('says each step of the history: when, who, what', () => {
    expect(historyText(item().history[0]!)).toBe('11月28日 星期六 上午10点 周明 提出整改事项');
    expect(historyText({ action: 'return', by: 'u-i', byName: '周明', at: '2026-11-29T06:30:00.000Z', text: '请附会议记录照片' })).toBe('11月29日 星期日 下午2点半 周明 退回：请附会议记录照片');
    expect(historyText({ action: 'answer', by: 'u-s', byName: '张卫东', at: '2026-11-29T01:00:00.000Z', text: '已补开', evidence: [{ uploadId: 'u1', name: 'a.png', url: 'x' }] })).toBe(
      '11月29日 星期日 上午9点 张卫东 答复整改情况：已补开（附佐证材料 1 件）',
    );
  });

  it('puts overdue items first, then those waiting for the secretary, then for the inspector, then done', () => {
    const list = [
      item({ id: 'done', status: 'accepted' }),
      item({ id: 'waiting', status: 'answered' }),
      item({ id: 'later', deadline: '2027-01-31' }),
      item({ id: 'soon' }),
      item({ id: 'late', overdue: true, deadline: '2026-10-01' }),
    ];
    expect(sortItems(list).map((i) => i.id)).toEqual(['late', 'soon', 'later', 'waiting', 'done']);
  });

  it('gathers items of several periods once each, keeps the opinion beside them, and applies newer answers', () => {
    const review = (id: string, items: Rectification[]): Review => ({ id, branchId: 'b1', period: '2026-Q4', opinion: `意见${id}`, by: 'u-i', byName: '周明', at: '2026-11-28T02:00:00.000Z', items });
    const all = collectItems([[review('r1', [item()])], [], [review('r1', [item()]), review('r2', [item({ id: 'i2', status: 'accepted' })])]]);
    expect(all.map((i) => [i.id, i.opinion, i.reviewBy])).toEqual([
      ['i1', '意见r1', '周明'],
      ['i2', '意见r2', '周明'],
    ]);
    expect(openOnly(all).map((i) => i.id)).toEqual(['i1']);
    const answered = withNewer(all, [item({ status: 'answered', version: 2 }), item({ status: 'open', version: 1 })]);
    expect(answered[0]).toMatchObject({ id: 'i1', status: 'answered', opinion: '意见r1' });
    expect(withNewer(all, [item({ status: 'returned', version: 0 })])[0]?.status).toBe('open');
  });
});

describe('review and answer forms', () => {
  it('checks the opinion and each item before anything is sent', () => {
    const draft = newItem('2026-11-28');
    expect(draft.deadline).toEqual({ year: '2026', month: '12', day: '28' });
    const bad = toReviewInput('2026-Q4', { opinion: ' ', items: [{ ...draft, what: '', deadline: { year: '2026', month: '2', day: '30' } }] });
    expect(bad).toEqual({ ok: false, errors: { opinion: '督导意见：请填写', items: { [draft.key]: { what: '整改事项：请填写', deadline: '整改期限：没有这一天，请检查年、月、日' } } } });
    const good = toReviewInput('2026-Q4', { opinion: ' 支委会次数不足 ', items: [{ ...draft, what: '补开支委会' }] });
    expect(good).toEqual({ ok: true, value: { period: '2026-Q4', opinion: '支委会次数不足', items: [{ what: '补开支委会', deadline: '2026-12-28' }] } });
    expect(toReviewInput('2026', { ...emptyReview, opinion: '好' })).toMatchObject({ ok: false, errors: { opinion: '督导意见：至少写 2 个字' } });
  });

  it('puts the API’s field messages under the right boxes', () => {
    const a = newItem('2026-11-28');
    const b = newItem('2026-11-28');
    const errors = reviewErrorsFromApi({ opinion: '督导意见：至少 2 个字', 'items.1.deadline': '整改期限：格式不正确', period: '期间：格式不正确' }, { opinion: 'x', items: [a, b] });
    expect(errors).toEqual({ opinion: '督导意见：至少 2 个字', items: { [b.key]: { deadline: '整改期限：格式不正确' } }, other: '期间：格式不正确' });
  });

  it('requires a reason to return and a text to answer; photos are optional', () => {
    expect(returnReasonProblem('')).toBe('退回原因：请填写');
    expect(returnReasonProblem('请附照片')).toBeUndefined();
    expect(toAnswer(' ', [])).toEqual({ ok: false, error: '整改情况：请填写' });
    expect(toAnswer(' 已补开 ', [{ uploadId: 'u1', name: 'a.png', url: 'blob:x' } as never])).toEqual({
      ok: true,
      value: { action: 'answer', text: '已补开', evidence: [{ uploadId: 'u1', name: 'a.png' }] },
    });
  });
});

describe('export', () => {
  it('builds the export address and file name', () => {
    expect(exportUrl('', 'br 1', '2026-Q4', 'xlsx')).toBe('/api/v1/branches/br%201/ledger/export?period=2026-Q4&format=xlsx');
    expect(exportUrl('https://api.example.cn', 'br-1', '2026-10', 'pdf')).toBe('https://api.example.cn/api/v1/branches/br-1/ledger/export?period=2026-10&format=pdf');
    expect(exportFileName('第一支部', '2026-10', 'xlsx')).toBe('第一支部台账-2026-10.xlsx');
    expect(exportFileName('第一支部', '2026-10', 'pdf')).toBe('第一支部台账-2026-10.html');
    expect(exportRequest('', { branchId: 'b1', branchName: '第一支部', period: '2026' }, 'xlsx')).toEqual({
      url: '/api/v1/branches/b1/ledger/export?period=2026&format=xlsx',
      format: 'xlsx',
      fileName: '第一支部台账-2026.xlsx',
    });
    expect(exportFailureText(401)).toBe('登录已过期，请重新登录后再导出');
    expect(exportFailureText(0)).toBe('网络连接失败，请检查网络后重试');
  });
});

describe('ledger in words', () => {
  const session: Ledger['sessions'][number] = {
    id: 's1', kind: 'committee_meeting', topic: '研究工作', startsAt: '2026-10-10T02:00:00.000Z', place: '活动室', hostName: '张卫东', recorderName: '吴淑珍', status: 'open',
    expected: 3, present: 2, excused: 1, absent: 0, homeDelivered: 0, online: 0, unmarked: 0, coverage: 0.667, quorumMet: true,
    absentees: [{ name: '吴淑珍', status: '请假', reason: '住院' }], minutes: null, amendments: 0, filledBy: '张卫东',
  };

  it('says health only as counts, in the labels’ order, unknown last', () => {
    expect(healthLines({ not_self_reliant: 2, healthy: 3, unknown: 1, minor_illness: 0 })).toEqual([
      { label: '健康', count: 3 },
      { label: '不能自理', count: 2 },
      { label: '未登记', count: 1 },
    ]);
    expect(groupLines({ 未填: 1, 第十二党小组: 1, 第二党小组: 4, 第一党小组: 4 }).map((l) => l.label)).toEqual(['第一党小组', '第二党小组', '第十二党小组', '未填写']);
  });

  it('says attendance, quorum and absentees in words', () => {
    expect(attendanceCountsText(session)).toBe('应到 3 人：出席 2 人，请假 1 人');
    expect(quorumLine(true)).toBe('✓ 到会人数超过半数');
    expect(quorumLine(false)).toBe('✗ 到会人数未超过半数');
    expect(quorumLine(null)).toBeUndefined();
    expect(absenteeText(session.absentees[0]!)).toBe('吴淑珍：请假（住院）');
  });
});
