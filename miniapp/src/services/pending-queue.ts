import { ApiError } from './api-error';
import { newIdempotencyKey } from './idempotency';
import { UploadOffline, type PickedFile } from './upload-flow';

/**
 * The phone's 待上传 queue: a record made where there is no signal (a contact at a rural home, a member
 * asking for leave) is kept on the phone and sent when the network returns, exactly once. Its
 * Idempotency-Key is made when the person taps save and kept with the record, so every try (after a
 * restart too) carries the same key and the server answers a repeat with the first answer.
 * Platform-free: the storage, the senders and the clock come in from the adapters.
 */

/** What kinds of records wait here; each has its sender (adapters/pending-queue.ts). */
export type PendingKind = 'deliver' | 'attendance' | 'visit-request';

/** A photo chosen while offline: kept on the phone (its path survives a restart) until it is uploaded. */
export interface KeptPhoto extends Omit<PickedFile, 'blob'> {
  /** Set once it is uploaded, so a later try does not upload it again. */
  uploadId?: string;
}

export type PendingState = 'waiting' | 'sent' | 'refused';

export interface PendingRecord {
  /** The Idempotency-Key, made when the record was made. */
  key: string;
  kind: PendingKind;
  /** The ids in the route's path, e.g. { requestId } or { sessionId, memberId }. */
  target: Record<string, string>;
  body: unknown;
  /** Photos still to upload before the body goes (deliveries only). */
  photos: KeptPhoto[];
  /** What the person reads, e.g. "送学记录：李秀英". */
  title: string;
  madeAt: string;
  state: PendingState;
  /** Why the server refused it, in its Chinese words. */
  message?: string;
  sentAt?: string;
}

export type PendingDraft = Pick<PendingRecord, 'kind' | 'target' | 'body' | 'title'> & { photos?: KeptPhoto[] };

/** Sends one entry (uploading its photos first); rejects with the API's error. `uploaded` records each photo that went up. */
export type PendingSender = (entry: PendingRecord, uploaded: (index: number, photo: { uploadId: string; name: string }) => void) => Promise<unknown>;

export interface PendingStore {
  load(): string | undefined;
  save(text: string): void;
}

/** What one try of an entry came to: sent (with the server's answer), kept for later, or refused with words. */
export type TryOutcome = { state: 'sent'; entry: PendingRecord; answer: unknown } | { state: 'waiting'; entry: PendingRecord } | { state: 'refused'; entry: PendingRecord; error: ApiError };

/** The words shown for a record kept on the phone: short and calm. */
export const keptWords = '没有网络，已存在手机上，有网络时自动上传';

/** Thrown to a form whose record was kept on the phone rather than sent; its message is `keptWords`. */
export class KeptOnPhone extends Error {
  constructor() {
    super(keptWords);
    this.name = 'KeptOnPhone';
  }
}

/**
 * Whether a failure is the network's (keep and try again later) rather than the server's word on the
 * record (a 4xx: show it, never retry). A server error (5xx) or a timeout is tried again too, and so is
 * a sign-in that ran out while the phone was offline for days (401): it goes once the person is back in.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof UploadOffline) return true;
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** How long a sent record stays listed as 已上传, so the person can see it went. */
const keepSentMs = 3 * 24 * 60 * 60 * 1000;

export interface PendingQueueOptions {
  store: PendingStore;
  send: PendingSender;
  now: () => Date;
  makeKey?: () => string;
  /** Frees the phone's copies of a record's photos once they are no longer needed (sent, or dismissed). */
  release?: (photos: KeptPhoto[]) => void;
}

function parse(text: string | undefined): PendingRecord[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as PendingRecord[]).filter((e) => e && typeof e.key === 'string') : [];
  } catch {
    return [];
  }
}

export function createPendingQueue({ store, send, now, makeKey = newIdempotencyKey, release }: PendingQueueOptions) {
  const listeners = new Set<() => void>();
  let entries = parse(store.load()).filter((e) => !(e.state === 'sent' && e.sentAt && now().getTime() - Date.parse(e.sentAt) > keepSentMs));
  // One run at a time: two triggers (network back, page shown) must not send the same entry twice at once.
  let running: Promise<void> | undefined;
  const trying = new Map<string, Promise<TryOutcome>>();

  const save = () => {
    store.save(JSON.stringify(entries));
    for (const l of listeners) l();
  };
  const update = (key: string, change: Partial<PendingRecord>) => {
    entries = entries.map((e) => (e.key === key ? { ...e, ...change } : e));
    save();
  };
  const find = (key: string) => entries.find((e) => e.key === key);

  function tryOne(key: string): Promise<TryOutcome> {
    const already = trying.get(key);
    if (already) return already;
    const attempt = (async (): Promise<TryOutcome> => {
      const entry = find(key);
      if (!entry || entry.state !== 'waiting') return entry?.state === 'sent' ? { state: 'sent', entry, answer: undefined } : { state: 'waiting', entry: entry! };
      try {
        const answer = await send(entry, (index, photo) => update(key, { photos: (find(key)?.photos ?? []).map((p, i) => (i === index ? { ...p, ...photo } : p)) }));
        update(key, { state: 'sent', sentAt: now().toISOString() });
        if (entry.photos.length) release?.(entry.photos);
        return { state: 'sent', entry: find(key)!, answer };
      } catch (error) {
        if (isRetryable(error)) return { state: 'waiting', entry: find(key)! };
        const refused = error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', '这条记录没有传上，请重新填写');
        update(key, { state: 'refused', message: refused.message });
        return { state: 'refused', entry: find(key)!, error: refused };
      }
    })();
    trying.set(key, attempt);
    const done = () => trying.delete(key);
    attempt.then(done, done);
    return attempt;
  }

  return {
    /** Everything on the phone, oldest first. */
    entries: (): readonly PendingRecord[] => entries,
    /** The waiting record of this kind for this target, if one is kept (e.g. a delivery not yet sent). */
    waitingFor: (kind: PendingKind, target: Record<string, string>) =>
      entries.find((e) => e.kind === kind && e.state === 'waiting' && Object.entries(target).every(([k, v]) => e.target[k] === v)),
    /**
     * Keeps the record (its key made now), then tries to send it at once. One that went, or that the
     * server refused, leaves the list again: the form that sent it says so; only a 待上传 one stays.
     */
    async add(draft: PendingDraft, key: string = makeKey()): Promise<TryOutcome> {
      // A form's own Submission key (useSubmission) may be handed in: the same key is the same record, kept once.
      if (find(key)) return tryOne(key);
      const entry: PendingRecord = { ...draft, photos: draft.photos ?? [], key, madeAt: now().toISOString(), state: 'waiting' };
      entries = [...entries, entry];
      save();
      const outcome = await tryOne(entry.key);
      if (outcome.state !== 'waiting') {
        entries = entries.filter((e) => e.key !== entry.key);
        save();
      }
      return outcome;
    },
    /** Sends every waiting record, oldest first; stops at the first that finds no network. */
    flush(): Promise<void> {
      if (running) return running;
      running = (async () => {
        for (const e of entries.filter((x) => x.state === 'waiting')) {
          if ((await tryOne(e.key)).state === 'waiting') break;
        }
      })().then(
        () => {
          running = undefined;
        },
        () => {
          running = undefined;
        },
      );
      return running;
    },
    /** The person has read it (已上传, or refused): it leaves the list. A waiting record cannot be dropped this way. */
    dismiss(key: string) {
      const entry = find(key);
      if (!entry || entry.state === 'waiting') return;
      if (entry.state === 'refused' && entry.photos.length) release?.(entry.photos);
      entries = entries.filter((e) => e.key !== key);
      save();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type PendingQueue = ReturnType<typeof createPendingQueue>;

/**
 * For a form: keeps the record and sends it. Resolves with the server's answer; throws the API's error
 * (a 4xx, to show on the form) or KeptOnPhone (no network: 待上传, it goes by itself later).
 */
export async function sendKept(queue: PendingQueue, draft: PendingDraft, key?: string): Promise<unknown> {
  const tried = await queue.add(draft, key);
  if (tried.state === 'sent') return tried.answer;
  if (tried.state === 'refused') throw tried.error;
  throw new KeptOnPhone();
}

/** How an entry stands, in words. */
export function pendingStateText(entry: PendingRecord): string {
  if (entry.state === 'waiting') return `待上传：${keptWords}`;
  if (entry.state === 'sent') return '✓ 已上传';
  return `没有传上：${entry.message ?? '请重新填写'}`;
}
