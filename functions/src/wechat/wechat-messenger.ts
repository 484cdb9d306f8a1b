/** Sends WeChat subscription messages (订阅消息). The HTTP client is injected, as for code2Session. */
export interface WechatMessenger {
  send(message: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<'sent' | 'refused'>;
}

export interface WechatMessengerOptions {
  baseUrl: string;
  appId: string;
  appSecret: () => Promise<string>;
  fetch?: typeof fetch;
}

export class HttpWechatMessenger implements WechatMessenger {
  private token?: { value: string; until: number };

  constructor(private readonly options: WechatMessengerOptions) {}

  async send({ openid, templateId, page, data }: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<'sent' | 'refused'> {
    const doFetch = this.options.fetch ?? fetch;
    const url = new URL('/cgi-bin/message/subscribe/send', this.options.baseUrl);
    url.searchParams.set('access_token', await this.accessToken());
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ touser: openid, template_id: templateId, page, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])) }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { errcode?: number };
    if (!body.errcode) return 'sent';
    // 43101: the user has not (or no longer) agreed to this template.
    if (body.errcode === 43101) return 'refused';
    if (body.errcode === 40001 || body.errcode === 42001) this.token = undefined; // token revoked or expired
    throw new Error(`WeChat subscribe/send errcode ${body.errcode}`);
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const url = new URL('/cgi-bin/token', this.options.baseUrl);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.options.appId, secret: await this.options.appSecret() }).toString();
    const doFetch = this.options.fetch ?? fetch;
    const body = (await (await doFetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) throw new Error(`WeChat token errcode ${body.errcode}`);
    this.token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }
}
