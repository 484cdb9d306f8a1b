/** What the speech adapter needs to know about the browser's speech synthesis. */
export interface SynthLike {
  getVoices(): { lang: string; name: string }[];
}

/**
 * The browser reads aloud only on H5, when the page has `speechSynthesis` and at least one voice
 * is installed (headless Chromium on Linux has none, and then speak() fails silently).
 */
export function webSpeechUsable(env: string | undefined, win: unknown): boolean {
  if (env !== 'h5' || typeof win !== 'object' || win === null || !('speechSynthesis' in win)) return false;
  const synth = (win as { speechSynthesis?: SynthLike }).speechSynthesis;
  try {
    return !!synth && synth.getVoices().length > 0;
  } catch {
    return false;
  }
}

/** A Chinese voice when one is installed, else none (the browser's default voice with lang zh-CN). */
export function chineseVoice<V extends { lang: string }>(voices: readonly V[]): V | undefined {
  return voices.find((v) => /^zh[-_]?(CN|Hans)/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)/i.test(v.lang));
}
