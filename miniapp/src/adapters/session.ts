import Taro from '@tarojs/taro';
import type { Session } from '@/services/types';
import { pages } from '@/services/routes';
import { goHome } from './navigation';
import { clearToken, setToken } from './storage';

/** Keeps a new session and opens the signed-in person's first page. */
export function startSession(session: Session): void {
  setToken(session.token);
  goHome(session.me.role);
}

/** Forgets the session and returns to the login page. */
export function endSession(): void {
  clearToken();
  void Taro.reLaunch({ url: pages.login });
}
