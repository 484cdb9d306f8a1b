import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '@/services/api-error';

export interface AsyncState<T> {
  data: T | undefined;
  /** The Chinese sentence to show when loading failed. */
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `key` changes (and on reload), keeping only the latest answer so a slow
 * earlier request cannot overwrite a newer one. A null key means "nothing to load yet". A failed
 * reload of the same key keeps the last answer and adds the error.
 */
export function useAsync<T>(load: () => Promise<T>, key: string | null): AsyncState<T> {
  // `for` is the key the state belongs to: in the render where the key has just changed (before the
  // effect below runs) the hook already says "loading", so a page never sees a stale "ready".
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean; for: string | null }>({ loading: key !== null, for: key });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  /** The key the data in hand answers. */
  const answeredFor = useRef<string | null>(null);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) {
      setState({ loading: false, for: key });
      return;
    }
    const run = ++latest.current;
    setState((s) => ({ data: s.data, loading: true, for: key }));
    loadRef.current().then(
      (data) => {
        if (run !== latest.current) return;
        answeredFor.current = key;
        setState({ data, loading: false, for: key });
      },
      // A reload that finds no network keeps what was shown (a contact's task list at a rural door) beside the error.
      (err: unknown) => run === latest.current && setState((s) => ({ ...(answeredFor.current === key ? { data: s.data } : {}), error: messageOf(err), loading: false, for: key })),
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading || (key !== null && state.for !== key), reload };
}
