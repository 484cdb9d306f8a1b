/**
 * WeChat's speech as the smoke run stands it in: the 同声传译 plugin behind `requirePlugin('WechatSI')`, whose
 * textToSpeech answers each text with an audio address on the next tick (as WeChat's server would), and the
 * inner audio context, which "plays" an address and ends it on the next tick. Both log what they were given,
 * so a test sees which texts the app asked to hear and what it played, in order.
 */

export interface SpeechLog {
  /** The plugins the app asked `requirePlugin` for. */
  plugins: string[];
  /** Every text sent to textToSpeech, in order. */
  asked: string[];
  /** Every audio address played, in order. */
  played: string[];
}

type Later = (fn: () => void) => void;

export interface SpeechStub {
  log: SpeechLog;
  requirePlugin(name: string): unknown;
  createInnerAudioContext(): unknown;
}

/** `declared`: the plugins app.json names; WeChat refuses any other. */
export function createSpeechStub(later: Later, declared: string[]): SpeechStub {
  const log: SpeechLog = { plugins: [], asked: [], played: [] };
  const wechatSi = {
    textToSpeech(o: { lang: string; content: string; success?: (r: unknown) => void }) {
      const n = log.asked.push(o.content);
      later(() => o.success?.({ retcode: 0, origin: o.content, filename: `https://tts.smoke/${n}.mp3`, expired_time: 0 }));
    },
  };
  const createInnerAudioContext = () => {
    const ended: (() => void)[] = [];
    let playing = 0;
    return {
      src: '',
      play(this: { src: string }) {
        log.played.push(this.src);
        const mine = ++playing;
        later(() => mine === playing && ended.forEach((cb) => cb()));
      },
      stop: () => void playing++,
      pause: () => void playing++,
      destroy: () => void playing++,
      onEnded: (cb: () => void) => void ended.push(cb),
      onError: () => {},
      offEnded: () => {},
      offError: () => {},
    };
  };
  return {
    log,
    requirePlugin(name) {
      log.plugins.push(name);
      if (name !== 'WechatSI' || !declared.includes(name)) throw new Error(`plugin ${name} is not declared in app.json`);
      return wechatSi;
    },
    createInnerAudioContext,
  };
}
