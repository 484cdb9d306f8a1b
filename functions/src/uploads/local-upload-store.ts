import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PresignedForm, UploadSpec, UploadStore } from './upload-store';

export interface LocalUploadPolicy {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresAt: string;
}

/**
 * The local stand-in for S3 presigned POST: the policy is signed with an HMAC, and the local
 * server (local/uploads-endpoint.ts) checks the signature, the content type and the size before
 * it writes the file under the data folder.
 */
export class LocalUploadStore implements UploadStore {
  constructor(
    private readonly dir: string,
    private readonly baseUrl: string,
    private readonly secret: () => Promise<string>,
    /** The same clock the local server checks the links' expiry against. */
    private readonly clock: Clock = systemClock,
  ) {}

  async presign(spec: UploadSpec): Promise<PresignedForm> {
    const policy: LocalUploadPolicy = { key: spec.key, contentType: spec.contentType, maxBytes: spec.maxBytes, expiresAt: spec.expiresAt.toISOString() };
    const encoded = Buffer.from(JSON.stringify(policy)).toString('base64url');
    return { url: `${this.baseUrl}/local-uploads`, fields: { key: spec.key, policy: encoded, signature: await sign(encoded, await this.secret()), 'Content-Type': spec.contentType } };
  }

  async head(key: string) {
    try {
      const meta = JSON.parse(await readFile(join(this.dir, `${safeName(key)}.json`), 'utf8')) as { size: number; contentType: string };
      return meta;
    } catch {
      return undefined;
    }
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(join(this.dir, safeName(key)));
    } catch {
      return undefined;
    }
  }

  async remove(key: string): Promise<void> {
    await Promise.all([rm(join(this.dir, safeName(key)), { force: true }), rm(join(this.dir, `${safeName(key)}.json`), { force: true })]);
  }

  async downloadUrl(key: string, lifetimeSeconds = 900): Promise<string> {
    const expires = String(this.clock.now().getTime() + lifetimeSeconds * 1000);
    return `${this.baseUrl}/local-files/${encodeURIComponent(key)}?exp=${expires}&sig=${await sign(`${key}:${expires}`, await this.secret())}`;
  }
}

export async function sign(value: string, secret: string): Promise<string> {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export async function verify(value: string, signature: string, secret: string): Promise<boolean> {
  const expected = Buffer.from(await sign(value, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Keys are `uploads/<uuid>`; on disk they become one flat, safe file name. */
export function safeName(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_');
}
