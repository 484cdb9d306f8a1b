import { chinaDay } from '../time/china-day';

/**
 * The period lock. Once an inspector signs a branch's period off, nothing whose effect is dated
 * inside it may change: not its sessions (plan, attendance, minutes, closing, amendments), not the
 * points entries dated in it (awards, reversals), not the 送学上门 visits of its sessions, not the
 * deliveries recorded in it, not the inspector's own opinions on it. A mistake found later is
 * corrected by a new record in the current period that refers to the old one and says why.
 *
 * A record's date is its China calendar day (UTC+8): a session's start, a points entry's `date`, a
 * delivery's `deliveredAt`. This module decides; services ask it and throw one typed error.
 */

/** A sign-off as far as the lock needs it: which period, from which day, up to which day (exclusive). */
export interface SignedPeriod {
  period: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Day after the last, YYYY-MM-DD. */
  end: string;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The China day a record is dated by: a day is taken as written, an instant by its date in China. */
export function lockDay(when: string): string {
  return dayPattern.test(when) ? when : chinaDay(when);
}

/** Which signed-off period, if any, covers this day or instant. */
export function signedPeriodCovering<T extends SignedPeriod>(signoffs: readonly T[], when: string): T | undefined {
  const day = lockDay(when);
  return signoffs.find((s) => day >= s.start && day < s.end);
}

/** The first of several dates a write touches that falls in a signed-off period (one write may touch two). */
export function firstLocked<T extends SignedPeriod>(signoffs: readonly T[], dates: readonly (string | undefined)[]): T | undefined {
  for (const when of dates) {
    const hit = when ? signedPeriodCovering(signoffs, when) : undefined;
    if (hit) return hit;
  }
  return undefined;
}
