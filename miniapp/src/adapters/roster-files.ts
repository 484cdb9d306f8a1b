import Taro from '@tarojs/taro';
import { rosterDownloadFailureText, rosterDownloadRequest, rosterDownloadWords, type RosterDownload } from '@/services/roster-import';
import type { ExportOutcome } from '@/services/inspection-export';
import { getToken } from './storage';

const isH5 = process.env.TARO_ENV === 'h5';
const baseUrl = process.env.TARO_APP_API_BASE ?? '';

/**
 * The roster template or the branch's roster as a file. H5: fetched with the token, saved through an
 * `<a download>`; the mini-program: downloaded with the token and opened in WeChat's reader, from where
 * it can be forwarded to a computer (as the ledger export does, adapters/ledger-export.ts).
 */
export async function downloadRoster(branch: { branchId: string; branchName: string }, kind: RosterDownload): Promise<ExportOutcome> {
  const { url, fileName } = rosterDownloadRequest(baseUrl, branch.branchId, branch.branchName, kind);
  const token = getToken();
  if (isH5) {
    try {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) return { ok: false, message: rosterDownloadFailureText(res.status) };
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      return { ok: true, message: `已下载：${fileName}` };
    } catch {
      return { ok: false, message: rosterDownloadFailureText(0) };
    }
  }
  try {
    const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
    if (statusCode !== 200) return { ok: false, message: rosterDownloadFailureText(statusCode) };
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return { ok: true, message: rosterDownloadWords[kind].done };
  } catch {
    return { ok: false, message: rosterDownloadFailureText(0) };
  }
}
