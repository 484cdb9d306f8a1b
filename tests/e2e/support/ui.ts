import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the app signed out: the local login page with its demo accounts. */
export async function openSignedOut(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${url}/`);
}

/** Opens the app signed out and taps a demo account on the local login page. */
export async function signIn(page: Page, url: string, label: string): Promise<void> {
  await openSignedOut(page, url);
  await page.getByText(label).first().click();
}

/** Taps the visible button whose label holds `text` (Taro's H5 buttons are `taro-button-core`). */
export function tapButton(page: Page, text: string | RegExp): Promise<void> {
  return page.locator('taro-button-core').filter({ hasText: text }).filter({ visible: true }).first().click();
}

/**
 * Waits until a text is visible. Taro's H5 router keeps the pages below the current one in the
 * document, hidden: only visible matches count.
 */
export function seeText(page: Page, text: string | RegExp, timeout = 20_000) {
  return expect.poll(() => page.getByText(text).filter({ visible: true }).first().isVisible(), { timeout }).toBe(true);
}

/** The visible form field whose label is exactly `label` (the `.field` block of components/Field). */
export function fieldLabelled(page: Page, label: string) {
  return page.locator('.field').filter({ has: page.getByText(label, { exact: true }) }).filter({ visible: true });
}

/** The smallest font size, in CSS px, of any visible element that holds text (one CSS px is one pt at the phone's width). */
export function smallestTextPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    let min = Infinity;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const text = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
      const box = (el as HTMLElement).getBoundingClientRect();
      if (text && box.width > 0 && box.height > 0) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
}

/** Closes the phone, then the stack, after a file's tests (either may be missing if its setup failed). */
export async function closeAll(phone: { close(): Promise<void> } | undefined, stack: { stop(): Promise<void> } | undefined): Promise<void> {
  await phone?.close();
  await stack?.stop();
}
