import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { testClock } from '../../support/clock';
import { markTapHandlers } from './page-audit';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The environment without libfaketime: Chromium runs on the real clock and its pages get ours (below). */
function browserEnv(): Record<string, string> {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...rest } = process.env;
  return Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Chromium's own default font size (Settings, Appearance, Font size "Medium"), in CSS px. */
export const BROWSER_DEFAULT_FONT_PX = 16;

/**
 * Debian's Chromium, headless, on a phone-sized viewport (375 CSS px wide: one CSS px is one pt).
 * The pages' clock starts at the test run's "now" (tests/support/clock.ts) and runs, so under the
 * fixed-instant runs (scripts/at-instants.mjs) the browser, the API and the test agree on the date.
 * `defaultFontPx` is the reader's font size setting, written into the profile's preferences before
 * Chromium starts, exactly where the settings page puts it (webkit.webprefs.default_font_size).
 */
export async function openPhone(
  { defaultFontPx = BROWSER_DEFAULT_FONT_PX }: { defaultFontPx?: number } = {},
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'ltx-chromium-'));
  if (defaultFontPx !== BROWSER_DEFAULT_FONT_PX) {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: defaultFontPx } } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    env: browserEnv(),
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.clock.install({ time: testClock.now().getTime() });
  await context.addInitScript(markTapHandlers);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Where a screenshot goes: `test-results/screenshots` on an ordinary run, so tests leave the tree
 * clean; `docs/screenshots` (the committed ones) with `npm run screenshots`.
 */
export function shot(name: string): string {
  const dir = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
