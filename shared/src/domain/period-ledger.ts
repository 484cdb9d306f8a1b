import type { PointsRules } from '../schemas/points';
import type { VisitStatus } from '../schemas/visit';
import { inPeriod, type Period } from './periods';
import { chinaDayStart } from '../time/china-day';
import { liveEntries, tally, type LedgerEntry } from './points-rules';
import { openVisitStatuses } from './visit-rules';
import { hasLeftBy, type RollMember } from './roll';

/**
 * What belongs to one period's ledger (台账): a ledger of October is October's book, whatever day it
 * is read or printed on. Every function here reads the records as they stood at the period's end.
 */

/**
 * Whether a member is on the period's roll on at least one of its days: joined (入党) by its end and
 * not off the roll (逝世 or left, `domain/roll.ts`) from its first day.
 */
export function onRoll(member: RollMember, period: Period): boolean {
  if (member.joinedPartyOn >= period.end) return false;
  // A member transferred in is on the receiving roll from the transfer day (`domain/roll.ts`).
  if (member.joinedBranchOn && member.joinedBranchOn >= period.end) return false;
  return !hasLeftBy(member.departure, period.start);
}

/** A request's status at an instant, from its history; undefined when it did not exist yet. */
export function visitStatusAt(visit: { history: { to: string; at: string }[] }, iso: string): VisitStatus | undefined {
  let status: string | undefined;
  for (const step of visit.history) if (step.at < iso) status = step.to;
  return status as VisitStatus | undefined;
}

/** Whether a request was still open at the period's end (requested by then, not done or cancelled by then). */
export function openAtEnd(visit: { history: { to: string; at: string }[] }, period: Period): boolean {
  const status = visitStatusAt(visit, chinaDayStart(period.end));
  return !!status && openVisitStatuses.includes(status);
}

export interface DatedEntry extends LedgerEntry {
  date: string;
}

/**
 * A member's points for the period: `earned`, the live entries dated in it (a reversal carries the
 * date of the entry it cancels); `total`, the year's tally from the entries dated up to its end.
 */
export function pointsOfPeriod(entries: DatedEntry[], period: Period, rules: PointsRules): { earned: number; total: number } {
  const upToEnd = entries.filter((e) => e.date < period.end);
  const earned = liveEntries(upToEnd.filter((e) => inPeriod(period, e.date))).reduce((sum, e) => sum + e.points, 0);
  return { earned, total: tally(upToEnd, rules).total };
}
