import Taro from '@tarojs/taro';
import { fontScaleFor } from '@/services/font-scale';

let cached: number | undefined;

/** What `wx.getAppBaseInfo` answers about type size (fontSizeSetting since base library 2.23.4). */
interface AppBaseInfo {
  fontSizeSetting?: number;
}

/**
 * The user's WeChat font size as a scale factor for the page's type. On weapp it comes from
 * `getAppBaseInfo` (the old `getSystemInfoSync` is deprecated). On H5 it is always 1: there the
 * root font follows the browser's own font size (src/index.html), which already scales every rem.
 */
export function userFontScale(): number {
  if (cached !== undefined) return cached;
  cached = 1;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      cached = fontScaleFor((Taro.getAppBaseInfo() as AppBaseInfo).fontSizeSetting);
    } catch {
      // A base library older than 2.20.1 has no getAppBaseInfo: keep the default (elder-minimum) size.
    }
  }
  return cached;
}
