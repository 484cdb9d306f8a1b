import { systemClock, type Clock } from '@ltx/shared/time/clock';

/**
 * The phone's "now", read in one place: pages and hooks ask `deviceNow()` rather than `new Date()`,
 * so the DOM tests can run the pages on the test run's clock (tests/support/clock.ts) at any instant.
 */
let current: Clock = systemClock;

export const deviceNow = (): Date => current.now();

/** Tests only: the clock the pages read from now on. */
export function setDeviceClock(clock: Clock): void {
  current = clock;
}
