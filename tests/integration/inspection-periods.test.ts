import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { markAllPresent, planSession } from './support/sessions';
import { chinaDayIn, chinaYear } from '../support/time';

/**
 * Compliance by each rule's cadence, the pre-sign-off check and a period's own ledger, over HTTP.
 * All data lives in a quarter three quarters before today's (so it has ended at any instant, including
 * Beijing 23:50 on 31 December and 00:10 on 1 January): its first month F, middle month M and last month L.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const today = chinaDayIn(0);
const index = Number(today.slice(0, 4)) * 4 + Math.ceil(Number(today.slice(5, 7)) / 3) - 1 - 3;
const Y = Math.floor(index / 4);
const Q = (index % 4) + 1;
const quarter = `${Y}-Q${Q}`;
const [F, M, L] = [0, 1, 2].map((i) => `${Y}-${pad(Q * 3 - 2 + i)}`) as [string, string, string];
const thisMonth = today.slice(0, 7);

let stack: TestStack;
let secretary: string;
let secretary2: string;
let inspector: string;
let lectureId: string;
/** Branch 2's monthly meetings, all in the quarter's last month. */
const lastMonthIds: string[] = [];

const plan = (token: string, branchId: string, kind: string, day: string, extra: Record<string, unknown> = {}) => planSession(stack, token, branchId, kind, day, extra);
const allPresent = (token: string, session: { id: string; attendance: { memberId: string }[] }) => markAllPresent(stack, token, session);
const compliance = async (period: string, branchId: string) => {
  const r = await stack.call('GET', `/orgs/org-chengnan/compliance?period=${period}`, { token: inspector });
  expect(r.status).toBe(200);
  return r.body.branches.find((b: { branchId: string }) => b.branchId === branchId);
};
const rule = (b: { meetings: { kind: string }[] }, kind: string) => b.meetings.find((m) => m.kind === kind);

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, inspector] = (await Promise.all(['secretary-1', 'secretary-2', 'inspector'].map((a) => stack.login(a)))) as [string, string, string];
  // Branch 2: the quarter's 党课 in its first month; the monthly meetings in its last month only.
  const lecture = await plan(secretary2, 'br-2', 'party_lecture', `${F}-10`);
  lectureId = lecture.id;
  await allPresent(secretary2, lecture);
  for (const kind of ['committee_meeting', 'theme_day']) {
    const held = await plan(secretary2, 'br-2', kind, `${L}-12`);
    lastMonthIds.push(held.id);
    await allPresent(secretary2, held);
  }
  const group = await plan(secretary2, 'br-2', 'group_meeting', `${L}-15`, { partyGroup: '第一党小组' });
  lastMonthIds.push(group.id);
  await allPresent(secretary2, group);
});
afterAll(() => stack?.stop());

describe('compliance counts what each rule requires in each period', () => {
  it('shows a quarterly rule in a month view as 本季度内, with what was held so far, never as a shortfall', async () => {
    const last = await compliance(L, 'br-2');
    expect(rule(last, 'party_lecture')).toEqual({ kind: 'party_lecture', cadence: 'quarterly', due: false, window: quarter, held: 1, required: 1, short: false, pending: false });
    expect(rule(last, 'branch_general_meeting')).toEqual({ kind: 'branch_general_meeting', cadence: 'quarterly', due: false, window: quarter, held: 0, required: 1, short: false, pending: false });
    expect(rule(last, 'organisational_life_meeting')).toMatchObject({ cadence: 'yearly', due: false, window: String(Y), held: 0, short: false });
    expect(rule(last, 'committee_meeting')).toMatchObject({ due: true, window: L, held: 1, required: 1, short: false });
    expect(last.shortfalls.filter((s: string) => /党课|支部党员大会|组织生活会|民主评议|支委会|主题党日|党小组会/.test(s))).toEqual([]);

    // The first month: the monthly rules still count; the quarter's 党课 was held in it.
    const first = await compliance(F, 'br-2');
    expect(first.shortfalls).toContain('支委会 0/1，不足');
    expect(rule(first, 'party_lecture')).toMatchObject({ due: false, held: 1, short: false });
    expect(first.shortfalls.some((s: string) => s.includes('支部党员大会'))).toBe(false);

    // Branch 1 held nothing: in a month view only the monthly rules are its shortfalls.
    const idle = await compliance(M, 'br-1');
    expect(idle.shortfalls).toEqual(expect.arrayContaining(['支委会 0/1，不足', '主题党日 0/1，不足']));
    expect(idle.shortfalls.some((s: string) => /党课|支部党员大会|组织生活会|民主评议/.test(s))).toBe(false);
  });

  it('makes a quarterly rule due in the quarter view and a yearly one in the year view', async () => {
    const q = await compliance(quarter, 'br-2');
    expect(rule(q, 'branch_general_meeting')).toMatchObject({ due: true, window: quarter, held: 0, required: 1, short: true });
    expect(rule(q, 'party_lecture')).toMatchObject({ due: true, held: 1, required: 1, short: false });
    expect(rule(q, 'committee_meeting')).toMatchObject({ held: 1, required: 3, short: true });
    expect(q.shortfalls).toEqual(expect.arrayContaining(['支部党员大会 0/1，不足', '支委会 1/3，不足']));
    expect(rule(q, 'democratic_appraisal')).toMatchObject({ due: false, window: String(Y) });

    const year = await compliance(String(Y), 'br-2');
    // The year may be this one (at year-end the quarter three back is its first): not over, so still to do.
    const yearOver = Y < chinaYear();
    expect(rule(year, 'democratic_appraisal')).toMatchObject({ due: true, required: 1, short: yearOver, pending: !yearOver });
    expect(rule(year, 'party_lecture')).toMatchObject({ due: true, required: 4, held: 1 });
  });
});

describe("a period's ledger is that period's", () => {
  it('shows only the points dated in the period, and the roll as it stood at its end', async () => {
    const created = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '期间测试甲' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const late = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '期间测试乙', joinedPartyOn: `${L}-05` } });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const award = (date: string, category: string, points: number) =>
      stack.call('POST', `/members/${created.body.id}/points/entries`, { token: secretary, body: { category, points, reason: `${date} 记分`, date } });
    expect((await award(`${F}-15`, 'volunteer', 3)).status).toBe(201);
    expect((await award(`${L}-15`, 'positive_energy', 5)).status).toBe(201);

    const first = (await stack.call('GET', `/branches/br-1/ledger?period=${F}`, { token: inspector })).body;
    const last = (await stack.call('GET', `/branches/br-1/ledger?period=${L}`, { token: inspector })).body;
    const row = (l: { points: { name: string }[] }, name: string) => l.points.find((p) => p.name === name);
    const base = (await stack.call('GET', '/orgs/org-chengnan/points-rules', { token: inspector })).body.basePerYear as number;
    expect(row(first, '期间测试甲')).toMatchObject({ earned: 3, total: base + 3 });
    expect(row(last, '期间测试甲')).toMatchObject({ earned: 5, total: base + 8 });
    expect(row(first, '期间测试乙')).toBeUndefined();
    expect(row(last, '期间测试乙')).toMatchObject({ earned: 0 });
    expect(last.setup.memberCount).toBe(first.setup.memberCount + 1);

    const response = await fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${F}&format=xlsx`, { headers: { authorization: `Bearer ${inspector}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = book.getWorksheet('党员积分')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 4));
    expect(rows).toContainEqual(['期间测试甲', 3, base + 3]);
    expect(rows.some((r) => r[0] === '期间测试乙')).toBe(false);
    const html = await (await fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${F}&format=pdf`, { headers: { authorization: `Bearer ${inspector}` } })).text();
    expect(html).toContain('期间测试甲');
    expect(html).not.toContain('期间测试乙');
  });
});

describe('sign-off checks before it locks', () => {
  it('refuses a period that has not ended, in Chinese', async () => {
    const check = await stack.call('GET', `/branches/br-1/signoff-check?period=${thisMonth}`, { token: inspector });
    expect(check.status).toBe(200);
    expect(check.body.ended).toBe(false);
    expect(check.body.blockers[0]).toContain('还没有结束');
    const signed = await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period: thisMonth } });
    expect(signed.status).toBe(409);
    expect(signed.body.error).toMatchObject({ code: 'PERIOD_NOT_ENDED', message: '这个期间还没有结束，结束后才能签字' });
  });

  it('lists what is missing and signs only when each item is acknowledged; the ledger keeps the words', async () => {
    const session = await plan(secretary, 'br-1', 'committee_meeting', `${M}-10`);
    const review = await stack.call('POST', '/branches/br-1/reviews', { token: inspector, body: { period: M, opinion: '记录不全', items: [{ what: '补写会议记录', deadline: `${L}-20` }] } });
    expect(review.status).toBe(201);

    const check = await stack.call('GET', `/branches/br-1/signoff-check?period=${M}`, { token: inspector });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ period: M, ended: true, signedOff: false, blockers: [] });
    const all = check.body.items as { key: string; kind: string; text: string }[];
    // First what the rules required and the branch did not hold in the month (the 支委会 was held).
    const meetings = all.filter((i) => i.kind === 'meeting_short');
    expect(meetings.map((i) => i.key).sort()).toEqual(['meeting:group_meeting', 'meeting:theme_day']);
    expect(meetings.find((i) => i.key === 'meeting:theme_day')!.text).toMatch(/^主题党日：\d{4}年\d{1,2}月应开 1 次，只开了 0 次$/);
    const items = all.filter((i) => i.kind !== 'meeting_short');
    expect(items.map((i) => i.kind)).toEqual(['session_open', 'minutes_missing', 'rectification_open']);
    expect(items[0]!.text).toMatch(/^支委会「committee_meeting .*」（.*日 星期.）未归档$/);
    expect(items[1]!.text).toContain('没有会议记录');
    expect(items[2]!.text).toContain('整改事项「补写会议记录」待整改，已逾期');
    expect(JSON.stringify(items)).toContain(session.id);
    expect((await stack.call('GET', `/branches/br-1/signoff-check?period=${M}`, { token: secretary })).status).toBe(403);
    expect((await stack.call('GET', `/branches/br-1/signoff-check?period=${M}`, { token: secretary2 })).status).toBe(404);
    expect((await stack.call('GET', `/branches/br-1/signoff-check?period=2025-13`, { token: inspector })).status).toBe(422);

    const none = await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period: M } });
    expect(none.status).toBe(422);
    expect(none.body.error.fields[0].path).toBe('acknowledged');
    for (const i of all) expect(none.body.error.fields[0].message).toContain(i.text);
    const some = await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period: M, acknowledged: [...meetings.map((i) => i.key), items[0]!.key, items[1]!.key] } });
    expect(some.status).toBe(422);
    expect(some.body.error.fields[0].message).toContain('还有 1 项没有确认');
    expect(some.body.error.fields[0].message).toContain(items[2]!.text);
    expect(some.body.error.fields[0].message).not.toContain(items[0]!.text);
    expect((await stack.call('GET', `/branches/br-1/ledger?period=${M}`, { token: inspector })).body.signoff).toBeNull();

    const signed = await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period: M, acknowledged: all.map((i) => i.key) } });
    expect(signed.status).toBe(201);
    expect(signed.body.acknowledged).toEqual(all.map(({ key, text }) => ({ key, text })));
    expect((await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period: M, acknowledged: all.map((i) => i.key) } })).status).toBe(409);

    const ledger = await stack.call('GET', `/branches/br-1/ledger?period=${M}`, { token: inspector });
    expect(ledger.body.signoff.acknowledged.map((a: { text: string }) => a.text)).toEqual(all.map((i) => i.text));
    const html = await (await fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${M}&format=pdf`, { headers: { authorization: `Bearer ${inspector}` } })).text();
    expect(html).toContain('签字时尚缺、经督导确认的事项');
    expect(html).toContain('补写会议记录');
  });

  it('signs a complete period without acknowledgements, and lists meetings not held in one that is not', async () => {
    // Branch 2's first month: its 党课, but none of the monthly meetings: each is listed by what the rules require.
    const first = await stack.call('GET', `/branches/br-2/signoff-check?period=${F}`, { token: inspector });
    expect(first.body.items.map((i: { key: string }) => i.key)).toEqual([
      'meeting:committee_meeting', 'meeting:group_meeting', 'meeting:theme_day', `session-open:${lectureId}`, `minutes:${lectureId}`,
    ]);
    // Its last month held all three; once each has minutes and is archived, nothing is missing.
    for (const id of lastMonthIds) {
      expect((await stack.call('PUT', `/sessions/${id}/minutes`, { token: secretary2, body: { content: '按时召开，记录齐全' } })).status).toBe(200);
      expect((await stack.call('POST', `/sessions/${id}/close`, { token: secretary2 })).status).toBe(200);
    }
    const check = await stack.call('GET', `/branches/br-2/signoff-check?period=${L}`, { token: inspector });
    expect(check.body).toMatchObject({ ended: true, blockers: [], items: [] });
    const signed = await stack.call('POST', '/branches/br-2/signoffs', { token: inspector, body: { period: L } });
    expect(signed.status).toBe(201);
    expect(signed.body.acknowledged).toEqual([]);
  });
});
