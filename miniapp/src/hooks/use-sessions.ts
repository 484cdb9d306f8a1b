import { useApi } from './api-context';
import { useAsync } from './use-async';

/** One session with its attendance, minutes and amendments. */
export function useSession(sessionId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.session(sessionId as string), sessionId ?? null);
}

/** This year's sessions of a branch. */
export function useBranchSessions(branchId: string | undefined, window?: { from: string; to: string }) {
  const api = useApi();
  return useAsync(() => api.branchSessions(branchId as string, window), branchId ? `sessions:${branchId}:${window?.from ?? ''}:${window?.to ?? ''}` : null);
}

/** The secretary's home: members quiet for five months and the next sessions. */
export function useOverview(branchId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.overview(branchId as string), branchId ?? null);
}

/** Reminders waiting to go out (WeChat) or to be phoned through. */
export function useOutbox(branchId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.outbox(branchId as string), branchId ? `outbox:${branchId}` : null);
}
