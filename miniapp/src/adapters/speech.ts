import { chineseVoice, webSpeechUsable } from '@/services/speech-rule';
import { wechatSiEngine } from './wechat-si';

/**
 * Reading aloud, behind one small interface. Pages ask `speech.available()` and call
 * `speech.speak()`; which engine does the work is decided here: the browser's speechSynthesis on H5
 * (when it has voices), WeChat's 同声传译 plugin in the mini-program (wechat-si.ts; why that one:
 * docs/architecture.md). A server voice could be added as another engine without touching any page.
 */
export interface SpeechHandlers {
  onEnd?: () => void;
  onError?: () => void;
}

export interface SpeechEngine {
  available(): boolean;
  speak(text: string, handlers: SpeechHandlers): void;
  stop(): void;
  /** Calls back when availability may have changed (voices load late in browsers). */
  watch?(onChange: () => void): () => void;
}

function browserWindow(): (Window & typeof globalThis) | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

export const webSpeechEngine: SpeechEngine = {
  available: () => webSpeechUsable(process.env.TARO_ENV, browserWindow()),
  speak(text, { onEnd, onError }) {
    const synth = browserWindow()?.speechSynthesis;
    if (!synth) return onError?.();
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.85;
    const voice = chineseVoice(synth.getVoices());
    if (voice) utterance.voice = voice;
    utterance.onend = () => onEnd?.();
    utterance.onerror = () => onError?.();
    synth.speak(utterance);
  },
  stop() {
    browserWindow()?.speechSynthesis?.cancel();
  },
  watch(onChange) {
    const synth = process.env.TARO_ENV === 'h5' ? browserWindow()?.speechSynthesis : undefined;
    if (!synth || typeof synth.addEventListener !== 'function') return () => {};
    synth.addEventListener('voiceschanged', onChange);
    return () => synth.removeEventListener('voiceschanged', onChange);
  },
};

export function createSpeech(engines: SpeechEngine[]) {
  const pick = () => engines.find((e) => e.available());
  return {
    available: () => pick() !== undefined,
    /** Starts reading; returns false (and reads nothing) when no engine can. */
    speak(text: string, handlers: SpeechHandlers = {}): boolean {
      const engine = pick();
      if (!engine) return false;
      engine.speak(text, handlers);
      return true;
    },
    stop: () => engines.forEach((e) => e.stop()),
    watch(onChange: () => void): () => void {
      const stops = engines.map((e) => e.watch?.(onChange) ?? (() => {}));
      return () => stops.forEach((s) => s());
    },
  };
}

export type Speech = ReturnType<typeof createSpeech>;

export const speech: Speech = createSpeech([webSpeechEngine, wechatSiEngine]);
