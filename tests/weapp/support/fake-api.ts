/**
 * The API as the smoke run's wx.request sees it: answers from api-fixtures.ts by route. Paths are
 * matched against the route declarations (functions/src/api), so the app calling a route the API lacks is a problem
 * found, not a silent 404.
 */
import type { Role } from '@ltx/shared/domain/roles';
import type { Session } from '@ltx/shared';
import { apiPrefix, routes } from '../../../functions/src/api';
import { fixtures, meFor } from './api-fixtures';

type Answer = { status: number; body: unknown };
type Handler = (role: Role, body: Record<string, unknown>) => Answer;
const ok = (body: unknown): Answer => ({ status: 200, body });
const session = (role: Role): Session => ({ token: `smoke-token-${role}`, me: meFor(role) });
const visitStep = (status: (typeof fixtures.visit)['status']) => () => ok({ ...fixtures.visit, status });

/** Answers by `METHOD template`, templates exactly as declared in functions/src/api. */
const answers: Record<string, Handler> = {
  'GET /api/v1/auth/demo-accounts': () => ok({ items: fixtures.demoAccounts }),
  'POST /api/v1/auth/dev-login': (role) => ok(session(role)),
  'POST /api/v1/auth/wechat': (role) => ok(session(role)),
  'POST /api/v1/bindings': () => ok(session('member')),
  'POST /api/v1/console-login-confirmations': () => ok({ status: 'confirmed' }),
  'GET /api/v1/me': (role) => ok(meFor(role)),
  'GET /api/v1/orgs/{orgId}/branches': () => ok({ items: [fixtures.branch] }),
  'GET /api/v1/branches/{branchId}': () => ok(fixtures.branch),
  'GET /api/v1/branches/{branchId}/members': () => ok({ items: fixtures.members }),
  'POST /api/v1/branches/{branchId}/members': () => ok(fixtures.memberDetail),
  'GET /api/v1/members/{memberId}': () => ok(fixtures.memberDetail),
  'PATCH /api/v1/members/{memberId}': () => ok(fixtures.memberDetail),
  'POST /api/v1/members/{memberId}/invites': () => ok(fixtures.invite),
  'POST /api/v1/members/{memberId}/changes/{changeId}/approve': () => ok(fixtures.memberDetail),
  // Organisational life.
  'GET /api/v1/branches/{branchId}/sessions': () => ok({ items: [fixtures.session] }),
  'POST /api/v1/branches/{branchId}/sessions': () => ok(fixtures.sessionDetail),
  'GET /api/v1/branches/{branchId}/overview': () => ok(fixtures.overview),
  'GET /api/v1/branches/{branchId}/outbox': () => ok({ items: fixtures.outbox }),
  'GET /api/v1/sessions/{sessionId}': () => ok(fixtures.sessionDetail),
  'PATCH /api/v1/sessions/{sessionId}': () => ok(fixtures.sessionDetail),
  'POST /api/v1/sessions/{sessionId}': () => ok(fixtures.sessionDetail),
  'PUT /api/v1/sessions/{sessionId}/attendance': () => ok(fixtures.sessionDetail),
  'PUT /api/v1/sessions/{sessionId}/attendance/{memberId}': (_role, body) => {
    const attendance = fixtures.sessionDetail.attendance.map((a) => (a.memberId === fixtures.member.id ? { ...a, ...body } : a));
    return ok({ ...fixtures.sessionDetail, attendance });
  },
  'PUT /api/v1/sessions/{sessionId}/minutes': () => ok(fixtures.sessionDetail),
  'POST /api/v1/sessions/{sessionId}/close': () => ok({ ...fixtures.sessionDetail, status: 'closed' }),
  'POST /api/v1/sessions/{sessionId}/amendments': () => ok(fixtures.sessionDetail),
  'GET /api/v1/members/{memberId}/sessions': () => ok({ items: [fixtures.memberSession] }),
  'POST /api/v1/uploads': () => ({ status: 201, body: fixtures.uploadTicket }),
  'PUT /api/v1/members/{memberId}/subscriptions': (_role, body) => ok({ kinds: body.kinds ?? [] }),
  // 送学上门.
  'POST /api/v1/members/{memberId}/visit-requests': () => ok({ ...fixtures.visit, status: 'requested', statusText: '已申请，等支部安排', scheduled: undefined }),
  'GET /api/v1/members/{memberId}/visit-requests': () => ok({ items: [fixtures.memberVisit] }),
  'GET /api/v1/branches/{branchId}/visit-requests': () => ok({ items: [fixtures.visit] }),
  'GET /api/v1/branches/{branchId}/contacts': () => ok({ items: [{ userId: 'u-contact', name: '赵联系人' }] }),
  'GET /api/v1/visit-requests/{requestId}': () => ok(fixtures.visit),
  'POST /api/v1/visit-requests/{requestId}/accept': visitStep('requested'),
  'POST /api/v1/visit-requests/{requestId}/schedule': visitStep('scheduled'),
  'POST /api/v1/visit-requests/{requestId}/deliver': visitStep('delivered'),
  'POST /api/v1/visit-requests/{requestId}/confirm': visitStep('confirmed'),
  'POST /api/v1/visit-requests/{requestId}/cancel': visitStep('cancelled'),
  'GET /api/v1/contacts/me/visits': () => ok({ items: [fixtures.contactVisit] }),
  // 党员积分.
  'GET /api/v1/members/{memberId}/points': () => ok(fixtures.memberPoints),
  'GET /api/v1/branches/{branchId}/points': () => ok(fixtures.branchPoints),
  'POST /api/v1/members/{memberId}/points/entries': (_role, body) => ok({ ...fixtures.pointsEntry, id: `${fixtures.pointsEntry.id}-new`, source: 'manual', ...body }),
  'POST /api/v1/points/entries/{entryId}/reversal': (_role, body) => ok({ ...fixtures.pointsEntry, id: `${fixtures.pointsEntry.id}-rev`, points: -fixtures.pointsEntry.points, source: 'reversal', reversalOf: fixtures.pointsEntry.id, ...body }),
};

const templateRegex = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);

export interface ApiCall {
  method: string;
  path: string;
  /** A bug: the app called a route that functions/src/api does not declare. */
  problem?: string;
  /** Not a bug: a real route the fake has no answer for yet (answered 404), so the page shows less than it would. */
  note?: string;
}

/** Answers one request the app sent through wx.request, as the real API would for `role`. */
export function answerApi(method: string, url: string, role: Role, body: unknown): { answer: Answer; call: ApiCall } {
  const path = new URL(url, 'http://api.invalid').pathname;
  const call: ApiCall = { method, path };
  const route = routes.find((r) => r.method === method && templateRegex(r.path).test(path));
  const notFound = (code: string, message: string): Answer => ({ status: 404, body: { error: { code, message } } });
  if (!path.startsWith(apiPrefix) || !route) {
    call.problem = `the app called ${method} ${path}, which is not a route declared in functions/src/api`;
    return { answer: notFound('ROUTE_NOT_FOUND', '没有这个接口'), call };
  }
  const handler = answers[`${route.method} ${route.path}`];
  if (!handler) {
    call.note = `the fake API has no answer for ${route.method} ${route.path} yet (add one in tests/weapp/support/fake-api.ts)`;
    return { answer: notFound('NOT_FOUND', '没有找到该记录'), call };
  }
  return { answer: handler(role, typeof body === 'object' && body ? (body as Record<string, unknown>) : {}), call };
}
