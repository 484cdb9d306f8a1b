import {
  BranchContact, ContactVisit, VisitCancelInput, VisitConfirmInput, VisitDeliverInput, VisitListQuery, VisitMissedInput, VisitRequest, VisitRequestInput, VisitScheduleInput, VisitWithdrawInput,
} from '@ltx/shared/schemas/visit';
import { defineRoute, reply } from './declare';
import { items } from './items';
import { serve, type DomainWiring } from './serve';
import { sessionsAndVisitsOf } from '../context';

/** 送学上门: requests, the secretary's steps, the contact's tasks. A delivered visit's detail carries photo links. */
export const routes = [
  defineRoute({
    id: 'visit-request-create', method: 'POST', path: '/api/v1/members/{memberId}/visit-requests', auth: 'token', can: 'visit.request',
    summary: '申请送学上门（支持 Idempotency-Key）',
    // An idempotent replay answers the stored (maybe delivered) visit, with its photo links.
    body: VisitRequestInput, response: VisitRequest, status: 201, idempotent: true, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body, idempotencyKey }) => {
      // The service derives the request's id from the key too: a request taken over after a crash lands on the same record.
      const outcome = await ctx.visits.request(actor, params.memberId, body, idempotencyKey);
      return outcome.created ? outcome.visit : reply(200, outcome.visit);
    },
  }),
  defineRoute({
    id: 'member-visits', method: 'GET', path: '/api/v1/members/{memberId}/visit-requests', auth: 'token', can: 'member.read', summary: '党员本人的送学上门进度',
    response: items(VisitRequest),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.visits.forMember(actor, params.memberId) }),
  }),
  defineRoute({
    id: 'visit-requests-list', method: 'GET', path: '/api/v1/branches/{branchId}/visit-requests', auth: 'token', can: 'visit.list',
    summary: '支部的送学上门申请（可按 status 筛选）',
    query: VisitListQuery, response: items(VisitRequest),
    handle: async ({ ctx, actor, params, query }) => ({ items: await ctx.visits.list(actor, params.branchId, query.status) }),
  }),
  defineRoute({
    id: 'branch-contacts', method: 'GET', path: '/api/v1/branches/{branchId}/contacts', auth: 'token', can: 'visit.listContacts', summary: '支部的结对联系人',
    response: items(BranchContact),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.visits.branchContacts(actor, params.branchId) }),
  }),
  defineRoute({
    id: 'visit-request-get', method: 'GET', path: '/api/v1/visit-requests/{requestId}', auth: 'token', can: 'visit.read', summary: '送学上门详情',
    response: VisitRequest, uploads: 'read',
    handle: async ({ ctx, actor, params }) => ctx.visits.get(actor, params.requestId),
  }),
  defineRoute({
    id: 'visit-request-accept', method: 'POST', path: '/api/v1/visit-requests/{requestId}/accept', auth: 'token', can: 'visit.manage', summary: '书记确认系统建议的送学',
    response: VisitRequest, uploads: 'read',
    handle: async ({ ctx, actor, params }) => ctx.visits.accept(actor, params.requestId),
  }),
  defineRoute({
    id: 'visit-request-schedule', method: 'POST', path: '/api/v1/visit-requests/{requestId}/schedule', auth: 'token', can: 'visit.manage', summary: '安排或改期',
    body: VisitScheduleInput, response: VisitRequest, uploads: 'read',
    handle: async ({ ctx, actor, params, body }) => ctx.visits.schedule(actor, params.requestId, body),
  }),
  defineRoute({
    id: 'visit-request-deliver', method: 'POST', path: '/api/v1/visit-requests/{requestId}/deliver', auth: 'token', can: 'visit.deliver', summary: '记录送学（支持 Idempotency-Key）',
    // A delivery recorded offline is sent when the network returns, with the key made when it was recorded.
    body: VisitDeliverInput, response: VisitRequest, idempotent: true, uploads: 'check',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.visits.deliver(actor, params.requestId, body),
  }),
  defineRoute({
    id: 'visit-request-confirm', method: 'POST', path: '/api/v1/visit-requests/{requestId}/confirm', auth: 'token', can: 'visit.confirm', summary: '确认已送学',
    body: VisitConfirmInput, response: VisitRequest, uploads: 'read',
    handle: async ({ ctx, actor, params, body }) => ctx.visits.confirm(actor, params.requestId, body),
  }),
  defineRoute({
    id: 'visit-request-cancel', method: 'POST', path: '/api/v1/visit-requests/{requestId}/cancel', auth: 'token', can: 'visit.cancel', summary: '取消（须写原因）',
    body: VisitCancelInput, response: VisitRequest, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.visits.cancel(actor, params.requestId, body),
  }),
  defineRoute({
    id: 'visit-request-withdraw', method: 'POST', path: '/api/v1/visit-requests/{requestId}/withdraw', auth: 'token', can: 'visit.withdraw',
    summary: '党员本人或家属撤回送学申请（送学之前；支持 Idempotency-Key）',
    body: VisitWithdrawInput, response: VisitRequest, idempotent: true, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.visits.withdraw(actor, params.requestId, body),
  }),
  defineRoute({
    id: 'visit-request-missed', method: 'POST', path: '/api/v1/visit-requests/{requestId}/missed', auth: 'token', can: 'visit.reportMissed',
    summary: '党员本人或家属告知“没有人来”：送学重新交给书记安排，附上本人的话（支持 Idempotency-Key）',
    body: VisitMissedInput, response: VisitRequest, idempotent: true, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.visits.reportMissed(actor, params.requestId, body),
  }),
  defineRoute({
    id: 'contact-visits', method: 'GET', path: '/api/v1/contacts/me/visits', auth: 'token', can: 'visit.tasks', summary: '联系人：我的送学任务',
    response: items(ContactVisit),
    handle: async ({ ctx, actor }) => ({ items: await ctx.visits.contactVisits(actor) }),
  }),
];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ visits: sessionsAndVisitsOf(b).visits });

export const handler = serve(routes, wire);
