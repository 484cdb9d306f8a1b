/**
 * WeChat's privacy check as the base library runs it (2.32.3 on; 小程序隐私协议开发指南 and
 * wx.onNeedPrivacyAuthorization's page), for the stubbed `wx`:
 *  - until the person has agreed, a privacy API (the choosers below) is held, not run, and the listener given to
 *    `onNeedPrivacyAuthorization` is called with `resolve` and `{ referrer: API name }`;
 *  - `resolve({ event: 'agree', buttonId })` runs every held call, but only when a button with that id and
 *    `open-type="agreePrivacyAuthorization"` was tapped (the base library checks); otherwise the held calls fail;
 *  - `resolve({ event: 'disagree' })` fails them with "API:fail privacy permission is not authorized";
 *    `resolve({ event: 'exposureAuthorization' })` only tells WeChat that the popup is on screen.
 * With no listener registered, WeChat shows its own popup: recorded as `unguarded`, then run.
 */

/** The privacy APIs, with what WeChat's 隐私保护指引 form calls what they collect (docs/privacy.md lists the product's). */
export const privacyApis = new Set([
  'chooseMedia', 'chooseImage', 'chooseVideo', 'chooseMessageFile', 'getLocation', 'getFuzzyLocation', 'chooseLocation', 'choosePoi',
  'chooseAddress', 'getClipboardData', 'setClipboardData', 'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum', 'startRecord',
  'addPhoneContact', 'getWeRunData', 'chooseInvoice', 'chooseInvoiceTitle', 'chooseLicensePlate', 'openBluetoothAdapter',
]);

export type PrivacyEvent = { event: 'agree'; buttonId?: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };
type Listener = (resolve: (answer: PrivacyEvent) => void, info: { referrer: string }) => void;

/** What the privacy check saw during a run: the smoke test asserts on this. */
export interface PrivacyLog {
  /** Each time the listener was called, the API that asked. */
  asked: string[];
  /** Every `resolve` the app made, in order. */
  answers: PrivacyEvent[];
  /** APIs run only after the person agreed, in order. */
  released: string[];
  /** APIs failed because the person declined (or agreement named no tapped agree button). */
  refused: string[];
  /** Privacy APIs called while no listener was registered (WeChat's own popup would show). */
  unguarded: string[];
}

export interface PrivacyCheck {
  log: PrivacyLog;
  /** Whether the person has agreed; starts false, as for someone who never opened the mini-program. */
  agreed(): boolean;
  /** `wx.onNeedPrivacyAuthorization`. */
  listen(listener: Listener): void;
  /** The base library saw a tap on an `open-type="agreePrivacyAuthorization"` button with this id. */
  agreeTapped(buttonId: string): void;
  /**
   * A privacy API call: runs `proceed` now (agreed already), later (once agreed) or never (`refuse` instead).
   * Returns false when the call is not a privacy API's, so the stub runs it as any other.
   */
  gate(name: string, proceed: () => void, refuse: (errMsg: string) => void): boolean;
}

export function createPrivacyCheck(): PrivacyCheck {
  const log: PrivacyLog = { asked: [], answers: [], released: [], refused: [], unguarded: [] };
  let agreed = false;
  let listener: Listener | undefined;
  const tapped = new Set<string>();
  let held: { name: string; proceed: () => void; refuse: (errMsg: string) => void }[] = [];

  const settle = (ok: boolean) => {
    const calls = held;
    held = [];
    for (const call of calls) {
      if (ok) {
        log.released.push(call.name);
        call.proceed();
      } else {
        log.refused.push(call.name);
        call.refuse(`${call.name}:fail privacy permission is not authorized`);
      }
    }
  };

  const resolve = (answer: PrivacyEvent) => {
    log.answers.push(answer);
    if (answer.event === 'exposureAuthorization') return;
    if (answer.event === 'agree' && answer.buttonId !== undefined && tapped.has(answer.buttonId)) {
      agreed = true;
      return settle(true);
    }
    settle(false);
  };

  return {
    log,
    agreed: () => agreed,
    listen: (l) => void (listener = l),
    agreeTapped: (id) => void tapped.add(id),
    gate(name, proceed, refuse) {
      if (!privacyApis.has(name)) return false;
      if (agreed) proceed();
      else if (!listener) {
        log.unguarded.push(name);
        proceed();
      } else {
        held.push({ name, proceed, refuse });
        log.asked.push(name);
        listener(resolve, { referrer: name });
      }
      return true;
    },
  };
}
