import { describe, expect, it } from 'vitest';
import { shot } from './support/browser';
import { openSignedOut, signIn } from './support/ui';
import { phoneOnStack } from './support/phone-on-stack';
import { elderAudit } from './support/elder-audit';

/**
 * 个人信息保护政策 in Chromium: one tap from the login page and from the member's home, readable in large type,
 * with a way back; it passes the elder audit. The privacy popup is WeChat's and never shows in a browser.
 */
const e2e = phoneOnStack();
const { visible, tap } = e2e;

describe('the privacy policy in a real browser', () => {
  it('is one tap from the login page and from the member’s home, comes back, and passes the elder audit', async () => {
    const { page } = e2e.phone;
    await openSignedOut(page, e2e.stack.url);
    await visible('王建国（党员，第一支部）');
    await tap('个人信息保护政策');
    await visible('四、谁能看到');
    await tap('返回');
    await visible('王建国（党员，第一支部）');

    await signIn(page, e2e.stack.url, '王建国（党员，第一支部）');
    await visible('下一次学习');
    await tap('个人信息保护政策');
    await visible(/^第 \d+ 版，\d{4}年\d{1,2}月\d{1,2}日起施行$/);
    for (const heading of ['二、收集哪些信息', '三、为什么收集', '五、保存多久', '六、撤回同意和您的权利', '七、有问题找谁']) await visible(heading);
    await visible(/运营单位的联系方式由使用本小程序的党组织填写/);
    // Chinese words only: no ids, codes or English on the page (the visible page's own text).
    const text = await page.evaluate(() => Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none').at(-1)?.textContent ?? '');
    expect(text).toContain('个人信息保护政策');
    expect(text).not.toMatch(/[A-Za-z]/);
    // WeChat's popup has no place in a browser.
    expect(await page.getByText('请先看一下隐私保护指引').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => Math.round(Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none').at(-1)?.getBoundingClientRect().left ?? 0)), { timeout: 5_000 }).toBe(0);
    await page.screenshot({ path: shot('privacy-policy.png'), fullPage: false });

    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);

    await tap('返回');
    await visible('下一次学习');
  });
});
