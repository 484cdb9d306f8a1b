import { speechChunks, speechChunkLimit } from './speech-chunks';

/** What the player needs of an audio player: WeChat's InnerAudioContext has these. */
export interface AudioLike {
  src: string;
  play(): void;
  stop(): void;
  onEnded(cb: () => void): void;
  onError(cb: (e: unknown) => void): void;
}

export interface ChunkPlayerParts {
  /** Text to an audio address (a speech service's answer); rejects when the service fails. */
  synthesize(text: string): Promise<string>;
  /** Made once, on the first speak. */
  createAudio(): AudioLike;
  limit?: number;
}

export interface PlayHandlers {
  onEnd?: () => void;
  onError?: () => void;
}

/**
 * Reads a text aloud through a speech service that takes a limited length per call: the text is cut into
 * chunks (speech-chunks.ts), each is turned into audio and played after the one before. The next chunk is
 * asked for while one plays, so the pause between them is short. `stop` silences the chunk playing and
 * drops the rest, including an answer still on its way; a new `speak` stops the one before.
 */
export function createChunkPlayer({ synthesize, createAudio, limit = speechChunkLimit }: ChunkPlayerParts) {
  let audio: AudioLike | undefined;
  /** Bumped by every speak and stop: a run whose number is old has been stopped. */
  let run = 0;
  let settle: ((ended: boolean) => void) | undefined;

  const player = (): AudioLike => {
    if (!audio) {
      audio = createAudio();
      audio.onEnded(() => settle?.(true));
      audio.onError(() => settle?.(false));
    }
    return audio;
  };

  /** Plays one address; true when it played to the end. */
  const play = (src: string): Promise<boolean> =>
    new Promise((resolve) => {
      const a = player();
      settle = (ended) => {
        settle = undefined;
        resolve(ended);
      };
      a.src = src;
      a.play();
    });

  function stop() {
    run++;
    const waiting = settle;
    settle = undefined;
    audio?.stop();
    // A stopped chunk neither ends nor fails: the run below sees its number is old and says nothing.
    waiting?.(false);
  }

  function speak(text: string, { onEnd, onError }: PlayHandlers = {}): void {
    stop();
    const mine = run;
    const chunks = speechChunks(text, limit);
    const live = () => mine === run;
    void (async () => {
      let next = chunks.length ? synthesize(chunks[0]!) : undefined;
      for (let i = 0; i < chunks.length; i++) {
        let src: string;
        try {
          src = await next!;
        } catch {
          if (live()) onError?.();
          return;
        }
        if (!live()) return;
        next = i + 1 < chunks.length ? synthesize(chunks[i + 1]!) : undefined;
        // An answer asked for ahead and then not needed must not be an unhandled rejection.
        next?.catch(() => {});
        const ended = await play(src);
        if (!live()) return;
        if (!ended) return onError?.();
      }
      if (live()) onEnd?.();
    })();
  }

  return { speak, stop };
}

export type ChunkPlayer = ReturnType<typeof createChunkPlayer>;
