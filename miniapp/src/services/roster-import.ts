import { downloadFailureText } from './file-download';
import { rosterLimits } from '@ltx/shared/limits';
import type { PickedFile, SendFile } from './upload-flow';
import type { UploadInput, UploadTicket } from './types';

/**
 * The secretary's roster import, platform-free: which file may go, sending it through the presigned form,
 * and the two files to download (the template, the branch's roster). The pages and the adapters use it.
 */
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

/** Why a picked file cannot be the roster, in words, or undefined. */
export function rosterFileProblem(file: Pick<PickedFile, 'name' | 'size'>): string | undefined {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 Excel 文件（文件名以 .xlsx 结尾）；旧的 .xls 文件请先在电脑上另存为 .xlsx';
  if (file.size <= 0) return '这个文件是空的，请换一个';
  if (file.size > rosterLimits.bytes) return `文件太大：花名册不能超过 ${rosterLimits.bytes / 1024 / 1024} MB`;
  return undefined;
}

export class RosterUploadFailed extends Error {}

/** Sends the picked roster and answers its upload id; throws RosterUploadFailed (or the API's error) with a sentence. */
export async function uploadRoster(createTicket: (input: UploadInput) => Promise<UploadTicket>, send: SendFile, file: PickedFile): Promise<string> {
  const problem = rosterFileProblem(file);
  if (problem) throw new RosterUploadFailed(problem);
  const name = file.name.trim().slice(-80) || '花名册.xlsx';
  const ticket = await createTicket({ contentType: xlsxType, size: file.size, name });
  let status: number;
  try {
    status = await send(ticket, { ...file, contentType: xlsxType });
  } catch {
    throw new RosterUploadFailed('上传没有成功：网络连接失败，请重试');
  }
  if (status < 200 || status >= 300) throw new RosterUploadFailed('上传没有成功，请重新选择文件再试');
  return ticket.uploadId;
}

export type RosterDownload = 'template' | 'export';

export const rosterDownloadWords: Record<RosterDownload, { button: string; busy: string; done: string }> = {
  template: { button: '下载花名册模板', busy: '正在下载模板……', done: '模板已打开：可转发到电脑，用 Excel 填写后再发回微信' },
  export: { button: '导出本支部花名册', busy: '正在导出花名册……', done: '花名册已打开：可转发或保存；改好后可以再导入' },
};

/** The file's address under the API base ('' on H5) and the name it is saved as. */
export function rosterDownloadRequest(baseUrl: string, branchId: string, branchName: string, kind: RosterDownload): { url: string; fileName: string } {
  return {
    url: `${baseUrl}/api/v1/branches/${encodeURIComponent(branchId)}/roster/${kind}`,
    fileName: kind === 'template' ? `${branchName}花名册模板.xlsx` : `${branchName}花名册.xlsx`,
  };
}

export const rosterDownloadFailureText = (status: number): string => downloadFailureText(status, '您没有这个支部花名册的权限');
