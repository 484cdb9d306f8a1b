import { beforeAll, describe, expect, it } from 'vitest';
import { phoneOnStack } from './support/phone-on-stack';
import { signIn } from './support/ui';
import { auditPage } from './support/page-audit';
import { shot } from './support/browser';
import { morningIn } from '../support/time';

/**
 * Issue 17, "nobody stuck", in Chromium: 王建国 asked for leave and for the study at home, then can come
 * after all. On his home page he takes back the leave (我能来了) and withdraws the request, each with one
 * question in plain words, and the branch's records say so.
 */
const e2e = phoneOnStack();
const topic = '学习全会公报（能来了）';
let sessionId = '';
let wangId = '';
let requestId = '';
let liId = '';
let liRequestId = '';

beforeAll(async () => {
  const { stack } = e2e;
  const [secretary, member] = await Promise.all(['secretary-1', 'member-wang'].map((a) => stack.login(a))) as [string, string];
  // Three days ahead: his next study, open for leave and 送学上门.
  const created = await stack.call('POST', '/branches/br-1/sessions', {
    token: secretary,
    body: { kind: 'theme_day', topic, startsAt: morningIn(3), place: '党员活动室', hostName: '张卫东', recorderName: '吴淑珍', materialText: '全会公报全文' },
  });
  expect(created.status).toBe(201);
  sessionId = created.body.id;
  wangId = ((await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[]).find((m) => m.name === '王建国')!.id;
  expect((await stack.call('PUT', `/sessions/${sessionId}/attendance/${wangId}`, { token: member, body: { status: 'excused', reason: '身体不适' } })).status).toBe(200);
  const asked = await stack.call('POST', `/members/${wangId}/visit-requests`, { token: member, body: { sessionId, slot: 'morning' } });
  expect(asked.status).toBe(201);
  requestId = asked.body.id;

  // 刘芳 asked for the study at home for her mother 李秀英; the branch scheduled it, then had to cancel.
  const proxy = await stack.login('proxy-liu');
  liId = ((await stack.call('GET', '/me', { token: proxy })).body as { memberId: string }).memberId;
  const liAsked = await stack.call('POST', `/members/${liId}/visit-requests`, { token: proxy, body: { sessionId, slot: 'morning' } });
  expect(liAsked.status).toBe(201);
  liRequestId = liAsked.body.id;
  const window = { contactUserId: 'u-demo-contact1', windowStart: morningIn(2), windowEnd: new Date(Date.parse(morningIn(2)) + 2 * 3_600_000).toISOString() };
  expect((await stack.call('POST', `/visit-requests/${liRequestId}/schedule`, { token: secretary, body: window })).status).toBe(200);
  expect((await stack.call('POST', `/visit-requests/${liRequestId}/cancel`, { token: secretary, body: { reason: '林小红那天要去医院，下周再安排' } })).status).toBe(200);
});

describe('a member changes his mind in a real browser', () => {
  it('cancels his leave and withdraws his request, each asked once', async () => {
    const { page } = e2e.phone;
    await signIn(page, e2e.stack.url, '王建国（党员，第一支部）');
    await e2e.visible(topic);
    await e2e.visible('您已请假：身体不适');

    // 我能来了: one question, with a way back that changes nothing.
    await e2e.tap('我能来了');
    await e2e.visible('撤销请假，按时来参加这次学习吗？支部会看到您能来。');
    await e2e.tap('不撤销，还是请假');
    await e2e.visible('您已请假：身体不适');
    await e2e.tap('我能来了');
    await e2e.tap('是，我能来了');
    await e2e.visible('✓ 已撤销请假。支部会看到您能来参加。');

    await e2e.tap('撤回送学申请');
    await e2e.visible('撤回这次送学上门的申请吗？撤回后支部不再派人上门。');
    await e2e.tap('是，撤回申请');
    await e2e.visible('✓ 已撤回送学申请。支部会看到。');

    const secretary = await e2e.stack.login('secretary-1');
    const session = (await e2e.stack.call('GET', `/sessions/${sessionId}`, { token: secretary })).body as { attendance: { memberId: string; status: string | null }[] };
    expect(session.attendance.find((a) => a.memberId === wangId)?.status).toBeNull();
    const visit = (await e2e.stack.call('GET', `/visit-requests/${requestId}`, { token: secretary })).body as { status: string; statusText: string };
    expect(visit).toMatchObject({ status: 'cancelled', statusText: '已取消：本人撤回申请' });
  });
});

describe('the family is told what the branch changed', () => {
  it('shows 刘芳 the cancelled visit with its reason until she taps 知道了', async () => {
    const { page } = e2e.phone;
    await signIn(page, e2e.stack.url, '刘芳（代母亲李秀英办理）');
    await e2e.visible('送学上门取消了');
    await e2e.visible('原因：林小红那天要去医院，下周再安排');
    await e2e.visible(/^支部书记张卫东 \d+月\d+日告知$/);
    await e2e.visible(/的送学上门不来了。$/);
    // The page in its new state is as readable as the rest.
    expect((await auditPage(page)).findings).toEqual([]);
    await page.screenshot({ path: shot('proxy-notice-cancelled.png'), fullPage: false });

    await e2e.tap('知道了');
    await expect.poll(() => page.getByText('送学上门取消了').filter({ visible: true }).count(), { timeout: 10_000 }).toBe(0);
    const proxy = await e2e.stack.login('proxy-liu');
    const left = (await e2e.stack.call('GET', `/members/${liId}/notices`, { token: proxy })).body as { items: { kind: string }[] };
    expect(left.items.map((n) => n.kind)).not.toContain('visit_cancelled');
  });
});
