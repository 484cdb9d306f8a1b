import { useRef } from 'react';
import { createSubmission, type Submission } from '@/services/idempotency';

/**
 * A submission made once when the page opens: its Idempotency-Key is kept for every retry and
 * double tap while the page lives. `send` may change between renders; the latest one is used.
 */
export function useSubmission<I, R>(send: (input: I, key: string) => Promise<R>): Submission<I, R> {
  const sendRef = useRef(send);
  sendRef.current = send;
  const ref = useRef<Submission<I, R> | null>(null);
  if (!ref.current) ref.current = createSubmission<I, R>((input, key) => sendRef.current(input, key));
  return ref.current;
}
