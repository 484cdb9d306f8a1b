/** Where attachment files live: S3 in AWS, a folder under the data folder locally. Same flow for both. */
export interface UploadSpec {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresAt: Date;
}

export interface PresignedForm {
  url: string;
  fields: Record<string, string>;
}

export interface UploadStore {
  /** A form upload whose policy enforces the content type and the size limit. */
  presign(spec: UploadSpec): Promise<PresignedForm>;
  /** What was stored under the key, if anything. */
  head(key: string): Promise<{ size: number; contentType: string } | undefined>;
  /** A short-lived link to read the file: 15 minutes unless said (WeChat's image check fetches it later). */
  downloadUrl(key: string, lifetimeSeconds?: number): Promise<string>;
  /** The file's bytes, if stored (a roster file the import reads). */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Deletes the file (a deleted member's signed consent form); nothing stored under the key is not an error. */
  remove(key: string): Promise<void>;
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const allowedUploadTypes = ['image/jpeg', 'image/png', 'application/pdf', xlsxType] as const;
export const maxUploadBytes = 10 * 1024 * 1024;
