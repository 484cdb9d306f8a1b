/**
 * The one source of "now". Services, jobs, seeds and tests receive a `Clock`; nothing on a request
 * path calls `new Date()` for the current time, so every rule that depends on the date can be tested
 * at any instant (the fixed-instant runs of `npm test` move the whole process with libfaketime too).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at `at` (unit tests) or moves only when told (`advance`). */
export class ManualClock implements Clock {
  private current: number;
  constructor(at: Date | string) {
    this.current = new Date(at).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}
