import { useState } from 'react';
import { useApi } from './api-context';
import { messageOf } from '@/services/api-error';
import { RosterUploadFailed, uploadRoster } from '@/services/roster-import';
import type { PickedFile, SendFile } from '@/services/upload-flow';
import type { RosterImport } from '@/services/types';

/** Where the secretary is in the import: choosing a file, waiting for the check, reading it, confirming, done. */
export type RosterStep = 'choose' | 'checking' | 'checked' | 'confirmSkip' | 'applying' | 'applied';

/**
 * The roster import's states. `choose` calls `pick` first thing in the tap (browsers and WeChat require
 * it), sends the file and asks for a dry run; `apply` applies the checked file (again after a failure:
 * the server finishes an interrupted import, so a retry is always safe).
 */
export function useRosterImport(branchId: string | undefined, pick: () => Promise<PickedFile | null>, send: SendFile) {
  const api = useApi();
  const [step, setStep] = useState<RosterStep>('choose');
  const [result, setResult] = useState<RosterImport>();
  const [error, setError] = useState<string>();

  async function choose(): Promise<void> {
    const picked = pick();
    setError(undefined);
    const file = await picked;
    if (!file || !branchId) return;
    setStep('checking');
    try {
      const uploadId = await uploadRoster((input) => api.createUpload({ ...input, branchId }), send, file);
      setResult(await api.checkRoster(branchId, { uploadId, dryRun: true }));
      setStep('checked');
    } catch (e) {
      setError(e instanceof RosterUploadFailed ? e.message : messageOf(e));
      setStep('choose');
    }
  }

  async function apply(onlyCleanRows: boolean): Promise<void> {
    if (!result) return;
    setError(undefined);
    setStep('applying');
    try {
      setResult(await api.applyRoster(result.id, onlyCleanRows ? { onlyCleanRows: true } : {}));
      setStep('applied');
    } catch (e) {
      setError(messageOf(e));
      setStep(onlyCleanRows ? 'confirmSkip' : 'checked');
    }
  }

  const restart = () => {
    setResult(undefined);
    setError(undefined);
    setStep('choose');
  };

  return { step, result, error, choose, apply, restart, askSkip: () => setStep('confirmSkip'), cancelSkip: () => setStep('checked') };
}
