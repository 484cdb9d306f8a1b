import { beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { phoneOnStack } from './support/phone-on-stack';
import { fieldLabelled, signIn } from './support/ui';
import { shot } from './support/browser';
import { morningIn } from '../support/time';
import { testClock } from '../support/clock';

/**
 * Weak networks in Chromium: with the network cut, 林小红 records a delivery with a photo at a rural home
 * and 王建国 asks for leave; each is kept on the phone as 待上传. When the network returns each goes by
 * itself, and the server has each exactly once.
 */
const e2e = phoneOnStack();
const kept = '没有网络，已存在手机上，有网络时自动上传';
const topic = '弱网演示：学习全会精神';
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let secretary = '';
let sessionId = '';
let visitId = '';
let wangId = '';

const hoursAgo = (h: number) => new Date(testClock.now().getTime() - h * 3_600_000).toISOString();

/** Every answer the server gave to requests matching `path` (a request that found no network has none). */
function answersTo(method: string, path: RegExp): Response[] {
  const seen: Response[] = [];
  e2e.phone.page.on('response', (r) => {
    if (r.request().method() === method && path.test(new URL(r.url()).pathname)) seen.push(r);
  });
  return seen;
}

beforeAll(async () => {
  const { stack } = e2e;
  secretary = await stack.login('secretary-1');
  const proxy = await stack.login('proxy-liu');
  const created = await stack.call('POST', '/branches/br-1/sessions', {
    token: secretary,
    body: { kind: 'theme_day', topic, startsAt: morningIn(4), place: '党员活动室', hostName: '张卫东', recorderName: '吴淑珍', materialText: '全会精神' },
  });
  expect(created.status).toBe(201);
  sessionId = created.body.id;
  const members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  const liId = members.find((m) => m.name === '李秀英')!.id;
  wangId = members.find((m) => m.name === '王建国')!.id;
  const asked = await stack.call('POST', `/members/${liId}/visit-requests`, { token: proxy, idempotencyKey: 'weak-network-ask', body: { sessionId, slot: 'any' } });
  expect(asked.status).toBe(201);
  visitId = asked.body.id;
  const contacts = (await stack.call('GET', '/branches/br-1/contacts', { token: secretary })).body.items as { userId: string; name: string }[];
  const lin = contacts.find((c) => c.name === '林小红')!;
  // Arranged for this morning, two hours ago: the contact is at the door now.
  const scheduled = await stack.call('POST', `/visit-requests/${visitId}/schedule`, { token: secretary, body: { contactUserId: lin.userId, windowStart: hoursAgo(2), windowEnd: hoursAgo(1) } });
  expect(scheduled.status).toBe(200);
});

describe('weak networks: kept on the phone as 待上传, sent once when the network returns', () => {
  it('keeps 林小红’s delivery and its photo with no signal, then sends them once', async () => {
    const { page, context } = e2e.phone;
    const delivers = answersTo('POST', /\/visit-requests\/[^/]+\/deliver$/);
    await signIn(page, e2e.stack.url, '林小红（第一支部）');
    await e2e.visible('有 1 次送学上门等您去。');
    await e2e.tap('我的送学任务');
    await e2e.visible('李秀英');
    await e2e.tap('记录送学');
    await e2e.visible('记录送学：李秀英');
    await fieldLabelled(page, '学习内容（必填）').locator('textarea').fill('一起学习全会精神，读了第一部分');

    // At the door, no signal: the photo and then the record stay on the phone.
    await context.setOffline(true);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), e2e.tap('上传照片')]);
    await chooser.setFiles({ name: '送学合影.png', mimeType: 'image/png', buffer: png });
    await e2e.visible('没有网络，照片先存在手机上，有网络时随记录自动上传');
    await e2e.tap('保存送学记录');
    await e2e.visible('送学记录：待上传');
    await e2e.visible(`${kept}。`);
    const before = (await e2e.stack.call('GET', `/visit-requests/${visitId}`, { token: secretary })).body;
    expect(before.status).toBe('scheduled');

    // Back on the task list, the record says where it is, on the visit's card too (not to be recorded twice).
    await e2e.tap('返回送学任务');
    await e2e.visible(`待上传：${kept}`);
    await e2e.visible(`送学记录：待上传。${kept}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot('contact-pending-upload.png'), fullPage: false });

    // The phone is restarted while the API still cannot be reached (the page loads, its requests fail):
    // the record and its photo (IndexedDB) are still there.
    await context.route(/\/api\/v1\//, (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await e2e.visible(`待上传：${kept}`);
    await e2e.visible('送学记录：李秀英');
    expect(delivers).toHaveLength(0);

    // Signal again: the network's return sends it by itself.
    await context.unroute(/\/api\/v1\//);
    await context.setOffline(true);
    await context.setOffline(false);
    await e2e.visible('✓ 已上传', 30_000);
    const after = (await e2e.stack.call('GET', `/visit-requests/${visitId}`, { token: secretary })).body;
    expect(after.status).toBe('delivered');
    expect(after.delivered.studied).toBe('一起学习全会精神，读了第一部分');
    expect(after.delivered.photos).toHaveLength(1);
    // Another chance to send (the tab shown again) sends nothing more: the server answered exactly one delivery.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect(delivers.map((r) => r.status())).toEqual([200]);
    const trail = (await e2e.stack.call('GET', `/visit-requests/${visitId}`, { token: secretary })).body;
    expect(trail.delivered.at).toBe(after.delivered.at);
  });

  it('keeps 王建国’s leave with no signal, then sends it once', async () => {
    const { page, context } = e2e.phone;
    const leaves = answersTo('PUT', new RegExp(`/sessions/${sessionId}/attendance/${wangId}$`));
    await signIn(page, e2e.stack.url, '王建国（党员，第一支部）');
    await e2e.visible(`主题：${topic}`);
    await e2e.tap('我来不了');
    await e2e.tap('请假');
    await page.getByText('身体不适').filter({ visible: true }).first().click();

    await context.setOffline(true);
    await e2e.tap('提交请假');
    await e2e.visible(`${kept}。`);
    await e2e.visible(`请假：${topic}`);
    await e2e.visible(`待上传：${kept}`);
    const line = async () =>
      ((await e2e.stack.call('GET', `/sessions/${sessionId}`, { token: secretary })).body.attendance as { memberId: string; status: string; reason?: string }[]).find((a) => a.memberId === wangId);
    expect((await line())?.status).not.toBe('excused');

    await context.setOffline(false);
    await e2e.visible('✓ 已上传', 30_000);
    expect(await line()).toMatchObject({ status: 'excused', reason: '身体不适' });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect(leaves.map((r) => r.status())).toEqual([200]);
    // The home page reads the session again: the leave is there in words.
    await e2e.visible(/请假/);
  });
});
