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
