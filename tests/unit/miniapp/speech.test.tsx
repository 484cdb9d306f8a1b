import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ReadAloud } from '@/components/NextSessionCard';
import { createSpeech, type SpeechEngine } from '@/adapters/speech';
import { speechChunks, speechChunkLimit } from '@/services/speech-chunks';
import { createChunkPlayer, type AudioLike } from '@/services/chunk-player';

describe('cutting text for a speech service', () => {
  const sentence = (n: number, c = '学') => `${c.repeat(n - 1)}。`;

  it('keeps a short text whole', () => {
    expect(speechChunks('下一次学习：主题党日。地点：党员活动室。')).toEqual(['下一次学习：主题党日。地点：党员活动室。']);
  });

  it('packs whole sentences under the limit and cuts between them', () => {
    const [a, b, c] = [sentence(8, '甲'), sentence(8, '乙'), sentence(8, '丙')];
    expect(speechChunks(a + b + c, 20)).toEqual([a + b, c]);
  });

  it('cuts a too-long sentence at its commas, and a too-long clause by length', () => {
    const long = `${'一'.repeat(9)}，${'二'.repeat(9)}，${'三'.repeat(5)}。`;
    expect(speechChunks(long, 12)).toEqual([`${'一'.repeat(9)}，`, `${'二'.repeat(9)}，`, `${'三'.repeat(5)}。`]);
    expect(speechChunks('四'.repeat(25), 10)).toEqual(['四'.repeat(10), '四'.repeat(10), '四'.repeat(5)]);
  });

  it('loses nothing and keeps the order, every chunk within the limit and under 1000 bytes', () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i + 1}条，坚持学习，${'认真领会精神'.repeat(i % 7)}！`).join('') + '没有句号的结尾';
    const chunks = speechChunks(text);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) {
      expect(Array.from(c).length).toBeLessThanOrEqual(speechChunkLimit);
      expect(new TextEncoder().encode(c).length).toBeLessThan(1000);
    }
  });

  it('ends a chunk after closing quotes and drops blank space between sentences', () => {
    expect(speechChunks('他说：“好。”\n\n我们走。', 7)).toEqual(['他说：“好。”', '我们走。']);
    expect(speechChunks('  \n ')).toEqual([]);
  });
});

/** WeChat's InnerAudioContext as far as the player uses it; the test ends or fails the playing chunk. */
function fakeAudio() {
  const ended: (() => void)[] = [];
  const failed: ((e: unknown) => void)[] = [];
  const audio: AudioLike & { played: string[]; stops: number } = {
    src: '',
    played: [],
    stops: 0,
    play() {
      this.played.push(this.src);
    },
    stop() {
      this.stops++;
    },
    onEnded: (cb) => void ended.push(cb),
    onError: (cb) => void failed.push(cb),
  };
  return { audio, end: () => ended.forEach((cb) => cb()), fail: () => failed.forEach((cb) => cb('boom')) };
}

/** A speech service whose answers the test releases one by one. */
function fakeService() {
  const asked: string[] = [];
  const answers: { resolve: (url: string) => void; reject: (e: Error) => void }[] = [];
  const synthesize = (text: string) =>
    new Promise<string>((resolve, reject) => {
      asked.push(text);
      answers.push({ resolve, reject });
    });
  const answer = (i: number) => answers[i]!.resolve(`https://tts/${i}.mp3`);
  return { asked, synthesize, answer, refuse: (i: number) => answers[i]!.reject(new Error('network')) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const three = '第一句话。第二句话。第三句话。';

describe('playing the chunks', () => {
  it('plays the chunks one after the other, asking for the next while one plays, then says it ended', async () => {
    const { audio, end } = fakeAudio();
    const service = fakeService();
    const onEnd = vi.fn();
    const player = createChunkPlayer({ synthesize: service.synthesize, createAudio: () => audio, limit: 5 });
    player.speak(three, { onEnd });
    expect(service.asked).toEqual(['第一句话。']);
    service.answer(0);
    await flush();
    expect(audio.played).toEqual(['https://tts/0.mp3']);
    expect(service.asked).toEqual(['第一句话。', '第二句话。']);
    service.answer(1);
    await flush();
    // The second is ready but waits for the first to end.
    expect(audio.played).toHaveLength(1);
    end();
    await flush();
    expect(audio.played).toEqual(['https://tts/0.mp3', 'https://tts/1.mp3']);
    service.answer(2);
    end();
    await flush();
    expect(onEnd).not.toHaveBeenCalled();
    end();
    await flush();
    expect(audio.played).toEqual(['https://tts/0.mp3', 'https://tts/1.mp3', 'https://tts/2.mp3']);
    expect(service.asked).toEqual(['第一句话。', '第二句话。', '第三句话。']);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('stop silences the chunk playing and plays none of the rest, even one already on its way', async () => {
    const { audio, end } = fakeAudio();
    const service = fakeService();
    const onEnd = vi.fn();
    const onError = vi.fn();
    const player = createChunkPlayer({ synthesize: service.synthesize, createAudio: () => audio, limit: 5 });
    player.speak(three, { onEnd, onError });
    service.answer(0);
    await flush();
    player.stop();
    expect(audio.stops).toBeGreaterThan(0);
    service.answer(1);
    end();
    await flush();
    expect(audio.played).toEqual(['https://tts/0.mp3']);
    expect(service.asked).toHaveLength(2);
    expect(onEnd).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('a new speak stops the one before: only the new text plays', async () => {
    const { audio } = fakeAudio();
    const service = fakeService();
    const first = vi.fn();
    const player = createChunkPlayer({ synthesize: service.synthesize, createAudio: () => audio, limit: 5 });
    player.speak(three, { onEnd: first });
    player.speak('别的话。');
    service.answer(0);
    service.answer(1);
    await flush();
    expect(service.asked).toEqual(['第一句话。', '别的话。']);
    expect(audio.played).toEqual(['https://tts/1.mp3']);
    expect(first).not.toHaveBeenCalled();
  });

  it('says it failed when the service refuses a chunk or the audio cannot play, and stops there', async () => {
    const refused = fakeService();
    const a = fakeAudio();
    const onError = vi.fn();
    createChunkPlayer({ synthesize: refused.synthesize, createAudio: () => a.audio, limit: 5 }).speak(three, { onError });
    refused.refuse(0);
    await flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(a.audio.played).toEqual([]);

    const service = fakeService();
    const b = fakeAudio();
    const onEnd = vi.fn();
    const playError = vi.fn();
    createChunkPlayer({ synthesize: service.synthesize, createAudio: () => b.audio, limit: 5 }).speak(three, { onEnd, onError: playError });
    service.answer(0);
    await flush();
    service.answer(1);
    b.fail();
    await flush();
    expect(playError).toHaveBeenCalledTimes(1);
    expect(onEnd).not.toHaveBeenCalled();
    expect(b.audio.played).toEqual(['https://tts/0.mp3']);
  });

  it('says it ended at once for a text with nothing to say, asking for no speech', async () => {
    const service = fakeService();
    const onEnd = vi.fn();
    createChunkPlayer({ synthesize: service.synthesize, createAudio: () => fakeAudio().audio }).speak(' ', { onEnd });
    await flush();
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(service.asked).toEqual([]);
  });
});

describe('the 读给我听 button', () => {
  /** An engine as wechat-si.ts makes one: the chunk player over a speech service. */
  function chunkEngine(available: boolean) {
    const { audio, end } = fakeAudio();
    const service = fakeService();
    const player = createChunkPlayer({ synthesize: service.synthesize, createAudio: () => audio, limit: 5 });
    const engine: SpeechEngine = { available: () => available, speak: player.speak, stop: player.stop };
    return { engine, audio, end, service };
  }

  it('is not there at all where nothing can speak', () => {
    const { engine } = chunkEngine(false);
    const { container } = render(<ReadAloud speech={createSpeech([engine])} text={three} />);
    expect(screen.queryByText(/读给我听/)).toBeNull();
    expect(container.textContent).toBe('');
  });

  it('reads the text in chunks on a tap, and a second tap stops it', async () => {
    const { engine, audio, service } = chunkEngine(true);
    render(<ReadAloud speech={createSpeech([engine])} text={three} />);
    fireEvent.click(screen.getByText('读给我听'));
    expect(service.asked).toEqual(['第一句话。']);
    await act(async () => {
      service.answer(0);
      await flush();
    });
    expect(audio.played).toEqual(['https://tts/0.mp3']);
    fireEvent.click(screen.getByText('正在朗读，点这里停止'));
    expect(screen.getByText('读给我听')).toBeTruthy();
    await act(async () => {
      service.answer(1);
      await flush();
    });
    expect(audio.played).toEqual(['https://tts/0.mp3']);
  });

  it('comes back to 读给我听 when the reading ends, and says so in words when it fails', async () => {
    const { engine, end, service } = chunkEngine(true);
    render(<ReadAloud speech={createSpeech([engine])} text='只有一句。' />);
    fireEvent.click(screen.getByText('读给我听'));
    await act(async () => {
      service.answer(0);
      await flush();
      end();
      await flush();
    });
    expect(screen.getByText('读给我听')).toBeTruthy();
    fireEvent.click(screen.getByText('读给我听'));
    await act(async () => {
      service.refuse(1);
      await flush();
    });
    expect(screen.getByText(/朗读没有成功/)).toBeTruthy();
  });
});
