import { useApi } from './api-context';
import { useAsync } from './use-async';

/** The local stack's demo accounts; `enabled` is false where they do not exist (the mini-program). */
export function useDemoAccounts(enabled: boolean) {
  const api = useApi();
  return useAsync(() => api.demoAccounts(), enabled ? 'demo-accounts' : null);
}
