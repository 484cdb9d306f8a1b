import Taro from '@tarojs/taro';
import type { ExportOutcome } from '@/services/inspection-export';
import { getToken } from './storage';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * An xlsx file from the API, with the token. H5: fetched and saved through an `<a download>`; the
 * mini-program: downloaded and opened in WeChat's reader, from where it can be forwarded to a computer.
 * `failureText` turns a status (0: no answer) into the sentence the page shows.
 */
export async function downloadXlsx(url: string, fileName: string, doneText: string, failureText: (status: number) => string): Promise<ExportOutcome> {
  const token = getToken();
  if (isH5) {
    try {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) return { ok: false, message: failureText(res.status) };
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      return { ok: true, message: `已下载：${fileName}` };
    } catch {
      return { ok: false, message: failureText(0) };
    }
  }
  try {
    const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
    if (statusCode !== 200) return { ok: false, message: failureText(statusCode) };
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return { ok: true, message: doneText };
  } catch {
    return { ok: false, message: failureText(0) };
  }
}
