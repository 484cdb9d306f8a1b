import type { DeployedStage } from './stages';

/**
 * The names a deployed stage is reached by. WeChat lets a mini-program call only HTTPS domains that are
 * ICP-filed (备案) and entered in its console, so everything the phone touches is on one host of the stage's
 * own domain: `api.<domain>` serves the API under `/api/v1` and the attachments under `/files` (the HTTP
 * API proxies presigned S3 requests there: infra/src/constructs/file-gateway.ts). One certificate, one DNS
 * record, one entry per list in WeChat's console.
 */
export interface StageDomain {
  /** The ICP-filed domain itself (example.cn). */
  domain: string;
  /** The host the mini-program calls: api.<domain>. */
  apiHost: string;
  /** The ACM certificate that covers apiHost, in the stage's region. */
  certificateArn: string;
  /** `https://api.<domain>`: the stage's apiOrigin. */
  origin: string;
  /** Where presigned upload forms are POSTed and presigned links read: `https://api.<domain>/files`. */
  filesBaseUrl: string;
}

/** The path the HTTP API serves files under (presigned S3 requests proxied to the bucket). */
export const filesPath = '/files';

/** A problem with a stage's settings, in words naming the setting (config/stages.json). */
export class StageSettingError extends Error {}

/**
 * The stage's custom domain, or undefined when it has none (a stage reached only at API Gateway's own URL,
 * which WeChat will not call: fine for a dev stack tried from a browser). A domain without its certificate,
 * a certificate from another region (a regional API Gateway domain takes only its own region's), or an
 * apiOrigin that is not `https://api.<domain>` is refused, naming the setting.
 */
export function stageDomainOf(stage: Pick<DeployedStage, 'region' | 'domain' | 'certificateArn' | 'apiOrigin'>): StageDomain | undefined {
  const { domain, certificateArn, region } = stage;
  if (!domain && !certificateArn) return undefined;
  if (!domain) throw new StageSettingError('domain：填写了 certificateArn，但没有填写已备案的域名 domain（如 example.cn）');
  if (!certificateArn) throw new StageSettingError(`certificateArn：填写了 domain，还需要 api.${domain} 的证书在 ACM 中的 ARN（见 docs/deploy.md「证书」）`);
  const certRegion = certificateArn.split(':')[3];
  if (certRegion !== region) {
    throw new StageSettingError(`certificateArn：证书须在本阶段的区域 ${region} 的 ACM 中（API Gateway 区域域名只用同区域的证书），现在是 ${certRegion}`);
  }
  const apiHost = `api.${domain}`;
  const origin = `https://${apiHost}`;
  if (stage.apiOrigin && stage.apiOrigin !== origin) {
    throw new StageSettingError(`apiOrigin：有 domain ${domain} 时应为 ${origin}，现在是 ${stage.apiOrigin}`);
  }
  return { domain, apiHost, certificateArn, origin, filesBaseUrl: `${origin}${filesPath}` };
}

/** What to enter in WeChat's console (开发管理 → 开发设置 → 服务器域名), list by list. */
export interface WechatServerDomains {
  request: string[];
  uploadFile: string[];
  downloadFile: string[];
}

/** The three lists for a stage with a domain: the same single origin in each. */
export function wechatServerDomains(d: StageDomain): WechatServerDomains {
  return { request: [d.origin], uploadFile: [d.origin], downloadFile: [d.origin] };
}
