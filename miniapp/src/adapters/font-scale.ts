import Taro from '@tarojs/taro';
import { fontScaleFor } from '@/services/font-scale';

let cached: number | undefined;

/** The user's WeChat font size as a scale factor (1 on H5, where the browser's zoom applies). */
export function userFontScale(): number {
  if (cached !== undefined) return cached;
  cached = 1;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      cached = fontScaleFor(Taro.getSystemInfoSync().fontSizeSetting);
    } catch {
      // An old base library without the field: keep the default size.
    }
  }
  return cached;
}
