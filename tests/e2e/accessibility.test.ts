import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_DEFAULT_FONT_PX, openPhone, shot } from './support/browser';
import { auditPage, bodyTextPx } from './support/page-audit';
import { phoneOnStack } from './support/phone-on-stack';
import { seeText, signIn } from './support/ui';

/**
 * The H5 pages for a reader who has set a larger font in the browser, or who uses the keyboard:
 * the type grows with the browser's setting and the page still passes the elder audit; Tab reaches
 * the buttons and the rows that act as buttons, and Enter or Space does what a tap does.
 */
const e2e = phoneOnStack();
const LARGER_FONT_PX = 24; // Chromium's "Large" font size

let large: Awaited<ReturnType<typeof openPhone>> | undefined;
afterAll(() => large?.close());

type Phone = Awaited<ReturnType<typeof openPhone>>;

/** The secretary's member list, reached as she would: sign in, then 党员名单. */
async function openMemberList({ page }: Phone): Promise<void> {
  await signIn(page, e2e.stack.url, '张卫东（第一支部）');
  await page.locator('taro-button-core').filter({ hasText: '党员名单' }).filter({ visible: true }).first().click();
  await seeText(page, '点此查看详情');
}

/** Presses Tab until the focused element's text holds `text` (at most `limit` presses). */
async function tabTo({ page }: Phone, text: string, limit = 40): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { text: el?.innerText ?? '', role: el?.getAttribute('role') ?? '' };
    });
    // A focused container (the whole page's text) is passed over: the control itself carries the words.
    if (focused.text.includes(text) && focused.text.length <= text.length + 60) return focused.role;
  }
  throw new Error(`Tab never reached “${text}”`);
}

describe('H5 at a larger browser font and with the keyboard', () => {
  it('grows the body text with the browser’s default font and passes the audit at both sizes', async () => {
    await openMemberList(e2e.phone);
    const normalPx = await bodyTextPx(e2e.phone.page);
    expect(normalPx).toBe(18); // today's look at the browser's default 16 px
    await e2e.phone.page.screenshot({ path: shot('font-default.png'), fullPage: false });
    const normal = await auditPage(e2e.phone.page);
    expect(normal.findings).toEqual([]);
    expect(normal.targets).toBeGreaterThan(3);

    large = await openPhone({ defaultFontPx: LARGER_FONT_PX });
    await openMemberList(large);
    const largePx = await bodyTextPx(large.page);
    expect(largePx).toBeCloseTo((normalPx * LARGER_FONT_PX) / BROWSER_DEFAULT_FONT_PX, 1);
    await large.page.screenshot({ path: shot('font-large.png'), fullPage: false });
    const larger = await auditPage(large.page);
    expect(larger.findings).toEqual([]);
    expect(larger.texts).toBeGreaterThan(0);
  });

  it('would catch a row without a button role and a button that Tab skips (the audit can fail)', async () => {
    const { page } = e2e.phone;
    await page.evaluate(() => {
      const visibleOnly = (sel: string) => Array.from(document.querySelectorAll<HTMLElement>(sel)).find((el) => el.offsetParent !== null)!;
      visibleOnly('.row[role="button"]').removeAttribute('role');
      visibleOnly('taro-button-core').tabIndex = -1;
    });
    const kinds = (await auditPage(page)).findings.map((f) => f.kind);
    expect(kinds).toContain('tappable without role');
    expect(kinds).toContain('button not focusable');
  });

  it('lets the keyboard reach a button and a member row, and Enter or Space act on them', async () => {
    const phone = e2e.phone;
    await signIn(phone.page, e2e.stack.url, '张卫东（第一支部）');
    await seeText(phone.page, '党员名单');
    expect(await tabTo(phone, '党员名单')).toBe('button');
    await phone.page.keyboard.press('Enter');
    await seeText(phone.page, '点此查看详情');

    // The sub-page has a back bar; the first row of the list is reached by Tab and opened with Space.
    await seeText(phone.page, '‹ 返回');
    expect(await tabTo(phone, '点此查看详情')).toBe('button');
    await phone.page.keyboard.press('Space');
    await seeText(phone.page, /^修改/);

    // Enter on the back bar returns to the list.
    expect(await tabTo(phone, '返回')).toBe('button');
    await phone.page.keyboard.press('Enter');
    await seeText(phone.page, '点此查看详情');
  });
});
