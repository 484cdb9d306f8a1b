import {
  AmendmentInput, AttendanceInput, AttendanceWithdrawInput, BranchOverview, BulkAttendanceInput, BulkAttendancePlan, BulkUndoInput, FrequencyRules, MemberSession, MinutesInput, OutboxEntry,
  ReconcileInput, ReconcileReport, SessionCloseInput, SessionCreateInput, SessionDetail, SessionListQuery, SessionPatchInput, SessionSummary, SubscriptionsAnswer, SubscriptionsInput,
} from '@ltx/shared/schemas/session';
import { defineRoute } from './declare';
import { items } from './items';
import { serve, type DomainWiring } from './serve';
import { overviewOf, ruleSetsOf, sessionsAndVisitsOf } from '../context';

/** PATCH, and its POST alias for wx.request (which cannot send PATCH). */
const sessionUpdate = <const M extends 'PATCH' | 'POST'>(id: string, method: M, summary: string) =>
  defineRoute({
    id, method, path: '/api/v1/sessions/{sessionId}', auth: 'token', can: 'session.write', summary,
    body: SessionPatchInput, response: SessionDetail, uploads: 'check',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.update(actor, params.sessionId, body),
  });

/** Organisational life (三会一课、主题党日): rules, sessions, attendance, minutes, reminders. */
export const routes = [
  defineRoute({
    id: 'rules-get', method: 'GET', path: '/api/v1/orgs/{orgId}/session-rules', auth: 'token', can: 'rules.read', summary: '组织生活频次要求（本组织实际执行的：自定、沿用上级或全国统一）',
    response: FrequencyRules,
    handle: async ({ ctx, actor, params }) => ctx.ruleSets.effective(actor, params.orgId, 'frequency'),
  }),
  defineRoute({
    id: 'rules-put', method: 'PUT', path: '/api/v1/orgs/{orgId}/session-rules', auth: 'token', can: 'rules.edit', summary: '本组织自定组织生活频次要求（管理员；下级未自定的沿用）',
    body: FrequencyRules, response: FrequencyRules,
    handle: async ({ ctx, actor, params, body }) => ctx.ruleSets.save(actor, params.orgId, 'frequency', body),
  }),
  defineRoute({
    id: 'sessions-list', method: 'GET', path: '/api/v1/branches/{branchId}/sessions', auth: 'token', can: 'session.list', summary: '支部的组织生活（可按 from、to、kind 筛选）',
    query: SessionListQuery, response: items(SessionSummary),
    handle: async ({ ctx, actor, params, query }) => ({ items: await ctx.sessions.list(actor, params.branchId, query) }),
  }),
  defineRoute({
    id: 'session-create', method: 'POST', path: '/api/v1/branches/{branchId}/sessions', auth: 'token', can: 'session.write', summary: '按模板新建组织生活',
    body: SessionCreateInput, response: SessionDetail, status: 201, idempotent: true, uploads: 'check',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.create(actor, params.branchId, body),
  }),
  defineRoute({
    id: 'branch-overview', method: 'GET', path: '/api/v1/branches/{branchId}/overview', auth: 'token', can: 'outbox.read', summary: '书记首页：预警与近期会议',
    response: BranchOverview,
    handle: async ({ ctx, actor, params }) => ctx.overview.overview(actor, params.branchId),
  }),
  defineRoute({
    id: 'outbox-list', method: 'GET', path: '/api/v1/branches/{branchId}/outbox', auth: 'token', can: 'outbox.read', summary: '待发提醒',
    response: items(OutboxEntry),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.overview.outbox(actor, params.branchId) }),
  }),
  defineRoute({
    id: 'session-get', method: 'GET', path: '/api/v1/sessions/{sessionId}', auth: 'token', can: 'session.read', summary: '会议详情、出席与记录',
    response: SessionDetail, uploads: 'read',
    handle: async ({ ctx, actor, params }) => ctx.sessions.get(actor, params.sessionId),
  }),
  sessionUpdate('session-update-patch', 'PATCH', '修改会议安排'),
  sessionUpdate('session-update-post', 'POST', '修改会议安排（微信小程序用 POST）'),
  defineRoute({
    id: 'attendance-bulk', method: 'PUT', path: '/api/v1/sessions/{sessionId}/attendance', auth: 'token', can: 'attendance.mark', summary: '批量登记出席（一键全部出席）',
    body: BulkAttendanceInput, response: SessionDetail, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.markMany(actor, params.sessionId, body),
  }),
  defineRoute({
    id: 'attendance-bulk-preview', method: 'POST', path: '/api/v1/sessions/{sessionId}/attendance/preview', auth: 'token', can: 'attendance.mark',
    summary: '预览一键全部出席：谁将登记、谁保持不变',
    body: BulkAttendanceInput, response: BulkAttendancePlan,
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.previewMany(actor, params.sessionId, body),
  }),
  defineRoute({
    id: 'attendance-bulk-undo', method: 'POST', path: '/api/v1/sessions/{sessionId}/attendance/undo', auth: 'token', can: 'attendance.mark', summary: '撤销刚才的一键全部出席',
    body: BulkUndoInput, response: SessionDetail, uploads: 'read',
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.undoBulk(actor, params.sessionId, body),
  }),
  defineRoute({
    id: 'attendance-put', method: 'PUT', path: '/api/v1/sessions/{sessionId}/attendance/{memberId}', auth: 'token', summary: '登记一人出席情况（支持 Idempotency-Key）',
    // A leave asked for offline is sent when the network returns, with the key made when it was asked.
    body: AttendanceInput, response: SessionDetail, idempotent: true, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.markAttendance(actor, params.sessionId, params.memberId, body),
  }),
  defineRoute({
    id: 'attendance-withdraw', method: 'POST', path: '/api/v1/sessions/{sessionId}/attendance/{memberId}/withdraw', auth: 'token', can: 'attendance.markOwn',
    summary: '党员本人或家属撤销自己的请假（我能来了）或“我已学习”（会议归档前；支持 Idempotency-Key）',
    body: AttendanceWithdrawInput, response: SessionDetail, idempotent: true, uploads: 'read',
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.withdrawOwn(actor, params.sessionId, params.memberId, body),
  }),
  defineRoute({
    id: 'minutes-put', method: 'PUT', path: '/api/v1/sessions/{sessionId}/minutes', auth: 'token', can: 'session.write', summary: '填写会议记录',
    body: MinutesInput, response: SessionDetail, uploads: 'check',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.writeMinutes(actor, params.sessionId, body),
  }),
  defineRoute({
    id: 'session-close', method: 'POST', path: '/api/v1/sessions/{sessionId}/close', auth: 'token', can: 'session.write', summary: '结束归档会议记录',
    body: SessionCloseInput, response: SessionDetail, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.close(actor, params.sessionId, body),
  }),
  defineRoute({
    id: 'session-reconcile', method: 'POST', path: '/api/v1/sessions/{sessionId}/reconcile', auth: 'token', can: 'session.write',
    summary: '核对并修正出席派生的参加日期和积分',
    body: ReconcileInput, response: ReconcileReport,
    handle: async ({ ctx, actor, params }) => ctx.sessions.reconcile(actor, params.sessionId),
  }),
  defineRoute({
    id: 'amendment-create', method: 'POST', path: '/api/v1/sessions/{sessionId}/amendments', auth: 'token', can: 'session.write', summary: '追加更正说明',
    body: AmendmentInput, response: SessionDetail, status: 201, idempotent: true, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.sessions.amend(actor, params.sessionId, body),
  }),
  defineRoute({
    id: 'member-sessions', method: 'GET', path: '/api/v1/members/{memberId}/sessions', auth: 'token', can: 'member.read', summary: '党员本人的学习安排',
    query: SessionListQuery, response: items(MemberSession), uploads: 'read',
    handle: async ({ ctx, actor, params, query }) => ({ items: await ctx.sessions.memberSessions(actor, params.memberId, query) }),
  }),
  defineRoute({
    id: 'subscriptions-put', method: 'PUT', path: '/api/v1/members/{memberId}/subscriptions', auth: 'token', can: 'attendance.markOwn',
    summary: '订阅提醒（每次在微信里点“允许”，可多收一次该类提醒；答复还剩几次）',
    body: SubscriptionsInput, response: SubscriptionsAnswer, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.overview.subscribe(actor, params.memberId, body),
  }),
];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ sessions: sessionsAndVisitsOf(b).sessions, overview: overviewOf(b), ruleSets: ruleSetsOf(b) });

export const handler = serve(routes, wire);
