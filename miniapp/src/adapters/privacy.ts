import Taro from '@tarojs/taro';
import { createPrivacyGate } from '@/services/privacy-gate';

/** The one gate of the app: every page's popup shows its state (components/PrivacyPopup). */
export const privacyGate = createPrivacyGate();

/**
 * Hands WeChat's "this privacy API needs the person's agreement" to the gate. Called once, when the app starts.
 * H5 has no such API (a browser asks for files itself), nor does a base library older than 2.32.3, which does
 * not hold privacy APIs back either: then nothing is registered and the popup never shows.
 */
export function listenForPrivacyRequests(): void {
  if (process.env.TARO_ENV === 'h5' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve, info) => privacyGate.ask(resolve, info));
}

/** Opens the 隐私保护指引 as declared in WeChat's console (the popup's link). Not on H5, where the popup never shows. */
export function openPrivacyGuide(): void {
  if (process.env.TARO_ENV === 'h5' || typeof Taro.openPrivacyContract !== 'function') return;
  Taro.openPrivacyContract({});
}

/**
 * The agree button's platform half. WeChat: `open-type="agreePrivacyAuthorization"`, whose own event is the agreement
 * (WeChat checks that this button was tapped before letting the waiting API go on). H5 has neither (the popup never
 * shows there; under the DOM tests a click stands in for the event).
 */
export function agreeButtonProps(onAgree: () => void): Record<string, unknown> {
  if (process.env.TARO_ENV === 'h5') return { onClick: onAgree };
  return { openType: 'agreePrivacyAuthorization', onAgreePrivacyAuthorization: onAgree };
}
