import { useApi } from './api-context';
import { useAsync } from './use-async';

/** One member's points for a year: total, categories and every entry (reversed ones marked). */
export function useMemberPoints(memberId: string | undefined, year: number) {
  const api = useApi();
  return useAsync(() => api.memberPoints(memberId as string, year), memberId ? `points:${memberId}:${year}` : null);
}

/** The branch table for a year, by name unless the secretary asks for totals. */
export function useBranchPoints(branchId: string | undefined, year: number) {
  const api = useApi();
  return useAsync(() => api.branchPoints(branchId as string, year), branchId ? `branch-points:${branchId}:${year}` : null);
}
