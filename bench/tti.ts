/**
 * The H5 member home's time to interactive, in Debian's headless Chromium (flags as in
 * tests/e2e/support/browser.ts) on a phone-sized screen, with the CPU slowed 4x through the
 * DevTools protocol (Emulation.setCPUThrottlingRate): an old phone's processor.
 *
 * Defined as the later of
 *   (a) the first animation frame in which the next-session card (`.next-session__kind`, the kind
 *       of the member's next study) is in the page, and
 *   (b) the end of the last long task (50 ms or more on the main thread) before the main thread
 *       stays free of long tasks for a whole second,
 * counted from navigation start. Each run is a fresh browser profile: nothing cached, as on a
 * first open. The member is signed in by the token in localStorage, as the e2e tests do.
 */
import { openPhone } from '../tests/e2e/support/browser';
import { distribution, type Distribution } from './load';

export const cpuSlowdown = 4;
const quietMs = 1000;
const runs = 3;

export interface TtiRun {
  /** Navigation start to the frame that painted the next-session card. */
  cardPaintedMs: number;
  /** End of the last long task before the quiet second (0 if none). */
  lastLongTaskEndMs: number;
  interactiveMs: number;
  longTasks: number;
  longTaskTotalMs: number;
  domContentLoadedMs: number;
  requests: number;
  transferKb: number;
}

export interface TtiResult {
  url: string;
  cpuSlowdown: number;
  runs: TtiRun[];
  interactiveMs: Distribution;
}

declare global {
  interface Window {
    __bench: { longTasks: [number, number][]; cardPaintedAt: number | null };
  }
}

async function once(baseUrl: string, token: string): Promise<TtiRun> {
  // The same phone-sized Chromium the e2e tests use (Debian's, headless, 375 x 812 at 2x, fresh profile).
  const { context, close } = await openPhone();
  try {
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await context.addInitScript(`
      localStorage.setItem('token', ${JSON.stringify(token)});
      window.__bench = { longTasks: [], cardPaintedAt: null };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      // Checked every frame: the first frame whose callback finds the card is the one that paints it.
      function look() {
        if (document.querySelector('.next-session__kind')) window.__bench.cardPaintedAt = performance.now();
        else requestAnimationFrame(look);
      }
      requestAnimationFrame(look);
    `);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(`${baseUrl}/#/pages/home/index`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.cardPaintedAt !== null, null, { timeout: 60_000, polling: 50 });
    await page.waitForFunction(
      (quiet: number) => {
        const b = window.__bench;
        const last = Math.max(b.cardPaintedAt ?? 0, ...b.longTasks.map(([s, d]) => s + d));
        return performance.now() - last >= quiet;
      },
      quietMs,
      { timeout: 60_000, polling: 100 },
    );
    const r = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        cardPaintedAt: b.cardPaintedAt!,
        longTasks: b.longTasks,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
        requests: resources.length + 1,
        transfer: resources.reduce((a, e) => a + (e.transferSize || 0), nav?.transferSize ?? 0),
      };
    });
    const lastLongTaskEnd = Math.max(0, ...r.longTasks.map(([s, d]) => s + d));
    const round = (x: number) => Math.round(x);
    return {
      cardPaintedMs: round(r.cardPaintedAt),
      lastLongTaskEndMs: round(lastLongTaskEnd),
      interactiveMs: round(Math.max(r.cardPaintedAt, lastLongTaskEnd)),
      longTasks: r.longTasks.length,
      longTaskTotalMs: round(r.longTasks.reduce((a, [, d]) => a + d, 0)),
      domContentLoadedMs: round(r.domContentLoaded),
      requests: r.requests,
      transferKb: Math.round(r.transfer / 102.4) / 10,
    };
  } finally {
    await close();
  }
}

/** Median of a few cold loads of the member home. */
export async function measureTti(baseUrl: string, memberToken: string): Promise<TtiResult> {
  const results: TtiRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(baseUrl, memberToken));
  return { url: '/#/pages/home/index', cpuSlowdown, runs: results, interactiveMs: distribution(results.map((r) => r.interactiveMs)) };
}
