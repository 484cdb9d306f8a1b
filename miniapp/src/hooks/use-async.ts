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
 * earlier request cannot overwrite a newer one. A null key means "nothing to load yet".
 */
export function useAsync<T>(load: () => Promise<T>, key: string | null): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: key !== null });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) {
      setState({ loading: false });
      return;
    }
    const run = ++latest.current;
    setState((s) => ({ data: s.data, loading: true }));
    loadRef.current().then(
      (data) => run === latest.current && setState({ data, loading: false }),
      (err: unknown) => run === latest.current && setState({ error: messageOf(err), loading: false }),
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
