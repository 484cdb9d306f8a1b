import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../integration/support/stack';
import { startH5Stack } from './support/h5-stack';
import { openPhone, shot } from './support/browser';
import { closeAll, seeText } from './support/ui';
import { elderAudit } from './support/elder-audit';
import { chinaYear, minutesFromNow, nowIso, plusHours } from '../support/time';

/**
 * 我的积分 in Chromium: points earned by attending a lecture and by a confirmed home visit (both
 * set up through the API) show on the member's own page in words, with no ranking anywhere.
 */
let stack: TestStack;
let phone: Awaited<ReturnType<typeof openPhone>>;

// Both sessions were held minutes ago, so their points fall in this China year at any hour
// (at 00:10 on 1 January, "yesterday" would be last year's tally).
const year = chinaYear();

beforeAll(async () => {
  stack = await startH5Stack();
  phone = await openPhone();
  const [secretary, member, contact] = await Promise.all(['secretary-1', 'member-wang', 'contact-1'].map((a) => stack.login(a)));
  const ok = (r: { status: number; body: unknown }, status = 200) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body as { id: string };
  };
  const members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  const wang = members.find((m) => m.name === '王建国')!.id;

  // Attended the party lecture that began five minutes ago: 参加三会一课.
  const lecture = ok(await stack.call('POST', '/branches/br-1/sessions', {
    token: secretary,
    body: { kind: 'party_lecture', topic: '党课：不忘初心', startsAt: minutesFromNow(-5), place: '党员活动室', hostName: '张卫东', recorderName: '吴淑珍' },
  }), 201);
  ok(await stack.call('PUT', `/sessions/${lecture.id}/attendance/${wang}`, { token: secretary, body: { status: 'present' } }));

  // Could not come to the theme day that began eight minutes ago: the study was brought home and confirmed.
  const themeDayStart = minutesFromNow(-8);
  const themeDay = ok(await stack.call('POST', '/branches/br-1/sessions', {
    token: secretary,
    body: { kind: 'theme_day', topic: '主题党日：学习全会公报', startsAt: themeDayStart, place: '党员活动室', hostName: '张卫东', recorderName: '吴淑珍' },
  }), 201);
  const request = await fetch(`${stack.url}/api/v1/members/${wang}/visit-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${member}`, 'idempotency-key': 'points-e2e-visit-1' },
    body: JSON.stringify({ sessionId: themeDay.id, slot: 'morning' }),
  });
  expect(request.status).toBe(201);
  const visit = (await request.json()) as { id: string };
  ok(await stack.call('POST', `/visit-requests/${visit.id}/schedule`, { token: secretary, body: { contactUserId: 'u-demo-contact1', windowStart: themeDayStart, windowEnd: plusHours(themeDayStart, 2) } }));
  ok(await stack.call('POST', `/visit-requests/${visit.id}/deliver`, { token: contact, body: { deliveredAt: nowIso(), studied: '主题党日材料' } }));
  ok(await stack.call('POST', `/visit-requests/${visit.id}/confirm`, { token: member, body: {} }));
});
afterAll(() => closeAll(phone, stack));

const visible = (text: string | RegExp, timeout?: number) => seeText(phone.page, text, timeout);

describe('我的积分 in a real browser', () => {
  it('shows the member the year’s points from attending and from a home visit, in words, and passes the elder audit', async () => {
    const { page } = phone;
    await page.goto(`${stack.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${stack.url}/`);
    await page.getByText('王建国（党员，第一支部）').first().click();
    await visible('下一次学习');
    await page.locator('taro-button-core').filter({ hasText: '我的积分' }).filter({ visible: true }).first().click();

    await visible(`${year}年积分`);
    await visible('64 分');
    await visible('其中每年起始分 60 分');
    await visible('参加三会一课：2 分');
    await visible('送学上门学习：2 分');
    await visible('参加三会一课：加 2 分');
    await visible('送学上门学习：加 2 分');
    await visible('事由：党课「党课：不忘初心」：出席');
    await visible('事由：主题党日「主题党日：学习全会公报」：送学上门');
    expect(await page.getByText(/排名|名次|第\s*\d+\s*名/).count()).toBe(0);

    // The total is the largest type on the page.
    const totalSize = await page.locator('.points-total__number').filter({ visible: true }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(totalSize).toBeGreaterThanOrEqual(48);
    await expect.poll(() => page.evaluate(() => Math.round(Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none').at(-1)?.getBoundingClientRect().left ?? 0)), { timeout: 5_000 }).toBe(0);
    await page.screenshot({ path: shot('member-points.png'), fullPage: false });

    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);
  });
});
