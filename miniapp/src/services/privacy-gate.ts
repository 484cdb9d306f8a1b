/**
 * WeChat's privacy guide flow, without WeChat: a privacy API (choosing a photo or a file) waits until the person
 * agrees to the mini-program's 隐私保护指引. WeChat tells us through `onNeedPrivacyAuthorization(resolve, info)`
 * (adapters/privacy.ts feeds `ask`); the popup (components/PrivacyPopup) shows while a request waits, and the
 * person's answer resolves every waiting request at once, as WeChat's own multi-page example does.
 */

/** What WeChat's `resolve` takes: agreement names the agree button, which WeChat checks was really tapped. */
export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };
export type PrivacyResolve = (answer: PrivacyAnswer) => void;

/** The id of the popup's agree button: what `resolve({ event: 'agree', buttonId })` names. */
export const agreeButtonId = 'privacy-agree';

/** What the person was doing when WeChat asked, in words: the popup says what it needs and what fails without it. */
export interface PrivacyNeed {
  /** "选一张照片". */
  action: string;
  /** Why the product asks for it. */
  purpose: string;
  /** The plain sentence of what will not work when they decline. */
  withoutIt: string;
}

/**
 * WeChat names the API or component that asked (`chooseMedia`, `wx.chooseMessageFile`, `button.getPhoneNumber`…).
 * The product uses only the two choosers (docs/privacy.md lists them); anything else gets the general words.
 */
export function needOf(referrer: string | undefined): PrivacyNeed {
  const name = referrer ?? '';
  if (/choose(Media|Image|Video)/.test(name)) {
    return {
      action: '选一张照片',
      purpose: '您选的照片只放进这次的会议记录、送学记录或整改材料，本支部和上级党组织查看台账时能看到，不做别的用途。',
      withoutIt: '不同意的话，这次不能上传照片；其他功能照常使用。',
    };
  }
  if (/chooseMessageFile/.test(name)) {
    return {
      action: '从微信聊天里选一个文件',
      purpose: '您选的文件只作为学习材料的附件，或用来导入本支部的党员名单，不做别的用途。',
      withoutIt: '不同意的话，这次不能选文件；其他功能照常使用。',
    };
  }
  return {
    action: '使用这项功能',
    purpose: '只用于这项功能本身，不做别的用途。',
    withoutIt: '不同意的话，这项功能这次不能用；其他功能照常使用。',
  };
}

export interface PrivacyGateState {
  /** A privacy API waits for the person's answer: the popup shows. */
  asking: boolean;
  need?: PrivacyNeed;
}

export interface PrivacyGate {
  /** WeChat asks (the listener of `onNeedPrivacyAuthorization`). */
  ask(resolve: PrivacyResolve, info?: { referrer?: string }): void;
  /** The agree button was tapped (its `agreeprivacyauthorization` event): every waiting request goes on. */
  agree(): void;
  /** The person declined: every waiting request fails ("privacy permission is not authorized"). */
  disagree(): void;
  state(): PrivacyGateState;
  subscribe(onChange: () => void): () => void;
}

const idle: PrivacyGateState = { asking: false };

export function createPrivacyGate(): PrivacyGate {
  let waiting: PrivacyResolve[] = [];
  let current: PrivacyGateState = idle;
  const listeners = new Set<() => void>();
  const set = (next: PrivacyGateState) => {
    current = next;
    listeners.forEach((l) => l());
  };
  const answerAll = (answer: PrivacyAnswer) => {
    const all = waiting;
    waiting = [];
    set(idle);
    all.forEach((resolve) => resolve(answer));
  };
  return {
    ask(resolve, info) {
      waiting.push(resolve);
      // Tells WeChat the popup is on screen (its "曝光"), before the person answers.
      resolve({ event: 'exposureAuthorization' });
      // The first request's words stay while more wait: the popup does not change under the person's finger.
      if (!current.asking) set({ asking: true, need: needOf(info?.referrer) });
    },
    agree: () => answerAll({ event: 'agree', buttonId: agreeButtonId }),
    disagree: () => answerAll({ event: 'disagree' }),
    state: () => current,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
