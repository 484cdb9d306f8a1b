import Taro from '@tarojs/taro';

/** The one-time WeChat login code the API exchanges for a session. Mini-program only. */
export async function wechatLoginCode(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new Error('no login code');
  return code;
}

/** The demo-account list exists only in the local stack, which serves the H5 build. */
export const isH5 = process.env.TARO_ENV === 'h5';
