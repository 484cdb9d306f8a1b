import Taro from '@tarojs/taro';

/** Digits and "+" only: what a dialler accepts. */
const dialable = (phone: string) => phone.replace(/[^\d+]/g, '');

/**
 * Rings a number in one tap: WeChat opens its call sheet (the phone's own, not ours); H5 follows
 * a tel: link, which a phone's browser hands to the dialler. Resolves false when it could not start.
 */
export async function callPhone(phone: string): Promise<boolean> {
  const number = dialable(phone);
  if (!number) return false;
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${number}`;
    return true;
  }
  try {
    await Taro.makePhoneCall({ phoneNumber: number });
    return true;
  } catch {
    // The person closed WeChat's call sheet, or the phone cannot call.
    return false;
  }
}
