import * as z from 'zod/mini';

/**
 * Where the product runs, one entry per stage, in one validated file (config/stages.json): `local` on one
 * machine, `dev` and `prod` in AWS. The CDK app builds a deployed stage's stack from its entry (region,
 * account, WeChat AppID, reminder templates, log retention, throttling), and the weapp build takes the API's
 * origin and the privacy policy's operator from it, refusing a deployed stage that has no origin yet.
 */

export const stageNames = ['local', 'dev', 'prod'] as const;
export type StageName = (typeof stageNames)[number];

/** The global regions and the two of AWS China (partition `aws-cn`): 'cn-northwest-1', 'ap-east-1'. */
const Region = z.string().check(z.regex(/^(cn|us|eu|ap|ca|sa|me|af|il|mx)-[a-z]+-\d$/, 'region：请写 AWS 区域代码，如 cn-northwest-1'));

/** CloudWatch Logs accepts these retentions; six months (180 days) at least (网络安全法 Art. 21). */
export const logRetentionChoices = [180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const HttpsOrigin = z.string().check(z.regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/i, 'apiOrigin：请写 https:// 开头、不带路径的地址，如 https://api.example.cn'));

/**
 * The web console (the H5 build for computers, infra/src/constructs/web-console.ts): its ICP-filed domain name and
 * the certificate CloudFront serves it with. Global regions: an ACM certificate in us-east-1 (CloudFront's only
 * region for ACM). AWS China: CloudFront takes no ACM certificate and serves nothing without a filed domain, so a
 * certificate uploaded to IAM (path /cloudfront/) is named by its id; without both the console is not served there.
 */
export const ConsoleSite = z.strictObject({
  domainName: z.string().check(z.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i, 'console.domainName：请写已备案的域名，如 console.example.cn')),
  acmCertificateArn: z.optional(z.string().check(z.regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'console.acmCertificateArn：CloudFront 只接受 us-east-1 区域的 ACM 证书'))),
  iamCertificateId: z.optional(z.string().check(z.regex(/^[A-Z0-9]{21}$/, 'console.iamCertificateId：上传到 IAM 的服务器证书 ID（21 位大写字母和数字）'))),
});
export type ConsoleSite = z.infer<typeof ConsoleSite>;

export const DeployedStage = z.strictObject({
  /** Where the stack goes; `cn-…` regions are AWS China (ICP filing, aws-cn partition). */
  region: Region,
  /** The AWS account (12 digits), when the stage is tied to one; absent: the credentials' account. */
  account: z.optional(z.string().check(z.regex(/^\d{12}$/, 'account：AWS 账号是 12 位数字'))),
  /** The CloudFormation stack's name. */
  stackName: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'stackName：字母开头，只含字母、数字和连字符')),
  /** The mini-program's AppID (public). */
  wechatAppId: z.string().check(z.regex(/^wx[0-9a-f]{16}$/i, 'wechatAppId：wx 加 16 位十六进制字符')),
  /**
   * The API's origin the mini-program calls (a domain entered in WeChat's console as a request domain):
   * absent until the stack is deployed and its domain is known; a weapp build for the stage refuses without it.
   */
  apiOrigin: z.optional(HttpsOrigin),
  /** WeChat subscription-message template ids; reminders of a kind without one are not sent. */
  reminderTemplates: z._default(z.strictObject({ session: z.optional(z.string()), material: z.optional(z.string()), change: z.optional(z.string()) }), {}),
  /** How long every log group is kept, in days. */
  logRetentionDays: z._default(z.union(logRetentionChoices.map((d) => z.literal(d)), { error: `logRetentionDays：日志至少保存 180 天（网络安全法第二十一条），可选 ${logRetentionChoices.join('、')}` }), 180),
  /** Stage-wide request limits of the HTTP API (requests per second, burst). */
  throttle: z._default(z.strictObject({ rateLimit: z.number().check(z.positive()), burstLimit: z.int().check(z.positive()) }), { rateLimit: 50, burstLimit: 100 }),
  /** The organisation that runs the deployment, as the privacy policy names it (个人信息处理者) and how to reach it. */
  operator: z._default(z.strictObject({ name: z.optional(z.string()), contact: z.optional(z.string()) }), {}),
  /** The ICP-filed domain (备案): the API and its files are served at https://api.<domain> (config/domains.ts); absent: API Gateway's own URL only. */
  domain: z.optional(z.string().check(z.regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'domain：请写已备案的域名本身，如 example.cn（不带 https://，不带 api.）'))),
  /** The ACM certificate for api.<domain> in the stage's region (issued by ACM, or imported: AWS China issues none). */
  certificateArn: z.optional(z.string().check(z.regex(/^arn:aws(-cn)?:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, 'certificateArn：请写 ACM 证书的 ARN，如 arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/…'))),
  /** Browser origins allowed to POST upload forms (the H5 console); absent: any. */
  uploadCorsOrigins: z.optional(z.array(HttpsOrigin)),
  /** Who is mailed when an alarm goes off or clears (docs/runbook.md); each confirms AWS's subscription mail once. */
  alarmEmails: z._default(z.array(z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'alarmEmails：请写电子邮箱地址，如 ops@example.cn'))), []),
  /** The organisation's service openid, for content checks of authors WeChat knows no openid of; optional. */
  wechatCheckOpenId: z.optional(z.string()),
  /**
   * Which version of the mini-program a console sign-in code opens (WeChat's `env_version`): `release` for prod,
   * `trial` (体验版) for a dev stage whose testers run the trial build.
   */
  wechatCodeVersion: z._default(z.enum(['release', 'trial', 'develop']), 'release'),
  /** The web console's domain and certificate; absent: served at CloudFront's own domain (global regions only). */
  console: z.optional(ConsoleSite),
});
export type DeployedStage = z.infer<typeof DeployedStage>;

export const LocalStage = z.strictObject({
  /** The local server's origin (npm run dev). */
  apiOrigin: z.string().check(z.regex(/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/, 'apiOrigin：本机地址，如 http://127.0.0.1:8787')),
  operator: z._default(z.strictObject({ name: z.optional(z.string()), contact: z.optional(z.string()) }), {}),
});
export type LocalStage = z.infer<typeof LocalStage>;

export const StageConfigs = z.strictObject({ local: LocalStage, dev: DeployedStage, prod: DeployedStage });
export type StageConfigs = z.infer<typeof StageConfigs>;

/** The checked file, or an error that names every wrong setting. */
export function parseStages(json: unknown): StageConfigs {
  const parsed = z.safeParse(StageConfigs, json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`config/stages.json is not valid:\n${problems.join('\n')}`);
}

export function isStageName(name: string): name is StageName {
  return (stageNames as readonly string[]).includes(name);
}

/** Whether a region is in AWS China (partition aws-cn). */
export const isChinaRegion = (region: string): boolean => region.startsWith('cn-');

/**
 * The origin a weapp build for `stage` calls. A mini-program cannot call a relative URL, and a build pointing at
 * 127.0.0.1 would fail on every phone: a deployed stage without `apiOrigin` is refused, in words saying what to do.
 */
export function weappApiOrigin(stage: StageName, settings: { apiOrigin?: string }): string {
  const origin = settings.apiOrigin;
  if (!origin) {
    throw new Error(
      `The ${stage} stage has no apiOrigin in config/stages.json. Deploy it first (docs/deploy.md), ` +
        `enter its API domain (https://api.<your ICP-filed domain>) as apiOrigin, then build again.`,
    );
  }
  return origin;
}
