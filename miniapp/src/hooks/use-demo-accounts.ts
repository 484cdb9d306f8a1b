import { ApiError } from '@/services/api-error';
import { useApi } from './api-context';
import { useAsync } from './use-async';

/**
 * The local stack's demo accounts; `enabled` is false where they are never asked for (the mini-program).
 * A deployed API has no such route (404): there are none, and the H5 login page offers the QR sign-in instead.
 */
export function useDemoAccounts(enabled: boolean) {
  const api = useApi();
  return useAsync(async () => {
    try {
      return await api.demoAccounts();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return [];
      throw e;
    }
  }, enabled ? 'demo-accounts' : null);
}
