import { useApi } from './api-context';
import { useAsync } from './use-async';

/** A branch's members, sorted by name by the API. Waits until the branch is known. */
export function useMembers(branchId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.members(branchId as string), branchId ?? null);
}
