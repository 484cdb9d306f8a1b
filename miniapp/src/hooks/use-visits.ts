import { useApi } from './api-context';
import { useAsync } from './use-async';

/** The member's open 送学上门 requests, with the status in words (drafts are left out by the API). */
export function useMemberVisits(memberId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.memberVisits(memberId as string), memberId ? `visits:${memberId}` : null);
}

/** Every open request of the branch, for the secretary. */
export function useBranchVisits(branchId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.branchVisits(branchId as string), branchId ? `branch-visits:${branchId}` : null);
}

/** The branch's paired contacts, whom the secretary can send. */
export function useBranchContacts(branchId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.branchContacts(branchId as string), branchId ? `contacts:${branchId}` : null);
}

/** The signed-in contact's visits, with what they need at the door. */
export function useMyVisits(enabled: boolean) {
  const api = useApi();
  return useAsync(() => api.myVisits(), enabled ? 'my-visits' : null);
}

/** One request. */
export function useVisit(requestId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.visit(requestId as string), requestId ? `visit:${requestId}` : null);
}
