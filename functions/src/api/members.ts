import { DepartureInput, DepartureUndoInput, Invite, InviteCreateInput, MemberCreateInput, MemberDetail, MemberPatchInput, MemberSummary } from '@ltx/shared/schemas/member';
import { Branch, BranchCreateInput, BranchMoveInput, OrgChildInput, OrgDetail, OrgSummary, RenameInput } from '@ltx/shared/schemas/org';
import { defineRoute, reply } from './declare';
import { items } from './items';
import { serve } from './serve';

/** PATCH, and its POST alias for wx.request: 200 with the member when applied; 202 with the pending change when it awaits the secretary. */
const memberUpdate = <const M extends 'PATCH' | 'POST'>(id: string, method: M, summary: string) =>
  defineRoute({
    id, method, path: '/api/v1/members/{memberId}', auth: 'token', summary,
    body: MemberPatchInput, response: MemberDetail,
    handle: async ({ ctx, actor, params, body }) => {
      const outcome = await ctx.members.update(actor, params.memberId, body);
      return outcome.kind === 'applied' ? outcome.member : reply(202, { pendingChangeId: outcome.pendingChangeId });
    },
  });

/** Branches, the member roll, invites and a contact's changes awaiting the secretary. */
export const routes = [
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
  defineRoute({
    id: 'members-list', method: 'GET', path: '/api/v1/branches/{branchId}/members', auth: 'token', can: 'branch.listMembers', summary: '支部党员名单',
    response: items(MemberSummary),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.members.list(actor, params.branchId) }),
  }),
  defineRoute({
    id: 'member-create', method: 'POST', path: '/api/v1/branches/{branchId}/members', auth: 'token', can: 'member.create', summary: '新增党员',
    body: MemberCreateInput, response: MemberDetail, status: 201, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.members.create(actor, params.branchId, body),
  }),
  defineRoute({
    id: 'member-get', method: 'GET', path: '/api/v1/members/{memberId}', auth: 'token', can: 'member.read', summary: '党员详情',
    response: MemberDetail,
    handle: async ({ ctx, actor, params }) => ctx.members.get(actor, params.memberId),
  }),
  memberUpdate('member-update-patch', 'PATCH', '修改党员信息（联系人修改需书记审核）'),
  // wx.request cannot send PATCH: the mini-program posts the same body here (X-HTTP-Method-Override: PATCH).
  memberUpdate('member-update-post', 'POST', '修改党员信息（微信小程序用 POST）'),
  defineRoute({
    id: 'invite-create', method: 'POST', path: '/api/v1/members/{memberId}/invites', auth: 'token', can: 'member.invite', summary: '生成绑定邀请码',
    body: InviteCreateInput, response: Invite, status: 201, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.members.createInvite(actor, params.memberId, body),
  }),
  defineRoute({
    id: 'member-change-approve', method: 'POST', path: '/api/v1/members/{memberId}/changes/{changeId}/approve', auth: 'token', can: 'member.approveChange',
    summary: '书记审核通过联系人的修改',
    response: MemberDetail,
    handle: async ({ ctx, actor, params }) => ctx.members.approveChange(actor, params.memberId, params.changeId),
  }),
  defineRoute({
    id: 'member-departure', method: 'POST', path: '/api/v1/members/{memberId}/departure', auth: 'token', can: 'member.recordDeparture',
    summary: '登记党员逝世或离开本支部（自该日起不再提醒、不计入应到和预警）',
    body: DepartureInput, response: MemberDetail, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.members.recordDeparture(actor, params.memberId, body),
  }),
  defineRoute({
    id: 'member-departure-undo', method: 'POST', path: '/api/v1/members/{memberId}/departure/undo', auth: 'token', can: 'member.recordDeparture',
    summary: '撤销登记有误的逝世或离开',
    body: DepartureUndoInput, response: MemberDetail,
    handle: async ({ ctx, actor, params, body }) => ctx.members.undoDeparture(actor, params.memberId, body),
  }),
];

export const handler = serve(routes);
