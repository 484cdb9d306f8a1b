import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, messageOf } from '@/services/api-error';
import type { Session } from '@/services/types';
import { useApi } from './api-context';

/** How often the page asks whether the phone has confirmed: quick enough to feel immediate, well under the API's limit. */
export const consolePollMs = 2000;

export interface ConsoleLoginView {
  /** The mini-program code to show (a data URL), once made. */
  codeImage?: string;
  /** The code can no longer be used: the page offers a new one. */
  expired: boolean;
  error?: string;
  /** Asks for a new code (the first one is asked when the hook is enabled). */
  renew: () => void;
}

/**
 * The web console's QR sign-in: asks the API for a one-time mini-program code, then polls until the
 * person who scanned it confirms on the phone, and hands the session it receives to `onSignedIn`.
 */
export function useConsoleLogin(enabled: boolean, onSignedIn: (session: Session) => void): ConsoleLoginView {
  const api = useApi();
  const [login, setLogin] = useState<{ loginId: string; codeImage: string } | undefined>();
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  const renew = useCallback(() => {
    setExpired(false);
    setError(undefined);
    setLogin(undefined);
    api.startConsoleLogin().then(
      (created) => setLogin({ loginId: created.loginId, codeImage: created.codeImage }),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [api]);

  useEffect(() => {
    if (enabled) renew();
  }, [enabled, renew]);

  useEffect(() => {
    if (!login || expired) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const state = await api.consoleLoginState(login.loginId);
        if (stopped) return;
        if (state.status === 'signedIn' && state.session) return signedIn.current(state.session);
        setError(undefined);
      } catch (e) {
        if (stopped) return;
        // 410 expired or used, 429 asked too often: this code is done; anything else (the network) is tried again.
        if (e instanceof ApiError && (e.status === 410 || e.status === 429)) return setExpired(true);
        setError(messageOf(e));
      }
      timer = setTimeout(() => void ask(), consolePollMs);
    };
    timer = setTimeout(() => void ask(), consolePollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, login, expired]);

  return { codeImage: login?.codeImage, expired, error, renew };
}
