import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the app signed out and taps a demo account on the local login page. */
export async function signIn(page: Page, url: string, label: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${url}/`);
  await page.getByText(label).first().click();
}

/**
 * Waits until a text is visible. Taro's H5 router keeps the pages below the current one in the
 * document, hidden: only visible matches count.
 */
export function seeText(page: Page, text: string | RegExp, timeout = 20_000) {
  return expect.poll(() => page.getByText(text).filter({ visible: true }).first().isVisible(), { timeout }).toBe(true);
}
