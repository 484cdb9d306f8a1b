import { useState } from 'react';
import { useApi } from './api-context';
import { ApiError, messageOf } from '@/services/api-error';
import type { KeptPhoto } from '@/services/pending-queue';
import { UploadFailed, UploadOffline, uploadPicked, type PickedFile, type SendFile } from '@/services/upload-flow';
import type { Attachment } from '@/services/types';

/**
 * One upload button's state: pick a file (the platform's chooser, passed in by the page), send
 * it through the presigned form, and hand back the reference with a local preview link.
 * `pick` is called first thing in the tap, as browsers and WeChat require.
 */
export function useUpload(pick: () => Promise<PickedFile | null>, send: SendFile) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function upload(): Promise<(Attachment & { url?: string }) | undefined> {
    const picked = pick();
    setError(undefined);
    const file = await picked;
    if (!file) return undefined;
    setBusy(true);
    try {
      const attachment = await uploadPicked(api.createUpload, send, file);
      return { ...attachment, ...(file.path ? { url: file.path } : {}) };
    } catch (e) {
      setError(e instanceof UploadFailed ? e.message : messageOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, upload, clearError: () => setError(undefined) };
}

/** A photo of a form: uploaded (its uploadId is the server's), or kept on the phone until the network returns (`kept`). */
export type FormPhoto = Attachment & { url?: string; kept?: KeptPhoto; checkText?: string };

/** What a form is given to add several photos: it asks for up to `room` and gets back those that arrived. */
export interface PhotoBatch {
  add: (room: number) => Promise<FormPhoto[]>;
  busy: boolean;
  /** "正在上传第 2/5 张" while a batch goes up. */
  progress?: string;
  error?: string;
}

/** With no network at all, a photo can be kept on the phone and go up with its record later (`keep`). */
const keptPhotoWords = '没有网络，照片先存在手机上，有网络时随记录自动上传';
const offline = (e: unknown) => e instanceof UploadOffline || (e instanceof ApiError && e.status === 0);

/**
 * Several photos from one tap, sent one after another (a weak network carries one at a time better
 * than five at once), saying which is going up. One that fails is named; the others still arrive.
 * Given `keep`, a photo that finds no network is kept on the phone instead, to go up with the record.
 */
export function usePhotoBatch(pickMany: (max: number) => Promise<PickedFile[]>, send: SendFile, keep?: (file: PickedFile) => Promise<KeptPhoto>): PhotoBatch {
  const api = useApi();
  const [progress, setProgress] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function add(room: number): Promise<FormPhoto[]> {
    const picked = pickMany(room);
    setError(undefined);
    const files = (await picked).slice(0, room);
    const done: FormPhoto[] = [];
    const failed: string[] = [];
    try {
      for (const [i, file] of files.entries()) {
        setProgress(`正在上传第 ${i + 1}/${files.length} 张`);
        try {
          const attachment = await uploadPicked(api.createUpload, send, file);
          done.push({ ...attachment, ...(file.path ? { url: file.path } : {}) });
        } catch (e) {
          const kept = keep && offline(e) ? await keep(file).catch(() => undefined) : undefined;
          if (kept) done.push({ uploadId: `kept-${kept.path}`, name: kept.name, ...(file.path ? { url: file.path } : {}), kept, checkText: keptPhotoWords });
          else failed.push(`第 ${i + 1} 张：${e instanceof UploadFailed ? e.message : messageOf(e)}`);
        }
      }
    } finally {
      setProgress(undefined);
    }
    if (failed.length) setError(`有 ${failed.length} 张没有传上，请再试一次。${failed.join('；')}`);
    return done;
  }

  return { add, busy: progress !== undefined, ...(progress ? { progress } : {}), ...(error ? { error } : {}) };
}
