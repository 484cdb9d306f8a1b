import { useState } from 'react';
import { useApi } from './api-context';
import { useAsync } from './use-async';
import { useSubmission } from './use-submission';
import { ApiError, messageOf } from '@/services/api-error';
import type { Call, CallInput } from '@/services/types';

/** Who phoned the member when (the member's page); nothing is asked when the reader may not record calls. */
export function useMemberCalls(memberId: string | undefined) {
  const api = useApi();
  return useAsync(async () => (await api.memberCalls(memberId as string)).items, memberId ?? null);
}

/**
 * One "已联系" for one member: the key is made when the row appears and kept for retries and double taps, so
 * the call is recorded once; after it lands the next one gets a new key.
 */
export function useRecordCall(memberId: string, onRecorded?: (call: Call) => void) {
  const api = useApi();
  const submission = useSubmission((input: CallInput, key: string) => api.recordCall(memberId, input, key));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  /** What the API said of each field (备注, 暂不提醒的时间), to show under it. */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [recorded, setRecorded] = useState<Call | undefined>();
  const record = async (input: CallInput): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const call = await submission.submit(input);
      submission.renew();
      setRecorded(call);
      onRecorded?.(call);
      return true;
    } catch (e) {
      setError(messageOf(e));
      setFieldErrors(e instanceof ApiError ? e.fieldMessages() : {});
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { record, busy, error, fieldErrors, recorded };
}
