import Taro from '@tarojs/taro';
import type { KeptPhoto } from '@/services/pending-queue';
import type { PickedFile } from '@/services/upload-flow';
import { deviceNow } from './clock';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Photos chosen with no network, kept until they can go up. weapp: a chosen photo is a temporary file
 * WeChat may delete when the app closes, so it is saved (Taro.saveFile) and its saved path kept. H5:
 * an object URL dies with the page, so the picture itself goes into IndexedDB under a made-up key.
 */
const dbName = 'ltx-kept-photos';
const storeName = 'photos';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(storeName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB'));
  });
}

async function inStore<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = act(db.transaction(storeName, mode).objectStore(storeName));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('indexedDB'));
    });
  } finally {
    db.close();
  }
}

const idbPrefix = 'kept:';
let counter = 0;

/** Keeps the photo on the phone; resolves with what the queue stores for it. */
export async function keepPhoto(file: PickedFile): Promise<KeptPhoto> {
  const { blob, ...rest } = file;
  if (isH5) {
    if (!blob) throw new Error('no file');
    counter += 1;
    const id = `${idbPrefix}${deviceNow().getTime().toString(36)}-${counter}`;
    await inStore('readwrite', (s) => s.put(blob, id));
    return { ...rest, path: id };
  }
  const saved = await Taro.saveFile({ tempFilePath: file.path });
  return { ...rest, path: (saved as { savedFilePath: string }).savedFilePath };
}

/** The kept photo as a file to upload. */
export async function restorePhoto(photo: KeptPhoto): Promise<PickedFile> {
  if (isH5 && photo.path.startsWith(idbPrefix)) {
    const blob = await inStore<Blob | undefined>('readonly', (s) => s.get(photo.path) as IDBRequest<Blob | undefined>);
    if (!blob) throw new Error('这张照片已经不在手机上了');
    return { ...photo, blob, path: URL.createObjectURL(blob) };
  }
  return { ...photo };
}

/** Frees the phone's copy once the record went (or was given up). */
export async function dropPhoto(photo: KeptPhoto): Promise<void> {
  try {
    if (isH5 && photo.path.startsWith(idbPrefix)) await inStore('readwrite', (s) => s.delete(photo.path));
    else if (!isH5) await Taro.removeSavedFile({ filePath: photo.path });
  } catch {
    // Already gone: nothing to free.
  }
}
