import { expectedOnRoll } from '@ltx/shared/domain/roll';
import { chinaDay } from '@ltx/shared/time/china-day';
import type { SessionRecord } from '../repositories/records';

/**
 * A session as its day's roll has it: a member who died or left on or before the session's China day is
 * no longer among those it expects (its attendance, quorum, coverage and ledger line); earlier sessions
 * keep them. The stored `expected` list is never rewritten, so taking a departure back restores them.
 * `departures` is `departuresOf(members)` (`domain/roll.ts`).
 */
export function sessionOnRoll<S extends Pick<SessionRecord, 'startsAt' | 'expected'>>(session: S, departures: ReadonlyMap<string, string>): S {
  if (departures.size === 0) return session;
  return { ...session, expected: expectedOnRoll(session.expected, chinaDay(session.startsAt), departures) };
}
