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
