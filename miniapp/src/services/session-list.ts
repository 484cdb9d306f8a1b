import { addChinaDays, chinaDay } from '@ltx/shared/time/china-day';
import { sessionLimits } from '@ltx/shared/limits';
/**
 * The branch's record list: this year's sessions and those already planned for early next year (up to the API's
 * 400-day window), so that on New Year's Eve the meeting planned for January is there too.
 */
export function sessionListWindow(today: string): { from: string; to: string } {
  const from = `${today.slice(0, 4)}-01-01`;
  return { from, to: addChinaDays(from, sessionLimits.listDays - 1) };
}

/** How many of the listed sessions fall in `today`'s year, and how many are planned beyond it. */
export function countByYear(sessions: readonly { startsAt: string }[], today: string): { thisYear: number; later: number } {
  const year = today.slice(0, 4);
  const thisYear = sessions.filter((s) => chinaDay(s.startsAt).startsWith(year)).length;
  return { thisYear, later: sessions.length - thisYear };
}

/** Newest first: the latest session at the top of the list. */
export function newestFirst<T extends { startsAt: string }>(sessions: readonly T[]): T[] {
  return [...sessions].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
}

/** Where the branch met most recently (for the next plan's default place), if it has met. */
export function lastPlace(sessions: readonly { startsAt: string; place: string }[]): string | undefined {
  return newestFirst(sessions)[0]?.place;
}

/** Reminders by when they are due, soonest first; pending ones before those already handled. */
export function outboxOrder<T extends { dueAt: string; status: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Number(a.status !== 'pending') - Number(b.status !== 'pending') || Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
