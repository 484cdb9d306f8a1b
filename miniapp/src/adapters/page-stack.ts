import Taro from '@tarojs/taro';

/**
 * Whether the page needs a back bar of its own: on H5, when it was opened from another page of the
 * app (a page opened afresh, by link or reload, has nowhere to go back to). WeChat draws its own back
 * arrow on weapp.
 */
export function needsBackBar(): boolean {
  if (process.env.TARO_ENV !== 'h5') return false;
  try {
    return Taro.getCurrentPages().length > 1;
  } catch {
    // No router around the page (a page rendered on its own, as in the component tests): nowhere to go back to.
    return false;
  }
}
