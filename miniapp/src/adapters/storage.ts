import Taro from '@tarojs/taro';

const TOKEN_KEY = 'token';

export function getToken(): string {
  const stored: unknown = Taro.getStorageSync(TOKEN_KEY);
  if (typeof stored === 'string' && stored) return stored;
  // On H5 Taro wraps stored values as {"data": ...}; a token put into localStorage by hand
  // (a test or the elder-audit tool's --storage token=...) is read as it is.
  if (process.env.TARO_ENV === 'h5' && typeof localStorage !== 'undefined') {
    const raw = localStorage.getItem(TOKEN_KEY);
    if (raw && !raw.startsWith('{')) return raw;
  }
  return '';
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}

const SIGN_OUT_KEY = 'signedOutBecause';

/** Why the app just returned to the login page (a withdrawn role, a changed one), for that page to say once. */
export function noteSignOut(reason: string): void {
  Taro.setStorageSync(SIGN_OUT_KEY, reason);
}

export function takeSignOutNote(): string | undefined {
  const stored: unknown = Taro.getStorageSync(SIGN_OUT_KEY);
  Taro.removeStorageSync(SIGN_OUT_KEY);
  return typeof stored === 'string' && stored ? stored : undefined;
}

const PENDING_KEY = 'pendingUploads';

/** The 待上传 queue (services/pending-queue.ts), as text: kept across restarts. */
export const pendingStore = {
  load(): string | undefined {
    const stored: unknown = Taro.getStorageSync(PENDING_KEY);
    return typeof stored === 'string' && stored ? stored : undefined;
  },
  save(text: string): void {
    Taro.setStorageSync(PENDING_KEY, text);
  },
};
