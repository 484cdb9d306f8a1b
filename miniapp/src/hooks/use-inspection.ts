import { useApi } from './api-context';
import { useAsync } from './use-async';
import { collectItems } from '@/services/rectification-list';

/** Every branch of the organisation against the rules for one period, the short ones first. */
export function useCompliance(orgId: string | undefined, period: string) {
  const api = useApi();
  return useAsync(() => api.compliance(orgId as string, period), orgId ? `compliance:${orgId}:${period}` : null);
}

/** A branch's ledger (台账) for one period. */
export function useLedger(branchId: string | undefined, period: string | undefined) {
  const api = useApi();
  return useAsync(() => api.ledger(branchId as string, period as string), branchId && period ? `ledger:${branchId}:${period}` : null);
}

/** What is still missing before the period can be signed off (asked only on the sign-off tab). */
export function useSignoffCheck(branchId: string | undefined, period: string | undefined, wanted: boolean) {
  const api = useApi();
  return useAsync(() => api.signoffCheck(branchId as string, period as string), wanted && branchId && period ? `signoff-check:${branchId}:${period}` : null);
}

/**
 * The branch's rectification items from the reviews of several periods (the API lists reviews by
 * period), newest period first, each item with the opinion it came from.
 */
export function useBranchRectifications(branchId: string | undefined, periods: readonly string[]) {
  const api = useApi();
  const key = branchId ? `rectifications:${branchId}:${periods.join(',')}` : null;
  return useAsync(async () => collectItems(await Promise.all(periods.map((p) => api.reviews(branchId as string, p)))), key);
}
