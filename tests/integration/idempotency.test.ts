import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '@ltx/shared/domain/periods';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { daysFromNow } from '../support/time';
import { testClock } from '../support/clock';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/src/db/client';
import { replaySeconds } from '../../functions/src/http/idempotency';

/**
 * An Idempotency-Key means one request: its route, its actor, its target and its body. The same key for
 * anything else is refused (422) without a write; an identical repeat answers the first result.
 */
let stack: TestStack;
let secretary: string;
let secretary2: string;
let member: string;
let ids: Record<string, string>;


const post = (path: string, token: string, body: unknown, key?: string) =>
  stack.call('POST', path, { token, idempotencyKey: key, ...(typeof body === 'string' ? { rawBody: body } : { body }) });

const session = (topic: string) => ({ kind: 'theme_day', topic, startsAt: daysFromNow(3), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' });

async function sessionTopics(branchId: string, token: string): Promise<string[]> {
  const from = chinaDay(daysFromNow(0));
  const to = chinaDay(daysFromNow(5));
  const { body } = await stack.call('GET', `/branches/${branchId}/sessions?from=${from}&to=${to}`, { token });
  return body.items.map((s: { topic: string }) => s.topic);
}

async function memberCount(branchId: string, token: string): Promise<number> {
  return (await stack.call('GET', `/branches/${branchId}`, { token })).body.memberCount;
}

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, member] = (await Promise.all(['secretary-1', 'secretary-2', 'member-wang'].map((a) => stack.login(a)))) as [string, string, string];
  const list = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  ids = Object.fromEntries(list.map((m) => [m.name, m.id]));
});
afterAll(() => stack?.stop());

describe('Idempotency-Key', () => {
  it('refuses the same key with another body (422, Chinese) and writes nothing', async () => {
    const first = await post('/branches/br-1/sessions', secretary, session('幂等甲'), 'reuse-session-key-1');
    expect(first.status).toBe(201);
    const second = await post('/branches/br-1/sessions', secretary, session('幂等乙'), 'reuse-session-key-1');
    expect(second.status).toBe(422);
    expect(second.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(second.body.error.message).toBe('这个请求编号已经用于另一项内容，请重新提交');
    const topics = await sessionTopics('br-1', secretary);
    expect(topics.filter((t) => t === '幂等甲')).toHaveLength(1);
    expect(topics).not.toContain('幂等乙');
  });

  it('refuses a secretary reusing a key for another member: the second member gets nothing', async () => {
    const first = await post(`/members/${ids['王建国']}/visit-requests`, secretary, { slot: 'morning' }, 'reuse-visit-key-1');
    expect(first.status).toBe(201);
    const before = (await stack.call('GET', `/members/${ids['孙桂兰']}/visit-requests`, { token: secretary })).body.items.length;
    const second = await post(`/members/${ids['孙桂兰']}/visit-requests`, secretary, { slot: 'morning' }, 'reuse-visit-key-1');
    expect(second.status).toBe(422);
    expect(second.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await stack.call('GET', `/members/${ids['孙桂兰']}/visit-requests`, { token: secretary })).body.items).toHaveLength(before);
  });

  it('refuses an award repeated with another date instead of recording a second entry', async () => {
    const points = async () => (await stack.call('GET', `/members/${ids['郑国强']}/points`, { token: secretary })).body;
    const before = await points();
    const award = { category: 'volunteer', points: 2, reason: '社区服务', date: chinaDay(daysFromNow(0)) };
    expect((await post(`/members/${ids['郑国强']}/points/entries`, secretary, award, 'reuse-award-key-1')).status).toBe(201);
    const moved = await post(`/members/${ids['郑国强']}/points/entries`, secretary, { ...award, date: chinaDay(daysFromNow(-1)) }, 'reuse-award-key-1');
    expect(moved.status).toBe(422);
    expect(moved.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const after = await points();
    expect(after.total).toBe(before.total + 2);
    expect(after.entries).toHaveLength(before.entries.length + 1);
  });

  it('answers an identical repeat with the first result: same status, same body, whatever the key order', async () => {
    const body = session('幂等丙');
    const first = await post('/branches/br-1/sessions', secretary, body, 'repeat-session-key-1');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post('/branches/br-1/sessions', secretary, reordered, 'repeat-session-key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect((await sessionTopics('br-1', secretary)).filter((t) => t === '幂等丙')).toHaveLength(1);
  });

  it('lands a leave sent late by a phone that kept it offline once: a repeat after a change of mind undoes nothing', async () => {
    const created = await post('/branches/br-1/sessions', secretary, session('幂等请假'), 'leave-session-key-1');
    const path = `/sessions/${created.body.id}/attendance/${ids['王建国']}`;
    const put = (body: unknown, key: string) => stack.call('PUT', path, { token: member, body, idempotencyKey: key });
    const leave = { status: 'excused', reason: '身体不适' };
    const first = await put(leave, 'kept-leave-key-1');
    expect(first.status).toBe(200);
    // 王建国 takes the leave back; then the phone's retry of the first tap arrives.
    expect((await stack.call('POST', `${path}/withdraw`, { token: member, body: { status: 'excused' }, idempotencyKey: 'kept-leave-undo-1' })).status).toBe(200);
    const again = await put(leave, 'kept-leave-key-1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const line = (await stack.call('GET', `/sessions/${created.body.id}`, { token: secretary })).body.attendance.find((a: { memberId: string }) => a.memberId === ids['王建国']);
    expect(line?.status).not.toBe('excused');
    // The same key with another reason is another request: refused, nothing written.
    const other = await put({ status: 'excused', reason: '住院' }, 'kept-leave-key-1');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('makes one member from 20 identical concurrent requests, and answers each the same', async () => {
    const before = await memberCount('br-1', secretary);
    const results = await Promise.all(Array.from({ length: 20 }, () => post('/branches/br-1/members', secretary, { ...validMember, name: '并发党员' }, 'concurrent-member-key-1')));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await memberCount('br-1', secretary)).toBe(before + 1);
    const named = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items.filter((m: { name: string }) => m.name === '并发党员');
    expect(named).toHaveLength(1);
  });

  it('keeps keys apart per route and per actor: the same text elsewhere makes its own record', async () => {
    const key = 'shared-text-key-1';
    const asSession = await post('/branches/br-1/sessions', secretary, session('幂等丁'), key);
    const asMember = await post('/branches/br-1/members', secretary, { ...validMember, name: '同号党员' }, key);
    const byOther = await post('/branches/br-2/sessions', secretary2, session('幂等戊'), key);
    const byMember = await post(`/members/${ids['王建国']}/visit-requests`, member, { slot: 'afternoon' }, key);
    expect([asSession.status, asMember.status, byOther.status, byMember.status]).toEqual([201, 201, 201, 201]);
    expect(new Set([asSession.body.id, asMember.body.id, byOther.body.id, byMember.body.id]).size).toBe(4);
    expect(await sessionTopics('br-1', secretary)).toContain('幂等丁');
    expect(await sessionTopics('br-2', secretary2)).toContain('幂等戊');
  });

  it('gives the key back when the request fails, so the corrected retry of the same content runs', async () => {
    // A member may not plan sessions (403); the key is not spent on the refusal.
    const refused = await post('/branches/br-1/sessions', member, session('幂等己'), 'failed-first-key-1');
    expect(refused.status).toBe(403);
    const again = await post('/branches/br-1/sessions', member, session('幂等己'), 'failed-first-key-1');
    expect(again.status).toBe(403);
    expect(await sessionTopics('br-1', secretary)).not.toContain('幂等己');
  });

  it('refuses a malformed key with a Chinese message naming it', async () => {
    const bad = await post('/branches/br-1/sessions', secretary, session('幂等庚'), 'no spaces!');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].message).toContain('请求编号');
    expect(await sessionTopics('br-1', secretary)).not.toContain('幂等庚');
  });
});

describe('how long a first answer is kept', () => {
  let shiftDays = 0;
  let moved: TestStack;
  const dayMs = 24 * 60 * 60 * 1000;

  beforeAll(async () => {
    moved = await startTestStack({ clock: { now: () => new Date(testClock.now().getTime() + shiftDays * dayMs) } });
  });
  afterAll(() => moved?.stop());

  it('is a week: a repeat within it gets the first answer; after it the answer (which may hold personal data) is gone', async () => {
    // Signed in again each time: a sign-in lasts less than a week.
    const body = { ...session('重放期限测试'), startsAt: daysFromNow(10) };
    const create = async () => moved.call('POST', '/branches/br-1/sessions', { token: await moved.login('secretary-1'), idempotencyKey: 'replay-window-0001', body });
    const first = await create();
    expect(first.status).toBe(201);
    shiftDays = 6.9;
    expect((await create()).body.id).toBe(first.body.id);
    shiftDays = 7.1;
    const late = await create();
    expect(late.status).toBe(201);
    expect(late.body.id).not.toBe(first.body.id);
    // DynamoDB removes the record by its `ttl` (epoch seconds): a week after the claim.
    const db = createDocumentClient(moved.dynamoEndpoint);
    // eslint-disable-next-line no-restricted-syntax -- a test reads the whole table; request paths never do
    const { Items = [] } = await db.send(new ScanCommand({ TableName: moved.tableName, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': 'IDEMPOTENCY#' } }));
    expect(Items.length).toBeGreaterThan(0);
    for (const item of Items) expect(Number(item.ttl) - Date.parse(String(item.claimedAt)) / 1000).toBeCloseTo(replaySeconds, -1);
  });
});
