import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { nationalRules } from '@ltx/shared/domain/rule-inheritance';
import { monthOf } from '@ltx/shared/domain/periods';
import { chinaDay } from '@ltx/shared/time/china-day';
import { buildServices } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { chinaYear, minutesFromNow, nowIso } from '../support/time';
import { startTestStack, type TestStack } from './support/stack';
import { testClock } from '../support/clock';

/**
 * Rules inherited down the seeded tree (工委 org-city → 党工委 org-chengnan with br-1, br-2; org-chengbei with br-3…):
 * a city override reaches a district's branch, the district's own wins, reverting inherits again, points turned
 * off stop new awards while earlier entries stay, and only administrators of the organisation or above edit.
 */
let stack: TestStack;
let cityAdmin = '';
let southAdmin = '';
let southInspector = '';
let northInspector = '';
let secretary = '';
const cityName = '某市委老干部局离退休干部工委';

const sentencesOf = async (scope: string) => {
  const { repositories } = buildServices({ db: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName, clock: testClock });
  return (await repositories.audit.list(scope, '2000-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z')).map((e) => auditSentence(e));
};
const frequencyWith = (changes: Record<string, string | null>) => ({ ...nationalRules.frequency, ...changes });
const lectureCadence = async (orgId: string, branchId: string, token = cityAdmin) => {
  const view = await stack.call('GET', `/orgs/${orgId}/compliance?period=${monthOf(chinaDay(nowIso()))}`, { token });
  expect(view.status).toBe(200);
  const row = view.body.branches.find((b: { branchId: string }) => b.branchId === branchId);
  return row.meetings.find((m: { kind: string }) => m.kind === 'party_lecture')?.cadence;
};

beforeAll(async () => {
  stack = await startTestStack();
  [cityAdmin, southAdmin, southInspector, northInspector, secretary] = (await Promise.all(['admin-city', 'admin', 'inspector', 'inspector-2', 'secretary-1'].map((a) => stack.login(a)))) as [
    string, string, string, string, string,
  ];
});
afterAll(async () => {
  await stack?.stop();
});

describe('inheritance', () => {
  it("gives a district's branch the city's override, and says where it comes from", async () => {
    const put = await stack.call('PUT', '/orgs/org-city/session-rules', { token: cityAdmin, body: frequencyWith({ party_lecture: 'monthly' }) });
    expect(put.status).toBe(200);
    const view = await stack.call('GET', '/orgs/org-chengnan/rules', { token: southAdmin });
    expect(view.status).toBe(200);
    expect(view.body.frequency).toMatchObject({ origin: 'inherited', words: `沿用上级「${cityName}」的规定`, fromOrgId: 'org-city' });
    expect(view.body.frequency.rules.party_lecture).toBe('monthly');
    expect(view.body.points).toMatchObject({ origin: 'national', words: '全国统一规定' });
    expect((await stack.call('GET', '/orgs/org-city/rules', { token: cityAdmin })).body.frequency.words).toBe('本组织自定');
    // The branches are held to it: the compliance view counts 党课 monthly for br-1 and br-3 alike.
    expect(await lectureCadence('org-city', 'br-1')).toBe('monthly');
    expect(await lectureCadence('org-city', 'br-3')).toBe('monthly');
  });

  it("lets the district's own override win for its subtree only, each branch by its own rules in one view", async () => {
    const put = await stack.call('PUT', '/orgs/org-chengnan/session-rules', { token: southAdmin, body: frequencyWith({ party_lecture: 'yearly' }) });
    expect(put.status).toBe(200);
    expect((await stack.call('GET', '/orgs/org-chengnan/rules', { token: southInspector })).body.frequency).toMatchObject({ origin: 'own', words: '本组织自定' });
    expect(await lectureCadence('org-city', 'br-1')).toBe('yearly');
    expect(await lectureCadence('org-city', 'br-3')).toBe('monthly');
    expect(await lectureCadence('org-chengnan', 'br-2', southInspector)).toBe('yearly');
    // The older per-kind GET answers the rules in force.
    expect((await stack.call('GET', '/orgs/org-chengnan/session-rules', { token: southInspector })).body.party_lecture).toBe('yearly');
  });

  it('reverts to the superior rules, audited in words; a second revert changes nothing', async () => {
    const reverted = await stack.call('POST', '/orgs/org-chengnan/rules/revert', { token: southAdmin, body: { kind: 'frequency' } });
    expect(reverted.status).toBe(200);
    expect(reverted.body.frequency).toMatchObject({ origin: 'inherited', fromOrgId: 'org-city' });
    expect(reverted.body.frequency.rules.party_lecture).toBe('monthly');
    expect(await lectureCadence('org-city', 'br-1')).toBe('monthly');
    const again = await stack.call('POST', '/orgs/org-chengnan/rules/revert', { token: southAdmin, body: { kind: 'frequency' } });
    expect(again.status).toBe(200);
    const sentences = await sentencesOf('org-chengnan');
    expect(sentences.filter((s) => s.includes('修改了「城南街道离退休干部党工委」的组织生活频次要求'))).toHaveLength(1);
    expect(sentences.filter((s) => s.includes('让「城南街道离退休干部党工委」的组织生活频次要求恢复沿用上级规定'))).toHaveLength(1);
  });
});

describe('points turned off', () => {
  it('stops new awards, keeps the earlier entries, and says so in words', async () => {
    const members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
    const memberId = members.find((m) => m.name === '郑国强')!.id;
    const plan = async (topic: string) =>
      (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: { kind: 'party_lecture', topic, startsAt: minutesFromNow(-5), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' } })).body;
    const first = await plan('党课：积分开关之前');
    const year = chinaYear(first.startsAt);
    const points = async () => (await stack.call('GET', `/members/${memberId}/points?year=${year}`, { token: secretary })).body;
    expect((await stack.call('PUT', `/sessions/${first.id}/attendance/${memberId}`, { token: secretary, body: { status: 'present' } })).status).toBe(200);
    const before = await points();
    expect(before.enabled).toBe(true);
    expect(before.entries.some((e: { sessionId?: string }) => e.sessionId === first.id)).toBe(true);

    const off = await stack.call('PUT', '/orgs/org-chengnan/points-rules', { token: southAdmin, body: { ...nationalRules.points, enabled: false } });
    expect(off.status).toBe(200);
    const second = await plan('党课：积分开关之后');
    expect((await stack.call('PUT', `/sessions/${second.id}/attendance/${memberId}`, { token: secretary, body: { status: 'present' } })).status).toBe(200);
    // A change to the earlier line neither reverses nor awards: the ledger stands as it was.
    expect((await stack.call('PUT', `/sessions/${first.id}/attendance/${memberId}`, { token: secretary, body: { status: 'absent' } })).status).toBe(200);
    const after = await points();
    expect(after.enabled).toBe(false);
    expect(after.entries).toEqual(before.entries);
    const table = await stack.call('GET', `/branches/br-1/points?year=${year}`, { token: secretary });
    expect(table.status).toBe(200);
    expect(table.body.enabled).toBe(false);
    const manual = await stack.call('POST', `/members/${memberId}/points/entries`, { token: secretary, idempotencyKey: `off-${year}`, body: { category: 'volunteer', points: 3, reason: '社区志愿服务一次' } });
    expect(manual.status).toBe(409);
    expect(manual.body.error.message).toContain('不实行积分管理');
    // br-3 sits under the other 党工委: points stay on there.
    expect((await stack.call('GET', '/orgs/org-chengbei/rules', { token: northInspector })).body.points.rules.enabled).not.toBe(false);
    expect((await sentencesOf('org-chengnan')).some((s) => s.includes('停止了「城南街道离退休干部党工委」的积分管理'))).toBe(true);

    const on = await stack.call('PUT', '/orgs/org-chengnan/points-rules', { token: southAdmin, body: { ...nationalRules.points, enabled: true } });
    expect(on.status).toBe(200);
    expect((await points()).enabled).toBe(true);
  });
});

describe('who may read and edit', () => {
  it('lets an inspector read but not edit, and hides another subtree', async () => {
    expect((await stack.call('GET', '/orgs/org-chengnan/rules', { token: southInspector })).status).toBe(200);
    expect((await stack.call('PUT', '/orgs/org-chengnan/visit-rules', { token: southInspector, body: { scheduleWithinDays: 5, deliverWithinDays: 10, deliveryGraceDays: 7 } })).status).toBe(403);
    expect((await stack.call('POST', '/orgs/org-chengnan/rules/revert', { token: southInspector, body: { kind: 'points' } })).status).toBe(403);
    expect((await stack.call('GET', '/orgs/org-chengnan/rules', { token: northInspector })).status).toBe(404);
    expect((await stack.call('PUT', '/orgs/org-chengbei/session-rules', { token: southAdmin, body: nationalRules.frequency })).status).toBe(404);
    expect((await stack.call('PUT', '/orgs/org-city/visit-rules', { token: southAdmin, body: { scheduleWithinDays: 5, deliverWithinDays: 10, deliveryGraceDays: 7 } })).status).toBe(404);
    // A city administrator edits a district's rules.
    const put = await stack.call('PUT', '/orgs/org-chengbei/visit-rules', { token: cityAdmin, body: { scheduleWithinDays: 5, deliverWithinDays: 10, deliveryGraceDays: 7 } });
    expect(put.status).toBe(200);
    expect((await stack.call('GET', '/orgs/org-chengbei/rules', { token: northInspector })).body.visits).toMatchObject({ origin: 'own', rules: { scheduleWithinDays: 5 } });
  });

  it('refuses bad input with Chinese messages naming the field, changing nothing', async () => {
    const bad = await stack.call('PUT', '/orgs/org-chengnan/visit-rules', { token: southAdmin, body: { scheduleWithinDays: 0, deliverWithinDays: 10, deliveryGraceDays: 7 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].message).toContain('申请后几天内安排');
    const kind = await stack.call('POST', '/orgs/org-chengnan/rules/revert', { token: southAdmin, body: { kind: 'everything' } });
    expect(kind.status).toBe(422);
    expect(kind.body.error.fields[0].message).toContain('规定类别');
    const flag = await stack.call('PUT', '/orgs/org-chengnan/points-rules', { token: southAdmin, body: { ...nationalRules.points, enabled: 'no' } });
    expect(flag.status).toBe(422);
    expect(flag.body.error.fields[0].message).toContain('实行积分管理');
    expect((await stack.call('GET', '/orgs/org-chengnan/rules', { token: southAdmin })).body.visits.origin).toBe('national');
  });
});
