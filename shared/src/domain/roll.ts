import type { SignedPeriod } from './locks';

/**
 * Who is on the branch's roll on a day. A member joins on the day they joined the party and leaves the
 * roll on the day they died (逝世) or left the branch (组织关系转出 and other departures): from that day
 * they receive no reminders, no session after it expects them, and no warning counts them; sessions
 * before it keep them, so past ledgers stay as they were.
 *
 * A departure recorded late may land in a period an inspector has already signed off. The day itself is
 * kept as it happened (`on`, what pages say), but its effect on the roll starts after the last signed-off
 * period (`effectiveOn`): a signed ledger never changes (see docs/data-model.md, "The period lock").
 */

/** The departure as the roll needs it: the China day (YYYY-MM-DD) from which the member is off the roll. */
export interface RollDeparture {
  effectiveOn: string;
}

export interface RollMember {
  joinedPartyOn: string;
  /** The day a member transferred in (组织关系转入) joined this branch's roll; absent for members who began here. */
  joinedBranchOn?: string | null;
  departure?: RollDeparture | null;
}

/**
 * Whether a member transferred in has arrived by `day`: the receiving branch counts them from the transfer
 * day, not before. (The sending branch keeps a record of them that departs on that same day, so each day
 * the member is on exactly one roll.)
 */
export function arrivedBy(member: Pick<RollMember, 'joinedBranchOn'>, day: string): boolean {
  return !member.joinedBranchOn || member.joinedBranchOn <= day;
}

/** Whether the member has left the roll by `day` (YYYY-MM-DD): on their departure's day they are off it. */
export function hasLeftBy(departure: RollDeparture | null | undefined, day: string): boolean {
  return !!departure && departure.effectiveOn <= day;
}

/** Whether a member is on the roll on `day`: joined by then and not yet left. */
export function onRollOn(member: RollMember, day: string): boolean {
  return member.joinedPartyOn <= day && arrivedBy(member, day) && !hasLeftBy(member.departure, day);
}

/**
 * The day a departure takes effect on the roll: the day it happened, or, when that falls in or before a
 * signed-off period, the day after the last such period (its records are sealed as they were signed).
 */
export function effectiveDepartureDay(on: string, signoffs: readonly Pick<SignedPeriod, 'end'>[]): string {
  return signoffs.reduce((day, s) => (s.end > day ? s.end : day), on);
}

/**
 * Whether recording a departure can be taken back without changing a signed ledger: not once a signed-off
 * period holds a day the departure already took effect on.
 */
export function departureUndoLocked(effectiveOn: string, signoffs: readonly Pick<SignedPeriod, 'end'>[]): boolean {
  return signoffs.some((s) => s.end > effectiveOn);
}

/** Why a departure day cannot be recorded, in words naming the field; undefined when it can. */
export function departureDayProblem(on: string, member: { joinedPartyOn: string }, today: string): string | undefined {
  if (on > today) return '日期：不能晚于今天';
  if (on < member.joinedPartyOn) return '日期：不能早于入党日期';
  return undefined;
}

/** Members off the roll and the day each left it, as the session views need them. */
export function departuresOf(members: readonly { id: string; departure?: RollDeparture | null }[]): Map<string, string> {
  return new Map(members.flatMap((m) => (m.departure ? [[m.id, m.departure.effectiveOn] as const] : [])));
}

/**
 * Those a session expects, as its day's roll has them: a member who left the roll on or before the
 * session's day (YYYY-MM-DD) is no longer expected; earlier sessions keep them.
 */
export function expectedOnRoll<E extends { memberId: string }>(expected: readonly E[], sessionDay: string, departures: ReadonlyMap<string, string>): E[] {
  return expected.filter((e) => {
    const left = departures.get(e.memberId);
    return !left || sessionDay < left;
  });
}
