import { WechatLoginError } from '@ltx/shared/domain/errors';

/** What we keep from code2Session. The session_key is dropped here and never leaves the server. */
export interface WechatIdentity {
  openid: string;
  unionid?: string;
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatIdentity>;
}

export interface WechatClientOptions {
  /** https://api.weixin.qq.com in AWS; a fake server on loopback in tests. */
  baseUrl: string;
  appId: string;
  appSecret: () => Promise<string>;
  fetch?: typeof fetch;
}

/** WeChat's code2Session over HTTPS; the HTTP client is injected so tests can point it at a local fake. */
export class HttpWechatClient implements WechatClient {
  constructor(private readonly options: WechatClientOptions) {}

  async code2Session(code: string): Promise<WechatIdentity> {
    const url = new URL('/sns/jscode2session', this.options.baseUrl);
    url.search = new URLSearchParams({
      appid: this.options.appId,
      secret: await this.options.appSecret(),
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const doFetch = this.options.fetch ?? fetch;
    let body: { openid?: string; unionid?: string; errcode?: number };
    try {
      const response = await doFetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await response.json()) as typeof body;
    } catch {
      throw new WechatLoginError();
    }
    if (body.errcode || !body.openid) throw new WechatLoginError();
    return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
  }
}
