import { useApi } from './api-context';
import { useAsync } from './use-async';

/** The branch's pending transfers both ways and the branches a member may go to (secretary, administrator). */
export function useTransfers(branchId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.transfers(branchId as string), branchId ?? null);
}
