import * as z from 'zod/mini';
import { BindingInput, DemoAccount, DevLoginInput, Me, Session, WechatLoginInput } from '@ltx/shared/schemas/auth';
import { defineRoute } from './declare';
import { serve } from './serve';
import { items } from './items';

/** Signing in and who I am: health, WeChat login, binding with an invite, the local demo logins. */
export const routes = [
  defineRoute({
    id: 'health', method: 'GET', path: '/api/v1/health', auth: 'public', summary: '健康检查',
    response: z.object({ status: z.literal('ok') }),
    handle: async () => ({ status: 'ok' }),
  }),
  defineRoute({
    id: 'auth-wechat', method: 'POST', path: '/api/v1/auth/wechat', auth: 'public', summary: '微信登录',
    body: WechatLoginInput, response: Session,
    handle: async ({ ctx, body }) => ctx.auth.wechatLogin(body.code),
  }),
  defineRoute({
    id: 'auth-dev-login', method: 'POST', path: '/api/v1/auth/dev-login', auth: 'public', localOnly: true, summary: '本地演示账号登录',
    body: DevLoginInput, response: Session,
    handle: async ({ ctx, body }) => ctx.auth.devLogin(body.account),
  }),
  defineRoute({
    id: 'auth-demo-accounts', method: 'GET', path: '/api/v1/auth/demo-accounts', auth: 'public', localOnly: true, summary: '本地演示账号列表',
    response: items(DemoAccount),
    handle: async ({ ctx }) => ({ items: await ctx.auth.demoAccounts() }),
  }),
  defineRoute({
    id: 'me-get', method: 'GET', path: '/api/v1/me', auth: 'token', summary: '当前用户',
    response: Me,
    handle: async ({ ctx, actor }) => ctx.auth.me(actor),
  }),
  defineRoute({
    id: 'binding-create', method: 'POST', path: '/api/v1/bindings', auth: 'token', summary: '用邀请码绑定微信',
    body: BindingInput, response: Session,
    handle: async ({ ctx, actor, body }) => ctx.auth.bind(actor, body.inviteCode),
  }),
];

export const handler = serve(routes);
