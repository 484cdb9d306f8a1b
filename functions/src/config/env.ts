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

export interface Env {
  stage: Stage;
  tableName: string;
  /** AWS: Secrets Manager secret ids. Local: keys in the JSON file at `secretsFile`. */
  signingKeySecretId: string;
  wechatSecretId: string;
  wechatAppId: string;
  /** https://api.weixin.qq.com in AWS; a fake server on loopback in tests. */
  wechatApiBase: string;
  /**
   * AWS: the secret the reminder job publishes WeChat's access token into ("WeChat access token"),
   * read by the functions that check content. Unset locally, where one process asks stable_token itself.
   */
  wechatTokenSecretId?: string;
  /** The token WeChat signs message pushes with (entered in WeChat's console): a secret id, or a key of the local file. */
  wechatPushTokenSecretId: string;
  /** The organisation's service openid: content checks of authors WeChat knows no openid of are made under it. */
  wechatCheckOpenId?: string;
  /** Local stage only: the generated secrets file under the data folder. */
  secretsFile?: string;
  /** Local: the dynalite endpoint. Unset in AWS. */
  dynamoEndpoint?: string;
  /** Attachments: an S3 bucket in AWS, or a folder and the local server's address locally. */
  uploads: { kind: 's3'; bucket: string } | { kind: 'local'; dir: string; baseUrl: string };
  /** Subscription-message template ids issued by WeChat; reminders of a kind without one are skipped. */
  reminderTemplates: { session_tomorrow?: string; material_published?: string };
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
    wechatSecretId: requireEnv('WECHAT_SECRET_ID'),
    wechatAppId: requireEnv('WECHAT_APP_ID'),
    wechatApiBase: requireEnv('WECHAT_API_BASE'),
    wechatTokenSecretId: stage === 'prod' ? requireEnv('WECHAT_TOKEN_SECRET_ID') : undefined,
    wechatPushTokenSecretId: requireEnv('WECHAT_PUSH_TOKEN_SECRET_ID'),
    wechatCheckOpenId: process.env.WECHAT_CHECK_OPENID || undefined,
    secretsFile: process.env.SECRETS_FILE || undefined,
    dynamoEndpoint: process.env.DYNAMO_ENDPOINT || undefined,
    reminderTemplates: {
      ...(process.env.REMINDER_TEMPLATE_SESSION ? { session_tomorrow: process.env.REMINDER_TEMPLATE_SESSION } : {}),
      ...(process.env.REMINDER_TEMPLATE_MATERIAL ? { material_published: process.env.REMINDER_TEMPLATE_MATERIAL } : {}),
    },
    uploads: stage === 'prod' ? { kind: 's3', bucket: requireEnv('UPLOAD_BUCKET') } : { kind: 'local', dir: requireEnv('UPLOADS_DIR'), baseUrl: requireEnv('UPLOADS_BASE_URL') },
  };
  return cached;
}

/** Tests that start several stacks in one process reset the cache between them. */
export function resetEnvForTests(): void {
  cached = undefined;
}
