import { useState } from 'react';
import { messageOf } from '@/services/api-error';
import type { CareCardInput, CareCardPage } from '@/services/care-card';
import { useApi } from './api-context';
import { useAsync } from './use-async';
import { useSubmission } from './use-submission';

/** The member's care card: read it, and save what is on it (one Idempotency-Key per save, kept for its retries). */
export function useCareCard(memberId: string | undefined) {
  const api = useApi();
  const page = useAsync(() => api.careCard(memberId as string), memberId ?? null);
  const saves = useSubmission((input: CareCardInput, key: string) => api.saveCareCard(memberId as string, input, key));
  const [saved, setSaved] = useState<CareCardPage | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const save = async (input: CareCardInput): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      setSaved(await saves.submit(input));
      saves.renew();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { page: { ...page, data: saved ?? page.data }, busy, error, save };
}
