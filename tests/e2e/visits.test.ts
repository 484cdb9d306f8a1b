import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../integration/support/stack';
import { startH5Stack } from './support/h5-stack';
import { openPhone, shot } from './support/browser';
import { closeAll, fieldLabelled, seeText, signIn } from './support/ui';
import { elderAudit } from './support/elder-audit';
import { morningIn } from '../support/time';

/**
 * 送学上门 end to end in Chromium: the proxy asks for her mother in two taps, the secretary sends
 * 林小红, 林小红 records the visit with a care observation, the proxy confirms, and the session
 * then counts 李秀英 as 送学上门.
 */
let stack: TestStack;
let phone: Awaited<ReturnType<typeof openPhone>>;
let secretary: string;
let sessionId = '';
let liId = '';

const topic = '送学上门演示：学习全会公报';

beforeAll(async () => {
  stack = await startH5Stack();
  phone = await openPhone();
  secretary = await stack.login('secretary-1');
  // The study to deliver: four days ahead, so it is the proxy's "next session".
  const created = await stack.call('POST', '/branches/br-1/sessions', {
    token: secretary,
    body: { kind: 'theme_day', topic, startsAt: morningIn(4), place: '党员活动室', hostName: '张卫东', recorderName: '吴淑珍', materialText: '全会公报全文' },
  });
  expect(created.status).toBe(201);
  sessionId = created.body.id;
  const members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  liId = members.find((m) => m.name === '李秀英')!.id;
  // Her address, as the secretary would type it on the member form: the contact reads it at the door.
  const { version } = (await stack.call('GET', `/members/${liId}`, { token: secretary })).body;
  expect((await stack.call('PATCH', `/members/${liId}`, { token: secretary, body: { expectedVersion: version, address: '城南街道幸福里 3 栋 2 单元 501' } })).status).toBe(200);
});
afterAll(() => closeAll(phone, stack));

const signInAs = (label: string) => signIn(phone.page, stack.url, label);

const visible = (text: string | RegExp, timeout?: number) => seeText(phone.page, text, timeout);

/** The field whose label is exactly `label`. */
const field = (label: string) => fieldLabelled(phone.page, label);

/** Taps a button by its words. */
const button = (text: string) => phone.page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first();
const tap = (text: string) => button(text).click();

/** Waits until the page on top has finished sliding in (Taro's H5 router animates it), for a clean screenshot. */
async function settled() {
  const left = () =>
    phone.page.evaluate(() => {
      const shown = Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none');
      const top = shown[shown.length - 1];
      return top ? Math.round(top.getBoundingClientRect().left) : 0;
    });
  await expect.poll(left, { timeout: 5_000 }).toBe(0);
}

const shoot = async (name: string) => {
  await settled();
  await phone.page.screenshot({ path: shot(`${name}.png`), fullPage: false });
};

const tokenOfPage = () => phone.page.evaluate(() => localStorage.getItem('token') ?? '');

describe('送学上门 in a real browser', () => {
  it('lets the proxy ask for her mother in two taps after the home page opens', async () => {
    const { page } = phone;
    await signInAs('刘芳（代母亲李秀英办理）');
    await visible('您在代 李秀英 办理');
    await visible(topic);
    // The banner stays at the top of the screen while she scrolls to the end of her mother's page.
    await page.locator('taro-button-core').filter({ visible: true }).last().scrollIntoViewIfNeeded();
    // Scrolled: the page's heading (her mother's name) has gone above the screen, the banner has not.
    await expect.poll(async () => (await page.locator('.h1').first().boundingBox())?.y ?? 0).toBeLessThan(0);
    const banner = await page.getByText('您在代 李秀英 办理').first().boundingBox();
    expect(banner?.y).toBeGreaterThanOrEqual(0);
    expect(banner?.y).toBeLessThan(page.viewportSize()!.height / 4);
    await page.locator('.h1').first().scrollIntoViewIfNeeded();

    // Tap 1: the big button on the home page.
    await tap('送学上门');
    await visible('提交申请');
    await visible('您在代 李秀英 办理');
    await visible(`主题：${topic}`);
    await visible('✓ 上午下午都行（已选）');
    await shoot('visit-request');
    const audit = await elderAudit([page.url()], { token: await tokenOfPage() });
    if (audit.available) expect(audit.status, audit.output).toBe(0);

    // Tap 2, as a shaky double tap: one request with one Idempotency-Key.
    await button('提交申请').dblclick();
    await visible('✓ 已提交申请');
    await visible('已申请（上午下午都行），等待支部安排');

    const open = (await stack.call('GET', '/branches/br-1/visit-requests', { token: secretary })).body.items as { memberName: string; requestedByRole: string; sessionId: string; status: string }[];
    const asked = open.filter((v) => v.memberName === '李秀英' && v.requestedByRole === 'proxy');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ status: 'requested', sessionId });

    // Back home, the status is there in words.
    await tap('返回首页');
    await visible(/已申请（上午下午都行），等待支部安排（/);
  });

  it('lets the secretary see it with its age and send 林小红 at a time', async () => {
    const { page } = phone;
    await signInAs('张卫东（第一支部）');
    await visible(/送学上门：未完成 \d+ 件/);
    await tap('查看和安排送学上门');
    await visible(/共 \d+ 件未完成/);
    const card = page.locator('.row').filter({ hasText: '家属代为申请' }).filter({ hasText: '李秀英' }).filter({ visible: true });
    await expect.poll(() => card.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect(card.getByText(/今天提出，家属代为申请/).isVisible()).resolves.toBe(true);
    // The system's own suggestions wait for one tap.
    await expect(page.locator('.row').filter({ hasText: '系统按参学方式建议' }).first().isVisible()).resolves.toBe(true);

    await card.locator('taro-button-core').filter({ hasText: '安排' }).first().click();
    await visible('✓ 林小红（已选）');
    const start = card.locator('.field').filter({ hasText: '从几点（开始时间）' }).locator('input');
    await start.nth(0).fill('9');
    await start.nth(1).fill('30');
    const end = card.locator('.field').filter({ hasText: '到几点（结束时间）' }).locator('input');
    await end.nth(0).fill('11');
    await end.nth(1).fill('00');
    await card.scrollIntoViewIfNeeded();
    await shoot('visit-secretary');
    await card.locator('taro-button-core').filter({ hasText: '保存安排' }).click();
    await visible(/✓ 已安排：林小红 .+点.*来/);
  });

  it('lets 林小红 find the visit with care notes and calls, and record it with an observation', async () => {
    await signInAs('林小红（第一支部）');
    // The contact's own small home comes first.
    await visible('有 1 次送学上门等您去。');
    await visible('党员名单');
    await tap('我的送学任务');
    await visible('李秀英');
    await visible(/上午9点半到11点/);
    await visible('· 方便探访时间：下午三点到五点');
    await visible('· 视力：看不清小字');
    await visible('城南街道幸福里 3 栋 2 单元 501');
    await visible('☎ 打电话给李秀英：13800010002');
    await visible('☎ 打电话给女儿刘芳：13900010002');
    await shoot('visit-contact');

    // The handout to leave behind: the material in large print, at least 20 pt on paper too.
    await tap('大字学习材料（可打印留下）');
    await visible('全会公报全文');
    await visible('送给：李秀英');
    const handoutSizes = () => phone.page.locator('.handout__text').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    // On the phone a CSS px is a point of the phone's screen (the elder rule's pt); on paper a point is 4/3 CSS px.
    expect(Math.min(...(await handoutSizes()))).toBeGreaterThanOrEqual(20);
    const pt = 4 / 3;
    expect(await button('打印这份材料').isVisible()).toBe(true);
    await phone.page.emulateMedia({ media: 'print' });
    const printed = await handoutSizes();
    expect(printed.length).toBeGreaterThan(0);
    expect(Math.min(...printed)).toBeGreaterThanOrEqual(20 * pt);
    expect(await button('打印这份材料').isVisible()).toBe(false);
    await phone.page.emulateMedia({ media: 'screen' });
    await shoot('visit-handout');
    await phone.page.goBack();
    await visible('☎ 打电话给李秀英：13800010002');

    await tap('记录送学');
    await visible('记录送学：李秀英');
    await field('学习内容（必填）').locator('textarea').fill('一起学习全会公报，读了第一部分');
    await field('党员的感想（可以不填）').locator('textarea').fill('很受鼓舞');
    await field('听力').locator('input').fill('右耳也开始听不清，要大声说');
    await tap('保存送学记录');
    await visible('✓ 送学已记录');
    await visible('照护观察已提交，等支部书记审核同意后更新到党员档案。');
  });

  it('lets the proxy confirm it in one tap, and the session then counts 李秀英 as 送学上门', async () => {
    const { page } = phone;
    await signInAs('刘芳（代母亲李秀英办理）');
    await visible(/已送学上门（.+）。请确认是否已经送到。/);
    await tap('确认已送学');
    await visible('✓ 已确认送学。支部已记为李秀英参加了这次学习。');
    await page.evaluate(() => window.scrollTo(0, 0));
    await visible('支部已登记为李秀英送学上门');
    await shoot('visit-confirmed');

    const saved = (await stack.call('GET', `/sessions/${sessionId}`, { token: secretary })).body;
    expect(saved.attendance.find((a: { memberId: string }) => a.memberId === liId)).toMatchObject({ status: 'home_delivered' });

    // And on the secretary's session page, in words.
    await signInAs('张卫东（第一支部）');
    await visible('近期会议');
    await page.goto(`${stack.url}/#/packages/branch/pages/session/index?id=${sessionId}`);
    await visible(topic);
    await tap('出席登记');
    const row = page.locator('.row--attendance').filter({ hasText: '李秀英' }).filter({ visible: true });
    await expect.poll(() => row.getByText('出席情况：送学上门').isVisible(), { timeout: 20_000 }).toBe(true);

    // The contact's observation waits for the secretary on the member's page.
    const profile = (await stack.call('GET', `/members/${liId}`, { token: secretary })).body;
    expect(profile.pendingChanges.at(-1).patch.sensitive.careNotes.hearing).toBe('右耳也开始听不清，要大声说');
  });
});
