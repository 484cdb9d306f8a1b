import { describe, expect, it } from 'vitest';
import { shot } from './support/browser';
import { signIn } from './support/ui';
import { phoneOnStack } from './support/phone-on-stack';
import { elderAudit } from './support/elder-audit';

/**
 * 健康信息同意 in Chromium, as the daughter who acts for her mother: the words in large type, withdrawing in two
 * taps (with a way back from the question), agreeing again for her mother in one, the history and who read the
 * health data; the page passes the elder audit.
 */
const e2e = phoneOnStack();
const { visible, tap } = e2e;

describe('the member’s consent to keep health data, in a real browser', () => {
  it('is read in large type, withdrawn in two taps, given again by the proxy for her mother, and passes the elder audit', async () => {
    const { page } = e2e.phone;
    // The secretary looked at 李秀英's page once: that read shows on her consent page.
    const secretary = await e2e.stack.login('secretary-1');
    const me = (await e2e.stack.call('GET', '/me', { token: await e2e.stack.login('proxy-liu') })).body as { memberId: string };
    expect((await e2e.stack.call('GET', `/members/${me.memberId}`, { token: secretary })).body.sensitive).toBeDefined();

    await signIn(page, e2e.stack.url, '刘芳（代母亲李秀英办理）');
    await visible('下一次学习');
    await tap('健康信息同意');
    await visible('同意保存我的健康和照护信息');
    await visible('您在代 李秀英 办理');
    await visible(/李秀英已于 .* 同意保存健康和照护信息/);
    await visible('谁看过健康信息');
    await visible(/张卫东（支部书记）查看党员信息/);
    await page.screenshot({ path: shot('health-consent.png'), fullPage: false });
    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);

    // Two taps to withdraw, and a way back from the question.
    await tap('撤回同意');
    await visible(/撤回后，李秀英的健康状况、照护提示和紧急联系人马上删除/);
    await page.screenshot({ path: shot('health-consent-withdraw.png'), fullPage: false });
    await tap('不撤回');
    await tap('撤回同意');
    await tap('确定撤回');
    await visible('已撤回同意，健康和照护信息已删除。');
    await visible(/李秀英还没有同意保存健康和照护信息/);
    expect((await e2e.stack.call('GET', `/members/${me.memberId}`, { token: secretary })).body.sensitive).toBeUndefined();

    // Agreeing again for her mother, in one tap; the history says who did what.
    await tap('我代李秀英同意');
    await visible('已登记同意。');
    await visible(/撤回同意（家属）/);
    await visible(/同意（家属）/);
    const text = await page.evaluate(() => Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none').at(-1)?.textContent ?? '');
    expect(text).not.toMatch(/[A-Za-z]/);

    await tap('返回');
    await visible('下一次学习');
  });
});
