/**
 * A catch-all stand-in for the `wx` global of WeChat's runtime: every API exists, async ones
 * succeed on the next tick, `request` is answered by a caller-supplied fake API, and storage is a
 * plain map. Calls are recorded so a test can see what the app asked for.
 */

/** What wx.request gets back from the caller's fake API. */
import { createPrivacyCheck, type PrivacyCheck } from './wx-privacy';
import { createSpeechStub, type SpeechStub } from './wx-speech';

export type RequestAnswer = (method: string, url: string, body: unknown) => { status: number; body: unknown };

/**
 * Taro copies `Object.keys(wx)` onto its `Taro` object at start-up, so an API must be listed here
 * to exist as Taro.NAME; any name still works when called on `wx` directly. An API the app uses
 * that is missing here shows up in the smoke run as "Taro.NAME is not a function": add it.
 */
const apiNames = `
  request uploadFile downloadFile connectSocket login checkSession getUserProfile getUserInfo getPhoneNumber
  getStorage setStorage removeStorage clearStorage getStorageInfo getStorageSync setStorageSync removeStorageSync
  clearStorageSync getStorageInfoSync getSystemInfo getSystemInfoSync getSystemInfoAsync getWindowInfo getDeviceInfo
  getAppBaseInfo getSystemSetting getAppAuthorizeSetting getAccountInfoSync getLaunchOptionsSync getEnterOptionsSync
  getMenuButtonBoundingClientRect getNetworkType onNetworkStatusChange offNetworkStatusChange getSetting openSetting
  authorize navigateTo redirectTo reLaunch switchTab navigateBack navigateToMiniProgram exitMiniProgram
  showToast hideToast showLoading hideLoading showModal showActionSheet setNavigationBarTitle
  setNavigationBarColor showNavigationBarLoading hideNavigationBarLoading setBackgroundColor setBackgroundTextStyle
  startPullDownRefresh stopPullDownRefresh pageScrollTo createSelectorQuery createIntersectionObserver
  createAnimation createVideoContext createCanvasContext createInnerAudioContext setInnerAudioOption nextTick
  makePhoneCall setClipboardData getClipboardData vibrateShort vibrateLong scanCode previewImage chooseMedia
  chooseImage chooseMessageFile saveImageToPhotosAlbum getImageInfo requestSubscribeMessage showShareMenu hideShareMenu
  updateShareMenu hideKeyboard onAppShow offAppShow onAppHide offAppHide onError offError onUnhandledRejection
  onPageNotFound onThemeChange offThemeChange onMemoryWarning reportAnalytics reportEvent getUpdateManager
  getLogManager getRealtimeLogManager getPerformance loadFontFace canIUse
  onNeedPrivacyAuthorization getPrivacySetting openPrivacyContract requirePrivacyAuthorize
`.split(/\s+/).filter(Boolean);

/** Names that must not look like APIs: webpack's chunk list, and what a Promise check probes. */
const notApis = new Set(['webpackJsonp', 'then', 'toJSON', 'constructor', 'valueOf', 'toString']);

/** A thing every method of which returns itself: selector queries, animations, request tasks... */
function chainable(): unknown {
  const self: unknown = new Proxy(function () {}, {
    get: (_t, name) => (name === 'then' ? undefined : name === 'exec' ? (cb?: (r: unknown[]) => void) => cb?.([]) : () => self),
    apply: () => self,
  });
  return self;
}

const systemInfo = {
  brand: 'devtools', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390,
  windowHeight: 763, statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0', platform: 'devtools',
  fontSizeSetting: 16, SDKVersion: '3.5.0', safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
};

export interface WxStub {
  wx: Record<string, unknown>;
  /** Every API called, in order, with its first argument. */
  calls: { name: string; arg: unknown }[];
  storage: Map<string, unknown>;
  /** WeChat's privacy check (wx-privacy.ts): privacy APIs wait for the person's agreement. */
  privacy: PrivacyCheck;
  /** WeChat's speech: the 同声传译 plugin (for `requirePlugin`) and the inner audio context (wx-speech.ts). */
  speech: SpeechStub;
  /** Async callbacks not yet delivered: the page is not settled while this is above zero. */
  pending(): number;
}

export function createWxStub(answerRequest: RequestAnswer, storage = new Map<string, unknown>(), plugins: Record<string, unknown> = {}): WxStub {
  const calls: WxStub['calls'] = [];
  const privacy = createPrivacyCheck();
  let pending = 0;
  const later = (fn: () => void) => {
    pending++;
    setTimeout(() => {
      pending--;
      fn();
    }, 0);
  };
  const speech = createSpeechStub(later, Object.keys(plugins));

  /** Sync results for the few APIs whose answer the app reads; `undefined` for any other. */
  function sync(name: string, args: unknown[]): unknown {
    const [key, value] = args as [string, unknown];
    switch (name) {
      case 'getStorageSync':
        return storage.has(key) ? storage.get(key) : '';
      case 'setStorageSync':
        storage.set(key, value);
        return undefined;
      case 'removeStorageSync':
        storage.delete(key);
        return undefined;
      case 'clearStorageSync':
        storage.clear();
        return undefined;
      case 'getStorageInfoSync':
        return { keys: [...storage.keys()], currentSize: 1, limitSize: 10240 };
      case 'getAccountInfoSync':
        return { miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } };
      case 'getLaunchOptionsSync':
      case 'getEnterOptionsSync':
        return { path: '', query: {}, scene: 1001, referrerInfo: {} };
      case 'canIUse':
        return true;
      default:
        return /^get(SystemInfo|WindowInfo|DeviceInfo|AppBaseInfo)/.test(name) ? systemInfo : undefined;
    }
  }

  /** The success result of an async API; `request` goes to the fake API. */
  function asyncResult(name: string, options: Record<string, unknown>): Record<string, unknown> {
    const ok = { errMsg: `${name}:ok` };
    switch (name) {
      case 'request': {
        const header = (options.header ?? {}) as Record<string, string>;
        const method = header['X-HTTP-Method-Override'] ?? String(options.method ?? 'GET').toUpperCase();
        const { status, body } = answerRequest(method, String(options.url), options.data);
        return { ...ok, statusCode: status, data: body, header: { 'content-type': 'application/json' } };
      }
      case 'login':
        return { ...ok, code: 'smoke-login-code' };
      case 'getStorage':
        return { ...ok, data: storage.get(String(options.key)) };
      case 'setStorage':
        storage.set(String(options.key), options.data);
        return ok;
      case 'removeStorage':
        storage.delete(String(options.key));
        return ok;
      case 'getNetworkType':
        return { ...ok, networkType: 'wifi' };
      case 'showModal':
        return { ...ok, confirm: true, cancel: false };
      case 'chooseMedia':
        return { ...ok, type: 'image', tempFiles: [{ tempFilePath: 'http://tmp/smoke-photo.jpg', size: 24_576, fileType: 'image', width: 800, height: 600 }] };
      case 'uploadFile':
        return { ...ok, statusCode: 204, data: '' };
      case 'getPrivacySetting':
        return { ...ok, needAuthorization: !privacy.agreed(), privacyContractName: '《支部之家小程序隐私保护指引》' };
      default:
        return /^getSystemInfo/.test(name) ? { ...ok, ...systemInfo } : ok;
    }
  }

  function api(name: string) {
    return (...args: unknown[]) => {
      calls.push({ name, arg: args[0] });
      if (name === 'canIUse' || name.endsWith('Sync') || /^get(WindowInfo|DeviceInfo|AppBaseInfo)$/.test(name)) return sync(name, args);
      if (name === 'createInnerAudioContext') return speech.createInnerAudioContext();
      if (/^create|^get(UpdateManager|LogManager|RealtimeLogManager|Performance)$/.test(name)) return chainable();
      if (name === 'onNeedPrivacyAuthorization') return privacy.listen(args[0] as Parameters<PrivacyCheck['listen']>[0]);
      const options = args[0];
      if (options && typeof options === 'object' && ('success' in options || 'fail' in options || 'complete' in options)) {
        type Callback = (r: unknown) => void;
        const o = options as Record<string, unknown> & { success?: Callback; fail?: Callback; complete?: Callback };
        const succeed = () =>
          later(() => {
            const result = asyncResult(name, o);
            o.success?.(result);
            o.complete?.(result);
          });
        const refuse = (errMsg: string) =>
          later(() => {
            o.fail?.({ errMsg });
            o.complete?.({ errMsg });
          });
        // A privacy API may wait, unseen by `pending`, for the person's answer in the popup.
        if (!privacy.gate(name, succeed, refuse)) succeed();
        return name === 'request' || name === 'uploadFile' || name === 'downloadFile' || name === 'connectSocket' ? chainable() : undefined;
      }
      // WeChat's base library answers an async API called without callbacks with a promise: Taro passes such
      // calls straight through (it promisifies only some APIs itself; chooseMedia and chooseMessageFile not).
      if (options && typeof options === 'object' && !/^(on|off)[A-Z]/.test(name)) {
        return new Promise((resolve, reject) => {
          const succeed = () => later(() => resolve(asyncResult(name, options as Record<string, unknown>)));
          const refuse = (errMsg: string) => later(() => reject({ errMsg }));
          if (!privacy.gate(name, succeed, refuse)) succeed();
        });
      }
      return undefined;
    };
  }

  const own: Record<string | symbol, unknown> = {};
  const wx = new Proxy(own, {
    get: (t, name) => (name in t ? t[name] : typeof name === 'string' && !notApis.has(name) ? api(name) : undefined),
    set: (t, name, value) => ((t[name] = value), true),
    has: (t, name) => name in t || (typeof name === 'string' && !notApis.has(name)),
    ownKeys: (t) => [...new Set([...Reflect.ownKeys(t), ...apiNames])],
    getOwnPropertyDescriptor: (t, name) =>
      Reflect.getOwnPropertyDescriptor(t, name) ??
      (typeof name === 'string' && apiNames.includes(name) ? { configurable: true, enumerable: true, writable: true, value: api(name) } : undefined),
  }) as Record<string, unknown>;

  return { wx, calls, storage, privacy, speech, pending: () => pending };
}
