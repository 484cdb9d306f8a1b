import { DepartureInput, DepartureUndoInput, MemberDeleteInput, Invite, InviteCreateInput, MemberCreateInput, MemberDetail, MemberPatchInput, MemberSummary } from '@ltx/shared/schemas/member';
import { ConsentGiveInput, ConsentWithdrawInput, HealthConsentPage } from '@ltx/shared/schemas/consent';
import { Transfer, TransferBoard, TransferDeclineInput, TransferInput } from '@ltx/shared/schemas/transfer';
import { defineRoute, reply } from './declare';
import { items } from './items';
import { serve, type DomainWiring } from './serve';
import { callsOf, careCardsOf, consentsOf, memberErasureOf, membersOf, noticesOf, transfersOf } from '../context';
import { Notice } from '@ltx/shared/schemas/notice';
import { CareCardInput, CareCardPage } from '@ltx/shared/schemas/care-card';
import { Call, CallInput } from '@ltx/shared/schemas/call';
import * as feedback from './feedback';

/** PATCH, and its POST alias for wx.request: 200 with the member when applied; 202 with the pending change when it awaits the secretary. */
const memberUpdate = <const M extends 'PATCH' | 'POST'>(id: string, method: M, summary: string) =>
  defineRoute({
    id, method, path: '/api/v1/members/{memberId}', auth: 'token', summary,
    body: MemberPatchInput, response: MemberDetail,
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => {
      const outcome = await ctx.members.update(actor, params.memberId, body);
      return outcome.kind === 'applied' ? outcome.member : reply(202, { pendingChangeId: outcome.pendingChangeId });
    },
  });

/** The member roll, invites, a contact's changes awaiting the secretary, the member's consent to keep health data, departures and transfers. */
export const routes = [
  defineRoute({
    id: 'members-list', method: 'GET', path: '/api/v1/branches/{branchId}/members', auth: 'token', can: 'branch.listMembers', summary: '支部党员名单',
    response: items(MemberSummary),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.members.list(actor, params.branchId) }),
  }),
  defineRoute({
    id: 'member-create', method: 'POST', path: '/api/v1/branches/{branchId}/members', auth: 'token', can: 'member.create', summary: '新增党员',
    body: MemberCreateInput, response: MemberDetail, status: 201, idempotent: true,
    secrets: ['wechatAccessToken'],
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
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.members.recordDeparture(actor, params.memberId, body),
  }),
  defineRoute({
    id: 'member-delete', method: 'POST', path: '/api/v1/members/{memberId}/deletion', auth: 'token', can: 'member.delete',
    summary: '删除已逝世或离开的党员的个人信息（台账保留匿名记录）',
    body: MemberDeleteInput, response: MemberDetail, idempotent: true,
    // Reminders about the member and their consent history are deleted; so is the photo of a signed consent form.
    deletes: true, uploads: 'erase',
    handle: async ({ ctx, actor, params, body }) => ctx.memberErasure.delete(actor, params.memberId, body),
  }),
  defineRoute({
    id: 'member-departure-undo', method: 'POST', path: '/api/v1/members/{memberId}/departure/undo', auth: 'token', can: 'member.recordDeparture',
    summary: '撤销登记有误的逝世或离开',
    body: DepartureUndoInput, response: MemberDetail,
    handle: async ({ ctx, actor, params, body }) => ctx.members.undoDeparture(actor, params.memberId, body),
  }),
  defineRoute({
    id: 'member-call-record', method: 'POST', path: '/api/v1/members/{memberId}/calls', auth: 'token', can: 'member.recordCall',
    summary: '记录已与党员电话联系（五个月预警暂停提醒、待发提醒记为已电话通知）',
    body: CallInput, response: Call, status: 201, idempotent: true,
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body, idempotencyKey }) => {
      const outcome = await ctx.calls.record(actor, params.memberId, body, idempotencyKey);
      return outcome.created ? outcome.call : reply(200, outcome.call);
    },
  }),
  defineRoute({
    id: 'member-calls', method: 'GET', path: '/api/v1/members/{memberId}/calls', auth: 'token', can: 'member.recordCall',
    summary: '党员的电话联系记录：谁、何时、备注',
    response: items(Call),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.calls.list(actor, params.memberId) }),
  }),
  defineRoute({
    id: 'member-notices', method: 'GET', path: '/api/v1/members/{memberId}/notices', auth: 'token', can: 'notice.read',
    summary: '变动通知：支部改了、取消了或安排了的送学上门和会议（本人或家属看过“知道了”之前一直显示）',
    response: items(Notice),
    handle: async ({ ctx, actor, params }) => ({ items: await ctx.notices.unseen(actor, params.memberId) }),
  }),
  defineRoute({
    id: 'member-notice-seen', method: 'POST', path: '/api/v1/members/{memberId}/notices/{noticeId}/seen', auth: 'token', can: 'notice.read',
    summary: '知道了：这条变动通知我看过了（只对看的人本人不再显示），答复仍未看过的通知',
    response: items(Notice),
    handle: async ({ ctx, actor, params }) => {
      await ctx.notices.seen(actor, params.memberId, params.noticeId);
      return { items: await ctx.notices.unseen(actor, params.memberId) };
    },
  }),
  defineRoute({
    id: 'health-consent-get', method: 'GET', path: '/api/v1/members/{memberId}/health-consent', auth: 'token', can: 'consent.read',
    summary: '保存健康和照护信息的本人同意：同意书、是否同意、历次同意和撤回',
    response: HealthConsentPage,
    handle: async ({ ctx, actor, params }) => ctx.consents.page(actor, params.memberId),
  }),
  defineRoute({
    id: 'health-consent-give', method: 'POST', path: '/api/v1/members/{memberId}/health-consent', auth: 'token', can: 'consent.give',
    summary: '本人（或家属代本人）同意保存健康和照护信息；书记登记纸质同意书时附签字照片',
    body: ConsentGiveInput, response: HealthConsentPage, idempotent: true, uploads: 'check',
    handle: async ({ ctx, actor, params, body }) => ctx.consents.give(actor, params.memberId, body),
  }),
  defineRoute({
    id: 'health-consent-withdraw', method: 'POST', path: '/api/v1/members/{memberId}/health-consent/withdraw', auth: 'token', can: 'consent.withdraw',
    summary: '撤回同意：健康和照护信息立即删除，以后不再记录',
    body: ConsentWithdrawInput, response: HealthConsentPage, idempotent: true,
    handle: async ({ ctx, actor, params }) => ctx.consents.withdraw(actor, params.memberId),
  }),
  defineRoute({
    id: 'member-transfer', method: 'POST', path: '/api/v1/members/{memberId}/transfers', auth: 'token', can: 'member.transfer', status: 201,
    summary: '组织关系转出（转入支部接收前，党员仍在本支部）',
    body: TransferInput, response: Transfer, idempotent: true,
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.transfers.create(actor, params.memberId, body),
  }),
  defineRoute({
    id: 'branch-transfers', method: 'GET', path: '/api/v1/branches/{branchId}/transfers', auth: 'token', can: 'transfer.list',
    summary: '待办的组织关系转接（转入、转出）和可转入的支部',
    response: TransferBoard,
    handle: async ({ ctx, actor, params }) => ctx.transfers.board(actor, params.branchId),
  }),
  defineRoute({
    id: 'transfer-accept', method: 'POST', path: '/api/v1/transfers/{transferId}/accept', auth: 'token', can: 'transfer.accept',
    summary: '接收转入的党员（自转接日期起计入本支部）',
    response: Transfer,
    handle: async ({ ctx, actor, params }) => ctx.transfers.accept(actor, params.transferId),
  }),
  defineRoute({
    id: 'transfer-decline', method: 'POST', path: '/api/v1/transfers/{transferId}/decline', auth: 'token', can: 'transfer.accept',
    summary: '不接收转入的党员',
    body: TransferDeclineInput, response: Transfer,
    secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.transfers.decline(actor, params.transferId, body),
  }),
  defineRoute({
    id: 'transfer-cancel', method: 'POST', path: '/api/v1/transfers/{transferId}/cancel', auth: 'token', can: 'member.transfer',
    summary: '撤回尚未接收的组织关系转出',
    response: Transfer,
    handle: async ({ ctx, actor, params }) => ctx.transfers.cancel(actor, params.transferId),
  }),
  // 爱心卡: the member's or proxy's own card; its page prints it.
  defineRoute({
    id: 'care-card-get', method: 'GET', path: '/api/v1/members/{memberId}/care-card', auth: 'token', can: 'careCard.read', summary: '爱心卡',
    response: CareCardPage,
    handle: async ({ ctx, actor, params }) => ctx.careCards.page(actor, params.memberId),
  }),
  defineRoute({
    id: 'care-card-save', method: 'POST', path: '/api/v1/members/{memberId}/care-card', auth: 'token', can: 'careCard.edit', summary: '修改爱心卡',
    body: CareCardInput, response: CareCardPage, idempotent: true,
    handle: async ({ ctx, actor, params, body }) => ctx.careCards.save(actor, params.memberId, body),
  }),
  // 意见反馈: declared in ./feedback, served by this function (see there why it has none of its own).
  ...feedback.routes,
];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ members: membersOf(b), calls: callsOf(b), transfers: transfersOf(b), consents: consentsOf(b), careCards: careCardsOf(b), memberErasure: memberErasureOf(b), notices: noticesOf(b), ...feedback.wire(b) });

export const handler = serve(routes, wire);
