import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const localSecretIds = { signingKey: 'local/signing-key', wechat: 'local/wechat-app-secret', pushToken: 'local/wechat-push-token' } as const;

const generate: Record<(typeof localSecretIds)[keyof typeof localSecretIds], () => string> = {
  [localSecretIds.signingKey]: () => randomBytes(32).toString('base64url'),
  [localSecretIds.wechat]: () => randomBytes(16).toString('hex'),
  // WeChat's push token: 3 to 32 letters and digits.
  [localSecretIds.pushToken]: () => randomBytes(16).toString('hex'),
};

/** Generates the local secrets file once; later starts reuse it (issued tokens stay valid) and add only what is missing. */
export async function ensureLocalSecrets(dataDir: string): Promise<string> {
  const file = join(dataDir, 'secrets.json');
  const current = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, string>) : {};
  const missing = Object.entries(generate).filter(([id]) => !current[id]);
  if (missing.length === 0) return file;
  const secrets = { ...current, ...Object.fromEntries(missing.map(([id, make]) => [id, make()])) };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return file;
}
