import { postWechat, type WechatApi } from './wechat-api';

/** Sends WeChat subscription messages (订阅消息). The HTTP client is injected, as for code2Session. */
export interface WechatMessenger {
  send(message: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<'sent' | 'refused'>;
}

export class HttpWechatMessenger implements WechatMessenger {
  constructor(private readonly api: WechatApi) {}

  async send({ openid, templateId, page, data }: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<'sent' | 'refused'> {
    const body = await postWechat<{ errcode?: number }>(this.api, '/cgi-bin/message/subscribe/send', {
      touser: openid, template_id: templateId, page, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])),
    });
    if (!body.errcode) return 'sent';
    // 43101: the user has not (or no longer) agreed to this template.
    if (body.errcode === 43101) return 'refused';
    throw new Error(`WeChat subscribe/send errcode ${body.errcode}`);
  }
}
