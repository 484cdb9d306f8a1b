import { useState } from 'react';
import { messageOf } from '@/services/api-error';
import type { Feedback, FeedbackInput, FeedbackStatus } from '@/services/types';
import { useApi } from './api-context';
import { useAsync } from './use-async';
import { useSubmission } from './use-submission';

/** Writing one message: its Idempotency-Key is kept for every retry while the page lives, renewed after it lands. */
export function useSendFeedback() {
  const api = useApi();
  const submission = useSubmission((input: FeedbackInput, key: string) => api.sendFeedback(input, key));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState<Feedback | undefined>();
  const send = async (input: FeedbackInput): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      setSent(await submission.submit(input));
      submission.renew();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, sent, send, again: () => setSent(undefined) };
}

/** The writer's own messages with their answers. */
export function useMyFeedback() {
  const api = useApi();
  return useAsync(() => api.myFeedback(), 'my-feedback');
}

/** The administrator's messages of one status in their subtree, and answering one (the list reloads after). */
export function useOrgFeedback(orgId: string | undefined, status: FeedbackStatus) {
  const api = useApi();
  const list = useAsync(() => api.orgFeedback(orgId as string, status), orgId ? `${orgId}:${status}` : null);
  const [busy, setBusy] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const answer = async (feedbackId: string, text: string): Promise<boolean> => {
    setBusy(feedbackId);
    setErrors((e) => ({ ...e, [feedbackId]: '' }));
    try {
      await api.answerFeedback(feedbackId, { answer: text.trim() });
      list.reload();
      return true;
    } catch (e) {
      setErrors((all) => ({ ...all, [feedbackId]: messageOf(e) }));
      return false;
    } finally {
      setBusy(undefined);
    }
  };
  return { list, busy, errors, answer };
}
