import { useApi } from './api-context';
import { useAsync } from './use-async';

/** 变动通知 for the member's home: what the branch changed, until this reader taps 知道了. */
export function useNotices(memberId: string | undefined) {
  const api = useApi();
  return useAsync(() => api.notices(memberId as string), memberId ? `notices:${memberId}` : null);
}
