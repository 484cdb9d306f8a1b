import type { Attachment, UploadInput, UploadTicket } from './types';
import { attachmentLimits } from '@ltx/shared/limits';

/** A file the person picked, as the platform hands it over. */
export interface PickedFile {
  name: string;
  size: number;
  /** As the platform reports it; may be empty, then the name's ending decides. */
  contentType: string;
  /** weapp: the temporary file path; H5: an object URL. Either can be shown as a picture. */
  path: string;
  /** H5: the file itself. */
  blob?: Blob;
}

/** Posts the file to the presigned form; resolves with the HTTP status, rejects when nothing came back. */
export type SendFile = (ticket: UploadTicket, file: PickedFile) => Promise<number>;

export type UploadContentType = UploadInput['contentType'];

const maxBytes = attachmentLimits.bytes;

export function contentTypeOf(file: Pick<PickedFile, 'name' | 'contentType'>): UploadContentType | undefined {
  const t = file.contentType.toLowerCase();
  if (t === 'image/jpeg' || t === 'image/png' || t === 'application/pdf') return t;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  if (ext === 'pdf') return 'application/pdf';
  return undefined;
}

export const isImageName = (name: string) => /\.(jpe?g|png)$/i.test(name);

/** A name the API accepts (`attachmentLimits.name` characters at most), keeping the file's ending. */
export function tidyName(name: string, contentType: UploadContentType): string {
  const ext = contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg';
  const trimmed = name.trim().replace(/[\\/]/g, '_') || `附件.${ext}`;
  if (trimmed.length <= attachmentLimits.name) return trimmed;
  return `${trimmed.slice(0, attachmentLimits.name - ext.length - 1)}.${ext}`;
}

/** Why a file cannot be sent, in words, or undefined. */
export function fileProblem(file: PickedFile): string | undefined {
  if (!contentTypeOf(file)) return '只能上传 JPG、PNG 图片或 PDF 文件';
  if (file.size <= 0) return '这个文件是空的，请换一个';
  if (file.size > maxBytes) return `文件太大：不能超过 ${maxBytes / 1024 / 1024} MB`;
  return undefined;
}

export class UploadFailed extends Error {}

/** The file could not go up because nothing came back (the network, not the file): worth trying again later. */
export class UploadOffline extends UploadFailed {}

/**
 * The whole upload: ask the API for a presigned form, post the file to it, and hand back the
 * reference a session or the minutes store. Throws UploadFailed (or the API's error) with a
 * sentence to show.
 */
export async function uploadPicked(
  createTicket: (input: UploadInput) => Promise<UploadTicket>,
  send: SendFile,
  file: PickedFile,
): Promise<Attachment> {
  const problem = fileProblem(file);
  if (problem) throw new UploadFailed(problem);
  const contentType = contentTypeOf(file) as UploadContentType;
  const name = tidyName(file.name, contentType);
  const ticket = await createTicket({ contentType, size: file.size, name });
  let status: number;
  try {
    status = await send(ticket, file);
  } catch {
    throw new UploadOffline('上传没有成功：网络连接失败，请重试');
  }
  if (status < 200 || status >= 300) throw new UploadFailed('上传没有成功，请重新选择文件再试');
  return { uploadId: ticket.uploadId, name };
}
