import * as z from 'zod/mini';
import { titled } from './common';

const param = (title: string) => z.optional(titled(z.string().check(z.maxLength(512)), title));

/**
 * What WeChat puts on the push URL's query, on the URL check (GET, with `echostr`) and on every pushed
 * event (POST): the signature over the push token, the timestamp and the nonce. Other parameters
 * (openid, encrypt_type…) are let through unread; a missing signature is refused by its check (401).
 */
export const WechatPushQuery = z.object({
  signature: param('签名'),
  timestamp: param('时间戳'),
  nonce: param('随机数'),
  echostr: param('验证字符串'),
});
export type WechatPushQuery = z.infer<typeof WechatPushQuery>;

/**
 * A pushed event, JSON in plaintext mode (数据格式 JSON, 明文模式). Only `wxa_media_check` (the verdict of
 * media_check_async v2) is read; WeChat may send other events and fields, which are accepted and ignored.
 */
export const WechatPushEvent = z.object({
  MsgType: z.optional(z.string()),
  Event: z.optional(z.string()),
  trace_id: z.optional(z.string().check(z.maxLength(128))),
  errcode: z.optional(z.number()),
  result: z.optional(z.object({ suggest: z.optional(z.string()), label: z.optional(z.number()) })),
});
export type WechatPushEvent = z.infer<typeof WechatPushEvent>;

/** What the push route answers: `echostr` on the URL check, `success` to an event (plain text, as WeChat expects). */
export const WechatPushReply = titled(z.string(), '推送应答');
