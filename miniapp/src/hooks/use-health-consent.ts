import { useState } from 'react';
import { messageOf } from '@/services/api-error';
import type { HealthConsentPage } from '@/services/health-consent';
import { useApi } from './api-context';
import { useAsync } from './use-async';
import { useSubmission } from './use-submission';

/**
 * The member's consent to keep health data: the page to read, giving it (with the photo of a signed
 * form when the secretary records it), and withdrawing it after the confirm step. Each write keeps its
 * Idempotency-Key for every retry while the page lives.
 */
export function useHealthConsent(memberId: string | undefined) {
  const api = useApi();
  const page = useAsync(() => api.healthConsent(memberId as string), memberId ?? null);
  const gives = useSubmission((a: { termsVersion: string; paperFormUploadId?: string }, key: string) => api.giveHealthConsent(memberId as string, a, key));
  const withdrawals = useSubmission((_: null, key: string) => api.withdrawHealthConsent(memberId as string, key));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [current, setCurrent] = useState<HealthConsentPage | undefined>();

  /** After a success the next giving or withdrawal is another record: its submission gets a new key. */
  const run = async (work: () => Promise<HealthConsentPage>, next: { renew(): void }, doneText: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setCurrent(await work());
      next.renew();
      setDone(doneText);
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const data = current ?? page.data;
  return {
    page: { ...page, data },
    busy,
    error,
    done,
    give: (paperFormUploadId?: string) =>
      data ? run(() => gives.submit({ termsVersion: data.terms.version, ...(paperFormUploadId ? { paperFormUploadId } : {}) }), gives, '已登记同意。') : Promise.resolve(false),
    withdraw: () => run(() => withdrawals.submit(null), withdrawals, '已撤回同意，健康和照护信息已删除。'),
  };
}
