/**
 * One submission of a form that must land once: the key is made when the form opens and sent as
 * the Idempotency-Key with every try, so a double tap or a retry after a weak network answers the
 * same record instead of making a second. Platform-free: no crypto API is assumed (weapp has none).
 */

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 8 to 64 letters, digits, "-" or "_", as the API requires: a time part and 16 random characters. */
export function newIdempotencyKey(random: () => number = Math.random, now: () => number = Date.now): string {
  let tail = '';
  for (let i = 0; i < 16; i++) tail += alphabet[Math.floor(random() * alphabet.length) % alphabet.length];
  return `k${now().toString(36)}-${tail}`;
}

export interface Submission<I, R> {
  /** The key every try of this submission carries. */
  readonly key: string;
  /** Sends, or joins the try already under way (a second tap while the first is in flight sends nothing). */
  submit(input: I): Promise<R>;
  /** Starts a new submission with a new key, for the next record of a form that records many (e.g. 记分). */
  renew(): void;
}

/** Object keys sorted, so the same content compares equal whatever order a form built it in. */
function sameContent(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sameContent).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sameContent((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function createSubmission<I, R>(send: (input: I, key: string) => Promise<R>, makeKey: () => string = newIdempotencyKey): Submission<I, R> {
  let key = makeKey();
  let inFlight: Promise<R> | undefined;
  // What the current key was sent with: the server binds a key to its content (another content answers 422).
  let sentWith: string | undefined;
  return {
    get key() {
      return key;
    },
    submit(input: I): Promise<R> {
      if (inFlight) return inFlight;
      // Changed content after a try (a corrected form) is another request: it gets a key of its own.
      const content = sameContent(input);
      if (sentWith !== undefined && sentWith !== content) key = makeKey();
      sentWith = content;
      // then(ok, fail) rather than finally(): older WeChat base libraries lack Promise.prototype.finally.
      const settle = () => {
        if (inFlight === attempt) inFlight = undefined;
      };
      const attempt: Promise<R> = send(input, key).then(
        (result) => {
          settle();
          return result;
        },
        (error: unknown) => {
          settle();
          throw error;
        },
      );
      inFlight = attempt;
      return attempt;
    },
    renew() {
      key = makeKey();
      sentWith = undefined;
      inFlight = undefined;
    },
  };
}
