import Taro from '@tarojs/taro';
import { createChunkPlayer } from '@/services/chunk-player';
import type { SpeechEngine } from './speech';

/** The part of WeChat's 同声传译 plugin (WechatSI, declared in app.config.ts) that reads text aloud. */
interface WechatSiPlugin {
  textToSpeech(options: {
    lang: 'zh_CN';
    tts: true;
    content: string;
    success(r: { retcode?: number; filename?: string }): void;
    fail(e: unknown): void;
  }): void;
}

/** WeChat's module-level function for plugins: present only inside a mini-program. */
declare const requirePlugin: ((name: string) => unknown) | undefined;

let plugin: WechatSiPlugin | null | undefined;

/** The plugin, or null where there is none (H5, a build without it, or WeChat refusing it). */
function wechatSi(): WechatSiPlugin | null {
  if (plugin !== undefined) return plugin;
  plugin = null;
  if (process.env.TARO_ENV !== 'weapp' || typeof requirePlugin !== 'function') return plugin;
  try {
    const p = requirePlugin('WechatSI') as Partial<WechatSiPlugin> | undefined;
    if (p && typeof p.textToSpeech === 'function') plugin = p as WechatSiPlugin;
  } catch {
    // Not added in the mini-program's admin (设置 → 第三方设置 → 插件管理): nothing speaks, the button hides.
  }
  return plugin;
}

/** One chunk to an audio address; WeChat keeps the file about three hours, so it is asked for each time. */
function synthesize(content: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const si = wechatSi();
    if (!si) return reject(new Error('WechatSI missing'));
    si.textToSpeech({
      lang: 'zh_CN',
      tts: true,
      content,
      success: (r) => (r.filename && (r.retcode ?? 0) === 0 ? resolve(r.filename) : reject(new Error(`WechatSI retcode ${r.retcode}`))),
      fail: reject,
    });
  });
}

function createAudio() {
  // Speak even with an iPhone's silent switch on: the member asked to hear it. Failing that, speak anyway.
  Promise.resolve()
    .then(() => Taro.setInnerAudioOption({ obeyMuteSwitch: false }))
    .catch(() => {});
  return Taro.createInnerAudioContext();
}

const player = createChunkPlayer({ synthesize, createAudio });

/** Reading aloud in WeChat: the 同声传译 plugin's voice, played chunk by chunk in an inner audio context. */
export const wechatSiEngine: SpeechEngine = {
  available: () => wechatSi() !== null,
  speak: (text, handlers) => player.speak(text, handlers),
  stop: () => player.stop(),
};
