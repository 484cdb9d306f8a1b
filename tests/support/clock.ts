import { systemClock, type Clock } from '@ltx/shared/time/clock';

/**
 * The one clock of a test run: the stack under test, the test data and the pages all read "now" from
 * here. It runs at the real pace from `TEST_NOW` (an ISO instant) when that is set, and is the
 * machine's clock otherwise. `scripts/at-instants.mjs` sets `TEST_NOW` (and moves the process with
 * libfaketime as well, for the libraries that read the system clock themselves).
 */
function startingAt(instant: string | undefined): Clock {
  // The machine's clock is read in one place, the product's own systemClock: here only to keep the pace.
  if (!instant) return systemClock;
  const start = Date.parse(instant);
  if (Number.isNaN(start)) throw new Error(`TEST_NOW is not an ISO instant: ${instant}`);
  const offset = start - systemClock.now().getTime();
  return { now: () => new Date(systemClock.now().getTime() + offset) };
}

export const testClock: Clock = startingAt(process.env.TEST_NOW);

/** Now, as the API's ISO timestamp. */
export const nowIso = (): string => testClock.now().toISOString();
