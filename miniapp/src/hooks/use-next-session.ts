import { useApi } from './api-context';
import { useAsync } from './use-async';
import { nextSession } from '@/services/next-session';
import type { AttendanceEntry, MemberSession } from '@/services/types';
import { deviceNow } from '@/adapters/clock';

export interface NextStudy {
  session: MemberSession;
  /** The member's own attendance line, with the leave reason or reflection when there is one. */
  mine: AttendanceEntry | undefined;
}

/**
 * The member's next study session (null when none is planned). The member's list carries only
 * the status; the session itself, read as that member, adds their own reason or reflection.
 */
export function useNextSession(memberId: string | undefined, now: () => Date = deviceNow) {
  const api = useApi();
  return useAsync<NextStudy | null>(async () => {
    const next = nextSession(await api.memberSessions(memberId as string), now());
    if (!next) return null;
    const detail = next.myStatus ? await api.session(next.id) : undefined;
    return { session: next, mine: detail?.attendance.find((a) => a.memberId === memberId) };
  }, memberId ?? null);
}
