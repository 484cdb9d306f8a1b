import Taro from '@tarojs/taro';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Calls `back` whenever sending is worth another try: the network came back, or the app was shown
 * again (WeChat brought to the front, the browser tab made visible). Registered once for the app.
 */
export function onChanceToSend(back: () => void): void {
  if (isH5) {
    if (typeof window === 'undefined') return;
    window.addEventListener('online', back);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') back();
    });
    return;
  }
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) back();
  });
  Taro.onAppShow(() => back());
}
