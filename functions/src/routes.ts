/**
 * The public HTTP contract: every route, the handler module that serves it and whether it
 * needs a session token. The local server and the CDK stack both read this table, so a route
 * exists in exactly one place. Handler modules live in `handlers/<handler>.ts` and export
 * `handler`. This file must stay free of runtime dependencies beyond the shared schemas.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT';

export interface RouteSpec {
  method: HttpMethod;
  /** API Gateway path template, e.g. `/api/v1/members/{memberId}`. */
  path: string;
  /** Module name under `handlers/`. */
  handler: string;
  /** `public` routes need no token; `token` routes verify the bearer token in the handler. */
  auth: 'public' | 'token';
  /** Exists only on the local stage; the CDK stacks never deploy it. */
  localOnly?: boolean;
  summary: string;
}

export const apiPrefix = '/api/v1';

export const routes: readonly RouteSpec[] = [
  { method: 'GET', path: '/api/v1/health', handler: 'health', auth: 'public', summary: '健康检查' },
  { method: 'POST', path: '/api/v1/auth/wechat', handler: 'auth-wechat', auth: 'public', summary: '微信登录' },
  { method: 'POST', path: '/api/v1/auth/dev-login', handler: 'auth-dev-login', auth: 'public', localOnly: true, summary: '本地演示账号登录' },
  { method: 'GET', path: '/api/v1/auth/demo-accounts', handler: 'auth-demo-accounts', auth: 'public', localOnly: true, summary: '本地演示账号列表' },
  { method: 'GET', path: '/api/v1/me', handler: 'me-get', auth: 'token', summary: '当前用户' },
  { method: 'GET', path: '/api/v1/orgs/{orgId}/branches', handler: 'branches-list', auth: 'token', summary: '组织下的支部' },
  { method: 'GET', path: '/api/v1/branches/{branchId}', handler: 'branch-get', auth: 'token', summary: '支部详情' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/members', handler: 'members-list', auth: 'token', summary: '支部党员名单' },
  { method: 'POST', path: '/api/v1/branches/{branchId}/members', handler: 'member-create', auth: 'token', summary: '新增党员' },
  { method: 'GET', path: '/api/v1/members/{memberId}', handler: 'member-get', auth: 'token', summary: '党员详情' },
  { method: 'PATCH', path: '/api/v1/members/{memberId}', handler: 'member-update', auth: 'token', summary: '修改党员信息（联系人修改需书记审核）' },
  // wx.request cannot send PATCH: the mini-program posts the same body here (X-HTTP-Method-Override: PATCH).
  { method: 'POST', path: '/api/v1/members/{memberId}', handler: 'member-update', auth: 'token', summary: '修改党员信息（微信小程序用 POST）' },
  { method: 'POST', path: '/api/v1/members/{memberId}/invites', handler: 'invite-create', auth: 'token', summary: '生成绑定邀请码' },
  {
    method: 'POST',
    path: '/api/v1/members/{memberId}/changes/{changeId}/approve',
    handler: 'member-change-approve',
    auth: 'token',
    summary: '书记审核通过联系人的修改',
  },
  { method: 'POST', path: '/api/v1/bindings', handler: 'binding-create', auth: 'token', summary: '用邀请码绑定微信' },

  // Organisational life (三会一课、主题党日).
  { method: 'GET', path: '/api/v1/orgs/{orgId}/session-rules', handler: 'rules-get', auth: 'token', summary: '组织生活频次要求' },
  { method: 'PUT', path: '/api/v1/orgs/{orgId}/session-rules', handler: 'rules-put', auth: 'token', summary: '修改组织生活频次要求（管理员）' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/sessions', handler: 'sessions-list', auth: 'token', summary: '支部的组织生活（可按 from、to、kind 筛选）' },
  { method: 'POST', path: '/api/v1/branches/{branchId}/sessions', handler: 'session-create', auth: 'token', summary: '按模板新建组织生活' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/overview', handler: 'branch-overview', auth: 'token', summary: '书记首页：预警与近期会议' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/outbox', handler: 'outbox-list', auth: 'token', summary: '待发提醒' },
  { method: 'GET', path: '/api/v1/sessions/{sessionId}', handler: 'session-get', auth: 'token', summary: '会议详情、出席与记录' },
  { method: 'PATCH', path: '/api/v1/sessions/{sessionId}', handler: 'session-update', auth: 'token', summary: '修改会议安排' },
  { method: 'POST', path: '/api/v1/sessions/{sessionId}', handler: 'session-update', auth: 'token', summary: '修改会议安排（微信小程序用 POST）' },
  { method: 'PUT', path: '/api/v1/sessions/{sessionId}/attendance', handler: 'attendance-bulk', auth: 'token', summary: '批量登记出席（一键全部出席）' },
  { method: 'POST', path: '/api/v1/sessions/{sessionId}/attendance/preview', handler: 'attendance-bulk', auth: 'token', summary: '预览一键全部出席：谁将登记、谁保持不变' },
  { method: 'POST', path: '/api/v1/sessions/{sessionId}/attendance/undo', handler: 'attendance-bulk', auth: 'token', summary: '撤销刚才的一键全部出席' },
  { method: 'PUT', path: '/api/v1/sessions/{sessionId}/attendance/{memberId}', handler: 'attendance-put', auth: 'token', summary: '登记一人出席情况' },
  { method: 'PUT', path: '/api/v1/sessions/{sessionId}/minutes', handler: 'minutes-put', auth: 'token', summary: '填写会议记录' },
  { method: 'POST', path: '/api/v1/sessions/{sessionId}/close', handler: 'session-close', auth: 'token', summary: '结束归档会议记录' },
  { method: 'POST', path: '/api/v1/sessions/{sessionId}/reconcile', handler: 'session-reconcile', auth: 'token', summary: '核对并修正出席派生的参加日期和积分' },
  { method: 'POST', path: '/api/v1/sessions/{sessionId}/amendments', handler: 'amendment-create', auth: 'token', summary: '追加更正说明' },
  { method: 'GET', path: '/api/v1/members/{memberId}/sessions', handler: 'member-sessions', auth: 'token', summary: '党员本人的学习安排' },
  { method: 'PUT', path: '/api/v1/members/{memberId}/subscriptions', handler: 'subscriptions-put', auth: 'token', summary: '订阅提醒' },
  { method: 'POST', path: '/api/v1/uploads', handler: 'upload-create', auth: 'token', summary: '申请上传附件（预签名表单）' },

  // 送学上门.
  { method: 'POST', path: '/api/v1/members/{memberId}/visit-requests', handler: 'visit-request-create', auth: 'token', summary: '申请送学上门（支持 Idempotency-Key）' },
  { method: 'GET', path: '/api/v1/members/{memberId}/visit-requests', handler: 'member-visits', auth: 'token', summary: '党员本人的送学上门进度' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/visit-requests', handler: 'visit-requests-list', auth: 'token', summary: '支部的送学上门申请（可按 status 筛选）' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/contacts', handler: 'branch-contacts', auth: 'token', summary: '支部的结对联系人' },
  { method: 'GET', path: '/api/v1/visit-requests/{requestId}', handler: 'visit-request-get', auth: 'token', summary: '送学上门详情' },
  { method: 'POST', path: '/api/v1/visit-requests/{requestId}/accept', handler: 'visit-request-step', auth: 'token', summary: '书记确认系统建议的送学' },
  { method: 'POST', path: '/api/v1/visit-requests/{requestId}/schedule', handler: 'visit-request-step', auth: 'token', summary: '安排或改期' },
  { method: 'POST', path: '/api/v1/visit-requests/{requestId}/deliver', handler: 'visit-request-step', auth: 'token', summary: '记录送学' },
  { method: 'POST', path: '/api/v1/visit-requests/{requestId}/confirm', handler: 'visit-request-step', auth: 'token', summary: '确认已送学' },
  { method: 'POST', path: '/api/v1/visit-requests/{requestId}/cancel', handler: 'visit-request-step', auth: 'token', summary: '取消（须写原因）' },
  { method: 'GET', path: '/api/v1/contacts/me/visits', handler: 'contact-visits', auth: 'token', summary: '联系人：我的送学任务' },

  // 党员积分.
  { method: 'GET', path: '/api/v1/members/{memberId}/points', handler: 'member-points', auth: 'token', summary: '我的积分（?year=）' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/points', handler: 'branch-points', auth: 'token', summary: '支部积分表（按姓名排序；?sort=total 按分数）' },
  { method: 'POST', path: '/api/v1/members/{memberId}/points/entries', handler: 'points-award', auth: 'token', summary: '手工记分（须写事由；支持 Idempotency-Key）' },
  { method: 'POST', path: '/api/v1/points/entries/{entryId}/reversal', handler: 'points-reversal', auth: 'token', summary: '冲正一条积分记录' },
  { method: 'GET', path: '/api/v1/orgs/{orgId}/points-rules', handler: 'points-rules-get', auth: 'token', summary: '积分规则' },
  { method: 'PUT', path: '/api/v1/orgs/{orgId}/points-rules', handler: 'points-rules-put', auth: 'token', summary: '修改积分规则（管理员）' },

  // 督导：台账、整改、签字、导出. Periods: 2026-11, 2026-Q4, 2026.
  { method: 'GET', path: '/api/v1/orgs/{orgId}/compliance', handler: 'compliance-get', auth: 'token', summary: '各支部达标情况（?period=）' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/ledger', handler: 'ledger-get', auth: 'token', summary: '支部台账（?period=）' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/ledger/export', handler: 'ledger-export', auth: 'token', summary: '导出台账（?period=&format=xlsx|pdf|html；pdf 为供打印的页面）' },
  { method: 'POST', path: '/api/v1/branches/{branchId}/reviews', handler: 'review-create', auth: 'token', summary: '督导意见与整改事项' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/reviews', handler: 'reviews-list', auth: 'token', summary: '督导意见（?period=）' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/rectifications', handler: 'rectifications-list', auth: 'token', summary: '支部未完成的整改事项（各期间）' },
  { method: 'PATCH', path: '/api/v1/rectifications/{itemId}', handler: 'rectification-update', auth: 'token', summary: '答复、通过或退回整改事项' },
  { method: 'POST', path: '/api/v1/rectifications/{itemId}', handler: 'rectification-update', auth: 'token', summary: '同上（微信小程序用 POST）' },
  { method: 'GET', path: '/api/v1/branches/{branchId}/signoff-check', handler: 'signoff-check', auth: 'token', summary: '签字前检查：本期尚缺的记录（?period=）' },
  { method: 'POST', path: '/api/v1/branches/{branchId}/signoffs', handler: 'signoff-create', auth: 'token', summary: '督导签字，锁定该期间的记录' },
];

/** Routes the cloud deployment serves: everything but the local-only ones. */
export const deployedRoutes = routes.filter((r) => !r.localOnly);
