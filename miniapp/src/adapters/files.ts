import Taro from '@tarojs/taro';
import { contentTypeOf, isImageName, type PickedFile, type SendFile } from '@/services/upload-flow';
import type { UploadTicket } from '@/services/types';
import { deviceNow } from './clock';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * H5: a hidden file box, clicked straight from the tap (browsers require that). Resolves with
 * the file, or null when the person closed the chooser.
 */
function pickInBrowser(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.position = 'fixed';
    input.style.left = '-4000px';
    const done = (file: PickedFile | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      // The object URL lets the form show the picture before it is saved.
      done(f ? { name: f.name, size: f.size, contentType: f.type, path: URL.createObjectURL(f), blob: f } : null);
    });
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

function nameFromPath(path: string, fallback: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg';
  return `${fallback}.${ext}`;
}

/** A photo from the album or the camera. */
export async function pickPhoto(): Promise<PickedFile | null> {
  if (isH5) return pickInBrowser('image/jpeg,image/png');
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
    const f = res.tempFiles[0];
    if (!f) return null;
    const name = nameFromPath(f.tempFilePath, `照片${deviceNow().getTime() % 100000}`);
    return { name, size: f.size, contentType: contentTypeOf({ name, contentType: '' }) ?? '', path: f.tempFilePath };
  } catch {
    return null;
  }
}

/** WeChat's chooseMedia takes at most 9 at a time on older base libraries. */
const chooseAtOnce = 9;

/** H5: a file box that takes several pictures at once. */
function pickManyInBrowser(accept: string, max: number): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = true;
    input.style.position = 'fixed';
    input.style.left = '-4000px';
    const done = (files: PickedFile[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      const picked = Array.from(input.files ?? []).slice(0, max);
      done(picked.map((f) => ({ name: f.name, size: f.size, contentType: f.type, path: URL.createObjectURL(f), blob: f })));
    });
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

/** Several photos at once (up to `max`), from the album or the camera; none when the person closed the chooser. */
export async function pickPhotos(max: number): Promise<PickedFile[]> {
  if (max < 1) return [];
  if (isH5) return pickManyInBrowser('image/jpeg,image/png', max);
  try {
    const res = await Taro.chooseMedia({ count: Math.min(max, chooseAtOnce), mediaType: ['image'], sizeType: ['compressed'] });
    const stamp = deviceNow().getTime() % 100000;
    return res.tempFiles.map((f, i) => {
      const name = nameFromPath(f.tempFilePath, `照片${stamp}-${i + 1}`);
      return { name, size: f.size, contentType: contentTypeOf({ name, contentType: '' }) ?? '', path: f.tempFilePath };
    });
  } catch {
    return [];
  }
}

/** A PDF or a picture: from a WeChat chat on the mini-program (where files arrive), from disk on H5. */
export async function pickDocument(): Promise<PickedFile | null> {
  if (isH5) return pickInBrowser('application/pdf,image/jpeg,image/png');
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
    const f = res.tempFiles[0];
    if (!f) return null;
    return { name: f.name, size: f.size, contentType: '', path: f.path };
  } catch {
    return null;
  }
}

/** An Excel roster (.xlsx): from a WeChat chat on the mini-program (chooseMessageFile), from disk on H5. */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  if (isH5) return pickInBrowser('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const f = res.tempFiles[0];
    if (!f) return null;
    return { name: f.name, size: f.size, contentType: '', path: f.path };
  } catch {
    return null;
  }
}

/** Posts the file to the presigned form (fields first, the file last under `file`). */
export const sendFile: SendFile = async (ticket: UploadTicket, file: PickedFile) => {
  if (isH5) {
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
    if (!file.blob) throw new Error('no file');
    form.append(ticket.fileField, file.blob, file.name);
    const res = await fetch(ticket.url, { method: 'POST', body: form });
    return res.status;
  }
  const res = await Taro.uploadFile({ url: ticket.url, filePath: file.path, name: ticket.fileField, formData: ticket.fields });
  return res.statusCode;
};

/**
 * Opens an attachment or photo: H5 in a new browser tab; the mini-program previews pictures and
 * downloads a PDF to open it in WeChat's reader. Resolves false when it could not be opened.
 */
export async function openFile(file: { url?: string; name: string }): Promise<boolean> {
  if (!file.url) return false;
  if (isH5) {
    window.open(file.url, '_blank', 'noopener');
    return true;
  }
  try {
    if (isImageName(file.name)) {
      await Taro.previewImage({ urls: [file.url], current: file.url });
      return true;
    }
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url: file.url });
    if (statusCode !== 200) return false;
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
    return true;
  } catch {
    return false;
  }
}
