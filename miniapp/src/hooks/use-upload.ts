import { useState } from 'react';
import { useApi } from './api-context';
import { messageOf } from '@/services/api-error';
import { UploadFailed, uploadPicked, type PickedFile, type SendFile } from '@/services/upload-flow';
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

/** What a form is given to add several photos: it asks for up to `room` and gets back those that arrived. */
export interface PhotoBatch {
  add: (room: number) => Promise<(Attachment & { url?: string })[]>;
  busy: boolean;
  /** "正在上传第 2/5 张" while a batch goes up. */
  progress?: string;
  error?: string;
}

/**
 * Several photos from one tap, sent one after another (a weak network carries one at a time better
 * than five at once), saying which is going up. One that fails is named; the others still arrive.
 */
export function usePhotoBatch(pickMany: (max: number) => Promise<PickedFile[]>, send: SendFile): PhotoBatch {
  const api = useApi();
  const [progress, setProgress] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function add(room: number): Promise<(Attachment & { url?: string })[]> {
    const picked = pickMany(room);
    setError(undefined);
    const files = (await picked).slice(0, room);
    const done: (Attachment & { url?: string })[] = [];
    const failed: string[] = [];
    try {
      for (const [i, file] of files.entries()) {
        setProgress(`正在上传第 ${i + 1}/${files.length} 张`);
        try {
          const attachment = await uploadPicked(api.createUpload, send, file);
          done.push({ ...attachment, ...(file.path ? { url: file.path } : {}) });
        } catch (e) {
          failed.push(`第 ${i + 1} 张：${e instanceof UploadFailed ? e.message : messageOf(e)}`);
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
