import { WechatPushEvent, WechatPushQuery, WechatPushReply } from '@ltx/shared/schemas/wechat';
import { defineRoute, textReply } from './declare';
import type { DomainWiring } from './serve';
import { wechatPushOf } from '../context';

/**
 * WeChat's message push (消息推送, JSON, 明文模式): the URL entered in WeChat's console with its push
 * token (docs/deploy.md). Public, as WeChat calls it without a user token; the signature on the query
 * proves the call is WeChat's (401 otherwise). Served by the uploads function (api/uploads.ts): a verdict changes an
 * upload's check state, and the stack keeps to its budget of functions (bench/budgets.ts). That function alone reads
 * the push token.
 */
export const routes = [
  defineRoute({
    id: 'wechat-push-verify', method: 'GET', path: '/api/v1/wechat/push', auth: 'public', summary: '微信消息推送：配置服务器地址时的验证（回显 echostr）',
    query: WechatPushQuery, response: WechatPushReply, secrets: ['wechatPushToken'],
    handle: async ({ ctx, query }) => textReply(await ctx.wechatPush.verifyUrl(query)),
  }),
  defineRoute({
    id: 'wechat-push-event', method: 'POST', path: '/api/v1/wechat/push', auth: 'public', summary: '微信消息推送：图片内容安全检查结果（wxa_media_check）等事件',
    query: WechatPushQuery, body: WechatPushEvent, response: WechatPushReply, secrets: ['wechatPushToken'],
    handle: async ({ ctx, query, body }) => textReply(await ctx.wechatPush.receive(query, body)),
  }),
];

/** The services these routes use (wired into the uploads function's). */
export const wire: DomainWiring = (b) => ({ wechatPush: wechatPushOf(b) });
