import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { deployedRoutes, routes as allRoutes, type RouteSpec } from '@ltx/functions/api/index';
import { Api } from '../constructs/api.js';
import { DataKey } from '../constructs/data-key.js';
import { DataTable } from '../constructs/data-table.js';
import { AppSecrets } from '../constructs/secrets.js';
import { UploadBucket } from '../constructs/upload-bucket.js';
import { ReminderJob } from '../constructs/reminder-job.js';
import { Observability } from '../constructs/observability.js';
import { CustomDomain } from '../constructs/custom-domain.js';
import { FileGateway } from '../constructs/file-gateway.js';
import { TableBackup } from '../constructs/table-backup.js';
import type { StageDomain } from '@ltx/shared/config/domains';
import { WebConsole } from '../constructs/web-console.js';
import type { ConsoleSite } from '@ltx/shared/config/stages';

/** The message-push route, as declared (functions/src/api/wechat.ts). */
const wechatPushPath = allRoutes.find((r) => r.id === 'wechat-push-event')!.path;

export interface BranchStackProps extends StackProps {
  /** WeChat mini-program AppID (public; CDK context `wechatAppId`). */
  wechatAppId: string;
  /** Defaults to `deployedRoutes`; local-only routes are rejected. */
  routes?: readonly RouteSpec[];
  /** Folder holding the domain modules (`<domain>.ts`); defaults to functions/src/api. */
  apiDir?: string;
  /** Browser origins allowed to POST upload forms (CDK context `uploadCorsOrigins`); default any. */
  uploadCorsOrigins?: string[];
  /** WeChat subscription-message template ids (CDK context `reminderTemplateSession`, `reminderTemplateMaterial`). */
  reminderTemplates?: { session?: string; material?: string; change?: string };
  /** The organisation's service openid for content checks (CDK context `wechatCheckOpenId`); optional. */
  wechatCheckOpenId?: string;
  /** The mini-program version a console sign-in code opens (config/stages.json `wechatCodeVersion`); `release` when left out. */
  wechatCodeVersion?: 'release' | 'trial' | 'develop';
  /** How long every log group is kept: six months unless said; less is refused at synth (网络安全法 Art. 21). */
  logRetention?: RetentionDays;
  /** Stage-wide request limits of the HTTP API (requests per second, burst). */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Who the alarms are mailed to (the stage's `alarmEmails`). */
  alarmEmails?: readonly string[];
  /** The stage's ICP-filed domain and certificate (config/domains.ts): API and files at https://api.<domain>. */
  domain?: StageDomain;
  /** The web console's domain and certificate (config/stages.json `console`); see constructs/web-console.ts. */
  console?: ConsoleSite;
}

/**
 * The whole cloud back end: one customer-managed key, one table, four secrets (signing key, WeChat
 * AppSecret, the published access token, the push token), a private bucket for attachments (plus its access-log bucket), one HTTP API with a Lambda per domain of routes, and the
 * scheduled reminder job.
 */
export class BranchStack extends Stack {
  readonly key: DataKey;
  readonly data: DataTable;
  readonly secrets: AppSecrets;
  readonly uploads: UploadBucket;
  readonly api: Api;
  readonly reminders: ReminderJob;
  readonly observability: Observability;
  readonly customDomain?: CustomDomain;
  readonly backup: TableBackup;
  readonly console: WebConsole;

  constructor(scope: Construct, id: string, props: BranchStackProps) {
    super(scope, id, props);
    if (!/^wx[0-9a-f]{16}$/i.test(props.wechatAppId)) {
      throw new Error(`wechatAppId must look like wx followed by 16 hex digits, got "${props.wechatAppId}"`);
    }

    this.key = new DataKey(this, 'DataKey');
    this.data = new DataTable(this, 'Data', { key: this.key });
    this.secrets = new AppSecrets(this, 'Secrets');
    this.uploads = new UploadBucket(this, 'Uploads', { key: this.key, corsOrigins: props.uploadCorsOrigins });
    this.api = new Api(this, 'Api', {
      routes: props.routes ?? deployedRoutes,
      data: this.data,
      uploads: this.uploads,
      key: this.key,
      signingKeySecret: this.secrets.signingKey,
      // The secrets a route may declare it reads (functions/src/api/declare.ts `secrets`).
      secrets: { wechatAppSecret: this.secrets.wechatAppSecret, wechatAccessToken: this.secrets.wechatAccessToken, wechatPushToken: this.secrets.wechatPushToken },
      wechatCheckOpenId: props.wechatCheckOpenId,
      wechatCodeVersion: props.wechatCodeVersion,
      wechatAppId: props.wechatAppId,
      apiDir: props.apiDir,
      logRetention: props.logRetention,
      throttle: props.throttle,
      // The web console on its own domain calls the API from the browser.
      ...(props.console ? { corsOrigins: [`https://${props.console.domainName}`] } : {}),
    });
    this.console = new WebConsole(this, 'Console', { site: props.console, accessLogs: this.uploads.accessLogs });

    this.reminders = new ReminderJob(this, 'Reminders', {
      data: this.data,
      key: this.key,
      signingKeySecret: this.secrets.signingKey,
      wechatSecret: this.secrets.wechatAppSecret,
      wechatAccessToken: this.secrets.wechatAccessToken,
      environment: this.api.environment,
      templates: props.reminderTemplates ?? {},
      logRetention: props.logRetention,
    });

    this.observability = new Observability(this, 'Observability', { api: this.api, reminders: this.reminders, data: this.data, alarmEmails: props.alarmEmails });
    this.backup = new TableBackup(this, 'Backup', { data: this.data, key: this.key });
    if (props.domain) {
      this.customDomain = new CustomDomain(this, 'Domain', { domain: props.domain, httpApi: this.api.httpApi, stage: this.api.stage });
      new FileGateway(this, 'Files', { httpApi: this.api.httpApi, uploads: this.uploads, filesBaseUrl: props.domain.filesBaseUrl, functions: this.api.functions.values() });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'UploadBucketName', { value: this.uploads.bucket.bucketName });
    new CfnOutput(this, 'UploadDomain', {
      // With a domain, files go through https://api.<domain>/files (FileGateway); without one, straight to S3.
      value: props.domain ? props.domain.origin : `https://${this.uploads.bucket.bucketRegionalDomainName}`,
      description: 'Where clients POST upload forms and GET attachments: add it as a WeChat uploadFile and downloadFile domain',
    });
    new CfnOutput(this, 'WechatPushUrl', {
      value: `${props.domain ? props.domain.origin : this.api.stage.url.replace(/\/$/, '')}${wechatPushPath}`,
      description: "WeChat console, 开发管理 > 消息推送: the URL (数据格式 JSON, 明文模式); its token is the WechatPushTokenArn secret's value",
    });
    new CfnOutput(this, 'WechatPushTokenArn', {
      value: this.secrets.wechatPushToken.secretArn,
      description: "Read with: aws secretsmanager get-secret-value --secret-id <this>; enter it as the push's 令牌(Token) in WeChat's console",
    });
    new CfnOutput(this, 'WechatSecretArn', {
      value: this.secrets.wechatAppSecret.secretArn,
      description: 'Fill with: aws secretsmanager put-secret-value --secret-id <this> --secret-string <AppSecret>',
    });
  }
}
