import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../integration/support/stack';
import { startH5Stack } from './support/h5-stack';
import { openPhone, shot } from './support/browser';
import { closeAll, fieldLabelled, seeText, signIn, smallestTextPx } from './support/ui';
import { elderAudit } from './support/elder-audit';

let stack: TestStack;
let phone: Awaited<ReturnType<typeof openPhone>>;

beforeAll(async () => {
  stack = await startH5Stack();
  phone = await openPhone();
});
afterAll(() => closeAll(phone, stack));

const signInAs = (label: string) => signIn(phone.page, stack.url, label);

/** A labelled text box of the member form. */
const field = (label: string) => fieldLabelled(phone.page, label).locator('input');

describe('the walking skeleton in a real browser', () => {
  it('lets the secretary open the member list and add a member', async () => {
    const { page } = phone;
    await signInAs('张卫东（第一支部）');
    // The secretary starts on the branch home; the roll is one tap away.
    await expect.poll(() => page.getByText('党员名单', { exact: true }).first().isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByText('党员名单', { exact: true }).first().click();
    await expect.poll(() => page.getByText('新增党员').first().isVisible(), { timeout: 20_000 }).toBe(true);
    // The roll loads after the page shows: wait for its rows.
    await seeText(page, '王建国');
    await seeText(page, '李秀英');
    await page.screenshot({ path: shot('secretary-member-list.png'), fullPage: false });

    await page.getByText('新增党员').first().click();
    await field('姓名').waitFor();
    // Saving an empty form shows Chinese messages under the fields and creates nothing.
    await page.getByText('保存', { exact: false }).last().click();
    await expect.poll(() => page.getByText(/姓名：/).first().isVisible(), { timeout: 10_000 }).toBe(true);

    await field('姓名').fill('孔繁荣');
    await page.getByText('女', { exact: true }).click();
    const birth = page.locator('.field').filter({ hasText: '出生日期' }).locator('input');
    await birth.nth(0).fill('1947');
    await birth.nth(1).fill('3');
    await birth.nth(2).fill('8');
    const joined = page.locator('.field').filter({ hasText: '入党日期' }).locator('input');
    await joined.nth(0).fill('1970');
    await joined.nth(1).fill('7');
    await joined.nth(2).fill('1');
    await field('手机号').fill('13812340000');
    await page.getByText('与家人同住', { exact: true }).click();
    await page.screenshot({ path: shot('secretary-member-form.png'), fullPage: false });
    await page.getByText('保存', { exact: false }).last().click();

    // The new member's detail page opens, and the list now holds her.
    await expect.poll(() => page.getByText('孔繁荣').first().isVisible(), { timeout: 20_000 }).toBe(true);
    const token = await stack.login('secretary-1');
    const list = await stack.call('GET', '/branches/br-1/members', { token });
    expect(list.body.items.map((m: { name: string }) => m.name)).toContain('孔繁荣');
    expect(list.body.items.find((m: { name: string }) => m.name === '孔繁荣').phoneMasked).toBe('138****0000');
  });

  it('shows an elderly member their home page in large type', async () => {
    const { page } = phone;
    await signInAs('王建国（党员，第一支部）');
    await expect.poll(() => page.getByText('第一离退休干部党支部').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expect(page.getByText(/张卫东/).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(/到场参加集中学习/).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: shot('member-home.png'), fullPage: false });

    // Body text of at least 18 CSS px (one CSS px is one pt at this width).
    const smallest = await smallestTextPx(page);
    expect(smallest).toBeGreaterThanOrEqual(18);

    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);
  });

  it('shows a family proxy whom they act for', async () => {
    const { page } = phone;
    await signInAs('刘芳（代母亲李秀英办理）');
    await expect.poll(() => page.getByText(/您在代/).first().isVisible(), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: shot('proxy-home.png'), fullPage: false });
    await expect(page.getByText(/送学上门/).first().isVisible()).resolves.toBe(true);
  });

  it('shows the inspector the branches with counts only', async () => {
    const { page } = phone;
    await signInAs('周明（党工委）');
    await expect.poll(() => page.getByText('第二离退休干部党支部').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: shot('inspector-branches.png'), fullPage: false });
    expect(await page.getByText('王建国').count()).toBe(0);
  });
});
