import { rosterDownloadFailureText, rosterDownloadRequest, rosterDownloadWords, type RosterDownload } from '@/services/roster-import';
import type { ExportOutcome } from '@/services/inspection-export';
import { downloadXlsx } from './xlsx-download';

const baseUrl = process.env.TARO_APP_API_BASE ?? '';

/** The roster template or the branch's roster as a file (as the ledger export does, adapters/ledger-export.ts). */
export async function downloadRoster(branch: { branchId: string; branchName: string }, kind: RosterDownload): Promise<ExportOutcome> {
  const { url, fileName } = rosterDownloadRequest(baseUrl, branch.branchId, branch.branchName, kind);
  return downloadXlsx(url, fileName, rosterDownloadWords[kind].done, rosterDownloadFailureText);
}
