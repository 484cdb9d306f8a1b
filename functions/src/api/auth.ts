import * as z from 'zod/mini';
import { BindingInput, DemoAccount, DevLoginInput, Me, Session, WechatLoginInput } from '@ltx/shared/schemas/auth';
import { ConsoleLoginConfirmed, ConsoleLoginConfirmInput, ConsoleLoginCreated, ConsoleLoginState } from '@ltx/shared/schemas/console-login';
import { StaffInvite, StaffInviteInput, StaffList, StaffMember, StaffRoleChangeInput } from '@ltx/shared/schemas/staff';
import { defineRoute } from './declare';
import { serve, type DomainWiring } from './serve';
import { authOf, consoleLoginsOf, staffOf } from '../context';
import { items } from './items';

/** Signing in and who I am: health, WeChat login, binding with an invite, the local demo logins; staff roles and their invites. */
export const routes = [
  defineRoute({
    id: 'health', method: 'GET', path: '/api/v1/health', auth: 'public', summary: '健康检查',
    response: z.object({ status: z.literal('ok') }),
    handle: async () => ({ status: 'ok' }),
  }),
  defineRoute({
    id: 'auth-wechat', method: 'POST', path: '/api/v1/auth/wechat', auth: 'public', summary: '微信登录',
    body: WechatLoginInput, response: Session, secrets: ['wechatAppSecret'],
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
  // The web console's QR sign-in (扫码登录): the page asks for a code and polls; the phone confirms (services/console-login-service.ts).
  defineRoute({
    id: 'console-login-create', method: 'POST', path: '/api/v1/console-logins', auth: 'public', summary: '电脑网页版扫码登录：生成一次性小程序码',
    response: ConsoleLoginCreated, status: 201, secrets: ['wechatAccessToken'],
    handle: async ({ ctx }) => ctx.consoleLogins.start(),
  }),
  defineRoute({
    id: 'console-login-poll', method: 'GET', path: '/api/v1/console-logins/{loginId}', auth: 'public', summary: '电脑网页版扫码登录：查询是否已在小程序确认（确认后只交付一次登录凭证）',
    response: ConsoleLoginState,
    handle: async ({ ctx, params }) => ctx.consoleLogins.poll(params.loginId),
  }),
  defineRoute({
    id: 'console-login-confirm', method: 'POST', path: '/api/v1/console-login-confirmations', auth: 'token', can: 'console.signIn',
    summary: '在小程序中确认电脑网页版登录（扫码后）',
    body: ConsoleLoginConfirmInput, response: ConsoleLoginConfirmed,
    handle: async ({ ctx, actor, body }) => ctx.consoleLogins.confirm(actor, body.scene),
  }),
  defineRoute({
    id: 'staff-invite-create', method: 'POST', path: '/api/v1/orgs/{orgId}/staff-invites', auth: 'token', can: 'staff.invite',
    summary: '邀请支部书记、联系人、督导或管理员（邀请码和小程序链接）',
    body: StaffInviteInput, response: StaffInvite, status: 201, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.staff.invite(actor, params.orgId, body),
  }),
  defineRoute({
    id: 'staff-list', method: 'GET', path: '/api/v1/orgs/{orgId}/staff', auth: 'token', can: 'staff.list', summary: '组织的工作人员和待接受的邀请',
    response: StaffList,
    handle: async ({ ctx, actor, params }) => ctx.staff.list(actor, params.orgId),
  }),
  defineRoute({
    id: 'staff-withdraw', method: 'POST', path: '/api/v1/orgs/{orgId}/staff/{userId}/withdraw', auth: 'token', can: 'staff.withdraw',
    summary: '收回工作人员的职务（立即生效）',
    response: StaffMember,
    handle: async ({ ctx, actor, params }) => ctx.staff.withdraw(actor, params.orgId, params.userId),
  }),
  defineRoute({
    id: 'staff-role-change', method: 'POST', path: '/api/v1/orgs/{orgId}/staff/{userId}/role', auth: 'token', can: 'staff.changeRole',
    summary: '变更工作人员的职务（立即生效，需重新登录）',
    body: StaffRoleChangeInput, response: StaffMember,
    handle: async ({ ctx, actor, params, body }) => ctx.staff.changeRole(actor, params.orgId, params.userId, body),
  }),
];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ auth: authOf(b), consoleLogins: consoleLoginsOf(b), staff: staffOf(b) });

export const handler = serve(routes, wire);
