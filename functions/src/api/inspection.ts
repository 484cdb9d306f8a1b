import { ComplianceView, Ledger, PeriodQuery, Rectification, RectificationPatch, Review, ReviewInput, Signoff, SignoffCheck, SignoffInput } from '@ltx/shared/schemas/inspection';
import { defineRoute } from './declare';
import { items } from './items';
import { serve, type DomainWiring } from './serve';
import { inspectionOf } from '../context';

/** PATCH, and its POST alias for wx.request: answer (secretary), accept or return (inspector). */
const rectify = <const M extends 'PATCH' | 'POST'>(id: string, method: M, summary: string) =>
  defineRoute({
    id, method, path: '/api/v1/rectifications/{itemId}', auth: 'token', summary,
    // An answer refers to evidence files (HeadObject first), then the item with its links.
    body: RectificationPatch, response: Rectification, uploads: 'check',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.inspection.rectify(actor, params.itemId, body),
  });

/** 督导: compliance per period, the ledger, opinions with rectification items, sign-off. Periods: 2026-11, 2026-Q4, 2026. */
export const routes = [
  defineRoute({
    id: 'compliance-get', method: 'GET', path: '/api/v1/orgs/{orgId}/compliance', auth: 'token', can: 'compliance.read', summary: '各支部达标情况（?period=）',
    query: PeriodQuery, response: ComplianceView,
    handle: async ({ ctx, actor, params, query }) => ctx.inspection.compliance(actor, params.orgId, query.period),
  }),
  defineRoute({
    id: 'ledger-get', method: 'GET', path: '/api/v1/branches/{branchId}/ledger', auth: 'token', can: 'ledger.read', summary: '支部台账（?period=）',
    query: PeriodQuery, response: Ledger, uploads: 'read',
    handle: async ({ ctx, actor, params, query }) => ctx.inspection.ledger(actor, params.branchId, query.period),
  }),
  defineRoute({
    id: 'review-create', method: 'POST', path: '/api/v1/branches/{branchId}/reviews', auth: 'token', can: 'review.write', summary: '督导意见与整改事项',
    body: ReviewInput, response: Review, status: 201, idempotent: true, uploads: 'read',
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.inspection.review(actor, params.branchId, body),
  }),
  defineRoute({
    id: 'reviews-list', method: 'GET', path: '/api/v1/branches/{branchId}/reviews', auth: 'token', can: 'ledger.read', summary: '督导意见（?period=）',
    query: PeriodQuery, response: items(Review), uploads: 'read',
    handle: async ({ ctx, actor, params, query }) => ({ items: await ctx.inspection.reviews(actor, params.branchId, query.period) }),
  }),
  defineRoute({
    id: 'rectifications-list', method: 'GET', path: '/api/v1/branches/{branchId}/rectifications', auth: 'token', can: 'ledger.read', summary: '支部未完成的整改事项（各期间）',
    response: items(Rectification), uploads: 'read',
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.inspection.openItems(actor, params.branchId) }),
  }),
  rectify('rectification-update-patch', 'PATCH', '答复、通过或退回整改事项'),
  rectify('rectification-update-post', 'POST', '同上（微信小程序用 POST）'),
  defineRoute({
    id: 'signoff-check', method: 'GET', path: '/api/v1/branches/{branchId}/signoff-check', auth: 'token', can: 'review.write', summary: '签字前检查：本期尚缺的记录（?period=）',
    query: PeriodQuery, response: SignoffCheck,
    handle: async ({ ctx, actor, params, query }) => ctx.inspection.signoffCheck(actor, params.branchId, query.period),
  }),
  defineRoute({
    id: 'signoff-create', method: 'POST', path: '/api/v1/branches/{branchId}/signoffs', auth: 'token', can: 'review.write', summary: '督导签字，锁定该期间的记录',
    body: SignoffInput, response: Signoff, status: 201, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.inspection.signoff(actor, params.branchId, body),
  }),
];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ inspection: inspectionOf(b) });

export const handler = serve(routes, wire);
