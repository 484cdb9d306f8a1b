import Taro from '@tarojs/taro';
import { exportFailureText, exportRequest, type ExportFormat, type ExportOutcome } from '@/services/inspection-export';
import { getToken } from './storage';

const isH5 = process.env.TARO_ENV === 'h5';
const baseUrl = process.env.TARO_APP_API_BASE ?? '';

/**
 * H5: fetch with the bearer token (a plain link would carry none), then hand the blob to the
 * browser. The workbook downloads through an `<a download>` built from the blob; the print page
 * opens in a tab that was opened straight from the tap (browsers block tabs opened later).
 */
async function saveInBrowser(url: string, format: ExportFormat, fileName: string, token: string): Promise<ExportOutcome> {
  const tab = format === 'pdf' ? window.open('', '_blank') : null;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    tab?.close();
    return { ok: false, message: exportFailureText(0) };
  }
  if (!res.ok) {
    tab?.close();
    return { ok: false, message: exportFailureText(res.status) };
  }
  const href = URL.createObjectURL(await res.blob());
  if (tab) {
    tab.location.href = href;
    return { ok: true, message: '打印版已在新窗口打开：请用浏览器的“打印”打印，或另存为 PDF。' };
  }
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true, message: format === 'xlsx' ? `已下载：${fileName}` : `打印版已下载：${fileName}，请用浏览器打开后打印。` };
}

/**
 * The mini-program: download with the token in the header, then open the workbook in WeChat's
 * reader (which can forward or print it). WeChat cannot show the print page (an HTML file), so the
 * print version is for a computer's browser, and the person is told so in words.
 */
async function saveInWeChat(url: string, format: ExportFormat, token: string): Promise<ExportOutcome> {
  if (format === 'pdf') {
    return { ok: false, message: '微信里打不开打印版。请在电脑浏览器登录后点“打印版”，或点“导出 Excel”后转发到电脑打印。' };
  }
  try {
    const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
    if (statusCode !== 200) return { ok: false, message: exportFailureText(statusCode) };
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return { ok: true, message: '台账已在微信中打开：可点右上角“…”转发或保存。' };
  } catch {
    return { ok: false, message: exportFailureText(0) };
  }
}

/** Exports a branch's ledger of a period. Call it straight from the tap. */
export function exportLedger(ledger: { branchId: string; branchName: string; period: string }, format: ExportFormat): Promise<ExportOutcome> {
  const req = exportRequest(baseUrl, ledger, format);
  const token = getToken();
  return isH5 ? saveInBrowser(req.url, format, req.fileName, token) : saveInWeChat(req.url, format, token);
}
