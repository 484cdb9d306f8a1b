import { useApi } from './api-context';
import { useAsync } from './use-async';

/** The branches of an organisation, for inspectors. */
export function useBranches(orgId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.branches(orgId as string), orgId ?? null);
}
