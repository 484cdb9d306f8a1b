import { BranchPoints, BranchPointsQuery, ManualAwardInput, MemberPoints, PointsEntry, PointsRules, ReversalInput, YearQuery } from '@ltx/shared/schemas/points';
import { defineRoute, reply } from './declare';
import { serve, type DomainWiring } from './serve';
import { pointsOf, ruleSetsOf } from '../context';

/** 党员积分: a member's ledger, the branch table, manual awards and reversals, the rules. */
export const routes = [
  defineRoute({
    id: 'member-points', method: 'GET', path: '/api/v1/members/{memberId}/points', auth: 'token', can: 'points.read', summary: '我的积分（?year=）',
    query: YearQuery, response: MemberPoints,
    handle: async ({ ctx, actor, params, query }) => ctx.points.memberPoints(actor, params.memberId, query.year),
  }),
  defineRoute({
    id: 'branch-points', method: 'GET', path: '/api/v1/branches/{branchId}/points', auth: 'token', can: 'points.branch', summary: '支部积分表（按姓名排序，不排名次）',
    query: BranchPointsQuery, response: BranchPoints,
    handle: async ({ ctx, actor, params, query }) => ctx.points.branchPoints(actor, params.branchId, query.year),
  }),
  defineRoute({
    id: 'points-award', method: 'POST', path: '/api/v1/members/{memberId}/points/entries', auth: 'token', can: 'points.write',
    summary: '手工记分（须写事由；支持 Idempotency-Key）',
    body: ManualAwardInput, response: PointsEntry, status: 201, idempotent: true,
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body, idempotencyKey }) => {
      // The service derives the entry's id from the key too: an award taken over after a crash lands on the same entry.
      const outcome = await ctx.points.award(actor, params.memberId, body, idempotencyKey);
      return outcome.created ? outcome.entry : reply(200, outcome.entry);
    },
  }),
  defineRoute({
    id: 'points-reversal', method: 'POST', path: '/api/v1/points/entries/{entryId}/reversal', auth: 'token', can: 'points.write', summary: '更正（撤回）一条积分记录',
    body: ReversalInput, response: PointsEntry, status: 201, idempotent: true,
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.points.reverse(actor, params.entryId, body),
  }),
  defineRoute({
    id: 'points-rules-get', method: 'GET', path: '/api/v1/orgs/{orgId}/points-rules', auth: 'token', can: 'rules.read', summary: '积分规则（本组织实际执行的；enabled 为 false 即不实行积分管理）',
    response: PointsRules,
    handle: async ({ ctx, actor, params }) => ctx.ruleSets.effective(actor, params.orgId, 'points'),
  }),
  defineRoute({
    id: 'points-rules-put', method: 'PUT', path: '/api/v1/orgs/{orgId}/points-rules', auth: 'token', can: 'rules.edit', summary: '本组织自定积分规则，或停止、恢复积分管理（管理员；下级未自定的沿用）',
    body: PointsRules, response: PointsRules,
    handle: async ({ ctx, actor, params, body }) => ctx.ruleSets.save(actor, params.orgId, 'points', body),
  }),
];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ points: pointsOf(b), ruleSets: ruleSetsOf(b) });

export const handler = serve(routes, wire);
