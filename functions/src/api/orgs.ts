import { Branch, BranchCreateInput, BranchMoveInput, OrgChildInput, OrgDetail, OrgSummary, RenameInput } from '@ltx/shared/schemas/org';
import { EffectiveRulesView, RuleRevertInput, VisitRules } from '@ltx/shared/schemas/rules';
import { defineRoute } from './declare';
import { items } from './items';
import { serve, type DomainWiring } from './serve';
import { orgsOf, ruleSetsOf } from '../context';

/** The hierarchy: organisations with their children, branches; administrators create, rename, close and move them. */
export const routes = [
  defineRoute({
    id: 'org-rules', method: 'GET', path: '/api/v1/orgs/{orgId}/rules', auth: 'token', can: 'rules.read', summary: '组织的各项规定及其来源（本组织自定、沿用上级、全国统一）',
    response: EffectiveRulesView,
    handle: async ({ ctx, actor, params }) => ctx.ruleSets.view(actor, params.orgId),
  }),
  defineRoute({
    id: 'visit-rules-put', method: 'PUT', path: '/api/v1/orgs/{orgId}/visit-rules', auth: 'token', can: 'rules.edit', summary: '本组织自定送学上门规定（管理员；下级未自定的沿用）',
    body: VisitRules, response: VisitRules,
    handle: async ({ ctx, actor, params, body }) => ctx.ruleSets.save(actor, params.orgId, 'visits', body),
  }),
  defineRoute({
    id: 'rules-revert', method: 'POST', path: '/api/v1/orgs/{orgId}/rules/revert', auth: 'token', can: 'rules.edit', summary: '恢复沿用上级规定（管理员）',
    body: RuleRevertInput, response: EffectiveRulesView, deletes: true, // the organisation's own rules item
    handle: async ({ ctx, actor, params, body }) => ctx.ruleSets.revert(actor, params.orgId, body.kind),
  }),
  defineRoute({
    id: 'branches-list', method: 'GET', path: '/api/v1/orgs/{orgId}/branches', auth: 'token', can: 'org.listBranches', summary: '组织下的支部',
    response: items(Branch),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.orgs.listBranches(actor, params.orgId) }),
  }),
  defineRoute({
    id: 'branch-get', method: 'GET', path: '/api/v1/branches/{branchId}', auth: 'token', can: 'branch.read', summary: '支部详情',
    response: Branch,
    handle: async ({ ctx, actor, params }) => ctx.orgs.getBranch(actor, params.branchId),
  }),
  defineRoute({
    id: 'org-get', method: 'GET', path: '/api/v1/orgs/{orgId}', auth: 'token', can: 'org.read', summary: '组织及其下一级的组织和支部',
    response: OrgDetail,
    handle: async ({ ctx, actor, params }) => ctx.orgs.getOrg(actor, params.orgId),
  }),
  defineRoute({
    id: 'org-child-create', method: 'POST', path: '/api/v1/orgs/{orgId}/children', auth: 'token', can: 'org.manage', summary: '设立下级组织（党工委、党委、党总支）',
    body: OrgChildInput, response: OrgDetail, status: 201, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.orgs.createChild(actor, params.orgId, body),
  }),
  defineRoute({
    id: 'org-branch-create', method: 'POST', path: '/api/v1/orgs/{orgId}/branches', auth: 'token', can: 'org.manage', summary: '在组织下设立支部',
    body: BranchCreateInput, response: Branch, status: 201, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.orgs.createBranch(actor, params.orgId, body),
  }),
  defineRoute({
    id: 'org-rename', method: 'POST', path: '/api/v1/orgs/{orgId}/rename', auth: 'token', can: 'org.manage', summary: '组织更名',
    body: RenameInput, response: OrgSummary,
    handle: async ({ ctx, actor, params, body }) => ctx.orgs.renameOrg(actor, params.orgId, body),
  }),
  defineRoute({
    id: 'org-close', method: 'POST', path: '/api/v1/orgs/{orgId}/close', auth: 'token', can: 'org.manage', summary: '撤销组织（保留历史，只读）',
    response: OrgSummary,
    handle: async ({ ctx, actor, params }) => ctx.orgs.closeOrg(actor, params.orgId),
  }),
  defineRoute({
    id: 'branch-rename', method: 'POST', path: '/api/v1/branches/{branchId}/rename', auth: 'token', can: 'branch.manage', summary: '支部更名',
    body: RenameInput, response: Branch,
    handle: async ({ ctx, actor, params, body }) => ctx.orgs.renameBranch(actor, params.branchId, body),
  }),
  defineRoute({
    id: 'branch-close', method: 'POST', path: '/api/v1/branches/{branchId}/close', auth: 'token', can: 'branch.manage', summary: '撤销支部（保留历史，只读）',
    response: Branch,
    handle: async ({ ctx, actor, params }) => ctx.orgs.closeBranch(actor, params.branchId),
  }),
  defineRoute({
    id: 'branch-move', method: 'POST', path: '/api/v1/branches/{branchId}/move', auth: 'token', can: 'branch.manage', summary: '把支部调整到另一个上级组织（历史随支部）',
    body: BranchMoveInput, response: Branch,
    handle: async ({ ctx, actor, params, body }) => ctx.orgs.moveBranch(actor, params.branchId, body),
  }),
];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ orgs: orgsOf(b), ruleSets: ruleSetsOf(b) });

export const handler = serve(routes, wire);
