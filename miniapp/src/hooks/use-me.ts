import { useApi } from './api-context';
import { useAsync } from './use-async';

/** The signed-in person: role, branch, and the member they are or act for. */
export function useMe() {
  const api = useApi();
  return useAsync(() => api.me(), 'me');
}
