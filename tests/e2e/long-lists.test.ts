import { describe, expect, it } from 'vitest';
import { phoneOnStack } from './support/phone-on-stack';
import { shot } from './support/browser';
import { elderAudit } from './support/elder-audit';
import { signIn } from './support/ui';
import { msFromNow } from '../support/time';
import { byPinyin } from '../../shared/src/domain/name-order';

/**
 * Issue 17, lists at branch size: a secretary marks 30 members with 4 exceptions in at most 8 taps,
 * and an inspector sees 5 branches within the first screen of a phone (390×844).
 */
const s = phoneOnStack();

// Members added to the demo branch so that 30 are expected, named so that pinyin and code-point orders differ.
const newcomers = ['安建华', '白秀兰', '蔡国庆', '曹玉梅', '崔志明', '丁桂英', '董建国', '杜秀珍', '范文华', '方淑芬', '冯德明', '高玉兰', '郭振华', '韩桂珍',
  '何建平', '胡秀英', '黄国强', '江淑华', '马德胜', '徐桂兰', '杨春生', '于秀芝', '张伟', '赵敏', '钱学文', '孙立平', '田桂香', '万国华', '谢明远', '严家宝'];

async function sessionOfThirty(): Promise<string> {
  const token = await s.stack.login('secretary-1');
  const onRoll = (await s.stack.call('GET', '/branches/br-1/members', { token })).body.items as { name: string }[];
  for (const name of newcomers.slice(0, Math.max(0, 30 - onRoll.length))) {
    const r = await s.stack.call('POST', '/branches/br-1/members', {
      token, body: { name, gender: 'female', birthDate: '1945-03-01', joinedPartyOn: '1968-07-01', livingSituation: 'with_family' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  // A 主题党日 that began an hour ago: everyone on the roll is expected, attendance is open.
  const created = await s.stack.call('POST', '/branches/br-1/sessions', {
    token, body: { kind: 'theme_day', topic: '十二月主题党日', startsAt: new Date(msFromNow(-3600_000)).toISOString(), place: '党员活动室', hostName: '张卫东', recorderName: '吴淑珍' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.attendance).toHaveLength(30);
  return created.body.id;
}

describe('lists for 50 members', () => {
  it('a secretary marks 30 members with 4 exceptions in at most 8 taps; the rest fold as 其余 26 人 出席', async () => {
    const sessionId = await sessionOfThirty();
    const { page } = s.phone;
    await signIn(page, s.stack.url, '张卫东（第一支部）');
    await s.visible(/第一离退休干部党支部/);
    await page.goto(`${s.stack.url}/#/packages/branch/pages/session/index?id=${sessionId}`);
    await s.visible('十二月主题党日');

    let taps = 0;
    const tap = async (text: string) => {
      taps++;
      await s.tap(text);
    };
    /** The status button on one member's line. */
    const mark = async (name: string, status: string) => {
      taps++;
      await page.locator('.row--attendance').filter({ has: page.getByText(name, { exact: true }) }).filter({ visible: true }).locator('taro-button-core').filter({ hasText: status }).first().click();
    };

    await tap('出席登记');
    await s.visible('查找党员');
    // Lines in pinyin order (安 … 赵), not code-point order (where 张 comes before 李).
    const names = await page.locator('.row--attendance .row__title').filter({ visible: true }).allInnerTexts();
    expect(names[0]).toBe('安建华');
    expect(names).toEqual([...names].sort(byPinyin));
    expect(names).not.toEqual([...names].sort());

    await mark('白秀兰', '缺席');
    await s.visible(/出席情况：缺席/);
    await mark('蔡国庆', '缺席');
    await mark('丁桂英', '缺席');
    await mark('杜秀珍', '请假');
    const reason = page.locator('.field').filter({ hasText: '杜秀珍 的请假原因' }).locator('textarea').first();
    await reason.fill('住院');
    await tap('保存请假');
    await s.visible(/出席情况：请假（住院）/);
    await tap('全部出席');
    await tap('确认登记这 26 人出席');
    await s.visible('其余 26 人 出席（点开查看）');
    expect(taps).toBeLessThanOrEqual(8);

    // The four exceptions stay in view, first; the 26 present are one line.
    const shown = await page.locator('.row--attendance .row__title').filter({ visible: true }).allInnerTexts();
    expect(shown).toEqual(['白秀兰', '蔡国庆', '丁桂英', '杜秀珍']);
    await page.getByText('查找党员').filter({ visible: true }).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shot('secretary-attendance-30.png'), fullPage: false });

    // A search by pinyin initials finds a folded member.
    await page.locator('.field').filter({ hasText: '查找党员' }).locator('input').first().fill('cym');
    await expect.poll(() => page.locator('.row--attendance .row__title').filter({ visible: true }).allInnerTexts()).toEqual(['曹玉梅']);
    await page.screenshot({ path: shot('secretary-attendance-search.png'), fullPage: false });
    console.log(`[e2e] 30 members, 4 exceptions: ${taps} taps`);
    // The elder audit on the board as it now stands (type size, targets, contrast, roles).
    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);
  });

  it('an inspector sees 5 branches within the first screen', async () => {
    const admin = await s.stack.login('admin-city');
    for (const name of ['城北第四离退休干部党支部', '城北第五离退休干部党支部']) {
      const r = await s.stack.call('POST', '/orgs/org-chengbei/branches', { token: admin, body: { name } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const { page } = s.phone;
    await signIn(page, s.stack.url, '孙立新（城北党工委）');
    await s.visible(/共 5 个支部/);
    const cards = page.locator('.compliance').filter({ visible: true });
    await expect.poll(() => cards.count()).toBe(5);
    await page.screenshot({ path: shot('inspector-first-screen.png'), fullPage: false });
    const viewport = page.viewportSize()!;
    expect(viewport.height).toBeLessThanOrEqual(844);
    for (let i = 0; i < 5; i++) {
      const box = (await cards.nth(i).boundingBox())!;
      expect(box.y + box.height, `branch ${i + 1} ends inside the first screen`).toBeLessThanOrEqual(viewport.height);
    }
    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);
  });
});
