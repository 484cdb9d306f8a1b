import type { ReminderKind } from '@ltx/shared/schemas/session';
/**
 * Environment read once at cold start. A missing variable fails loudly at import time
 * instead of surfacing as an odd error on some request later.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export type Stage = 'local' | 'prod' | 'test';

/**
 * The secrets a function may be given beside the session signing key (which every function reads),
 * each by the variable holding its id. A deployed function gets a variable, and the grant to read the
 * secret, only when one of its routes declares the need (api/declare.ts `secrets`; the reminder job
 * its own): infra/src/constructs/api.ts. Locally every variable is set.
 */
export const secretVariables = {
  /** WeChat's AppSecret: login, and the reminder job (which refreshes the access token with it). */
  wechatAppSecret: 'WECHAT_SECRET_ID',
  /**
   * "WeChat access token", which the reminder job publishes (and alone writes): read by the functions
   * that check content. Locally one process asks stable_token itself; the variable is set but unread.
   */
  wechatAccessToken: 'WECHAT_TOKEN_SECRET_ID',
  /** The token WeChat signs message pushes with (entered in WeChat's console): the push route only. */
  wechatPushToken: 'WECHAT_PUSH_TOKEN_SECRET_ID',
} as const;
export type SecretNeed = keyof typeof secretVariables;

/** The id of a secret this function needs: a function not given it (it declared no such need) fails saying so. */
export function secretIdOf(need: SecretNeed): string {
  const name = secretVariables[need];
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}: only functions whose routes declare secrets: ['${need}'] may read that secret`);
  return value;
}

export interface Env {
  stage: Stage;
  tableName: string;
  /** AWS: Secrets Manager secret ids. Local: keys in the JSON file at `secretsFile`. */
  signingKeySecretId: string;
  /** Only where a route declares `secrets: ['wechatAppSecret']` (login) and in the reminder job: see `secretVariables`. */
  wechatSecretId?: string;
  wechatAppId: string;
  /** https://api.weixin.qq.com in AWS; a fake server on loopback in tests. */
  wechatApiBase: string;
  /** The organisation's service openid: content checks of authors WeChat knows no openid of are made under it. */
  wechatCheckOpenId?: string;
  /** Local stage only: the generated secrets file under the data folder. */
  secretsFile?: string;
  /** Local: the dynalite endpoint. Unset in AWS. */
  dynamoEndpoint?: string;
  /** Attachments: an S3 bucket in AWS, or a folder and the local server's address locally. */
  uploads: { kind: 's3'; bucket: string; filesBaseUrl?: string } | { kind: 'local'; dir: string; baseUrl: string };
  /** Subscription-message template ids issued by WeChat; reminders of a kind without one are skipped. */
  reminderTemplates: Partial<Record<ReminderKind, string>>;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const stage = requireEnv('STAGE');
  if (stage !== 'local' && stage !== 'prod' && stage !== 'test') throw new Error(`Unknown STAGE ${stage}`);
  cached = {
    stage,
    tableName: requireEnv('TABLE_NAME'),
    signingKeySecretId: requireEnv('SIGNING_KEY_SECRET_ID'),
    wechatSecretId: process.env[secretVariables.wechatAppSecret] || undefined,
    wechatAppId: requireEnv('WECHAT_APP_ID'),
    wechatApiBase: requireEnv('WECHAT_API_BASE'),
    wechatCheckOpenId: process.env.WECHAT_CHECK_OPENID || undefined,
    secretsFile: process.env.SECRETS_FILE || undefined,
    dynamoEndpoint: process.env.DYNAMO_ENDPOINT || undefined,
    reminderTemplates: {
      ...(process.env.REMINDER_TEMPLATE_SESSION ? { session_tomorrow: process.env.REMINDER_TEMPLATE_SESSION } : {}),
      ...(process.env.REMINDER_TEMPLATE_MATERIAL ? { material_published: process.env.REMINDER_TEMPLATE_MATERIAL } : {}),
      ...(process.env.REMINDER_TEMPLATE_CHANGE ? { plan_changed: process.env.REMINDER_TEMPLATE_CHANGE } : {}),
    },
    uploads: stage === 'prod' ? { kind: 's3', bucket: requireEnv('UPLOAD_BUCKET'), filesBaseUrl: process.env.FILES_BASE_URL || undefined } : { kind: 'local', dir: requireEnv('UPLOADS_DIR'), baseUrl: requireEnv('UPLOADS_BASE_URL') },
  };
  return cached;
}

/** Tests that start several stacks in one process reset the cache between them. */
export function resetEnvForTests(): void {
  cached = undefined;
}
