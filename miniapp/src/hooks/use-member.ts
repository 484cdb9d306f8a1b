import { useApi } from './api-context';
import { useAsync } from './use-async';

export function useMember(memberId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.member(memberId as string), memberId ?? null);
}
