import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const localSecretIds = { signingKey: 'local/signing-key', wechat: 'local/wechat-app-secret' } as const;

/** Generates the local secrets file once; later starts reuse it, so issued tokens stay valid. */
export async function ensureLocalSecrets(dataDir: string): Promise<string> {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const current = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    if (current[localSecretIds.signingKey] && current[localSecretIds.wechat]) return file;
  }
  const secrets = {
    [localSecretIds.signingKey]: randomBytes(32).toString('base64url'),
    [localSecretIds.wechat]: randomBytes(16).toString('hex'),
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return file;
}
