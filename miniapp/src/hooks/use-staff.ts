import { useApi } from './api-context';
import { useAsync } from './use-async';

/** Who holds which role in an organisation, and the invites not yet taken up (administrators). */
export function useStaff(orgId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.staff(orgId as string), orgId ?? null);
}
