import { describe, expect, it } from 'vitest';
import { shot } from './support/browser';
import { signIn } from './support/ui';
import { phoneOnStack } from './support/phone-on-stack';
import { elderAudit } from './support/elder-audit';

/**
 * 意见反馈 in Chromium: one tap from the member's home, the write page passes the elder audit, a message sent
 * shows on 我的反馈 awaiting its answer, and the way back leads home.
 */
const e2e = phoneOnStack();
const { visible, tap } = e2e;

describe('意见反馈 in a real browser', () => {
  it('is one tap from the member’s home, passes the elder audit, and shows the message sent on 我的反馈', async () => {
    const { page } = e2e.phone;
    await signIn(page, e2e.stack.url, '王建国（党员，第一支部）');
    await visible('下一次学习');
    await tap('意见反馈');
    await visible('可以用输入法的语音输入：点键盘上的话筒，说完后看一下文字对不对。');
    // The page has finished sliding in before the picture is taken.
    await expect.poll(() => page.evaluate(() => Math.round(Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none').at(-1)?.getBoundingClientRect().left ?? 0)), { timeout: 5_000 }).toBe(0);
    await page.screenshot({ path: shot('feedback-write.png'), fullPage: false });
    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);

    await tap('求助');
    await page.locator('.taro_page textarea').last().fill('字太小，看不清，怎么调大？');
    await tap('提交');
    await visible('已提交，谢谢您。管理员答复后，可以在“我的反馈”里看到。');
    await tap('看我的反馈');
    await visible('字太小，看不清，怎么调大？');
    await visible('还没有答复，管理员答复后会显示在这里。');
    await tap('返回');
    await visible('下一次学习');
  });
});
