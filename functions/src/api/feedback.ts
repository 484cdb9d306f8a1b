import { Feedback, FeedbackAnswerInput, FeedbackInput, FeedbackListQuery } from '@ltx/shared/schemas/feedback';
import { feedbackOf } from '../context';
import { defineRoute, reply } from './declare';
import { items } from './items';
import type { DomainWiring } from './serve';

/**
 * 意见反馈 (国办函〔2026〕12号): writing to the administrators, the writer's own messages, the administrators' list and
 * answers. Declared here, served by the members function (api/members.ts lists these routes): a function of its own
 * would be the stack's eleventh, past its budget of ten (bench/budgets.ts: few functions, so sparse traffic meets
 * fewer cold starts), and traffic this sparse would find it cold nearly every time. The members function already
 * reads WeChat's access token for its own text checks; sending and answering check their text the same way.
 */
export const routes = [
  defineRoute({
    id: 'feedback-send', method: 'POST', path: '/api/v1/feedback', auth: 'token', can: 'feedback.send',
    summary: '提交意见反馈（意见建议、投诉或求助；支持 Idempotency-Key）',
    body: FeedbackInput, response: Feedback, status: 201, idempotent: true, secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, body, idempotencyKey }) => {
      const outcome = await ctx.feedback.send(actor, body, idempotencyKey);
      return outcome.created ? outcome.feedback : reply(200, outcome.feedback);
    },
  }),
  defineRoute({
    id: 'feedback-mine', method: 'GET', path: '/api/v1/me/feedback', auth: 'token', can: 'feedback.read', summary: '我的反馈（附答复）',
    response: items(Feedback),
    handle: async ({ ctx, actor }) => ({ items: await ctx.feedback.mine(actor) }),
  }),
  defineRoute({
    id: 'feedback-list', method: 'GET', path: '/api/v1/orgs/{orgId}/feedback', auth: 'token', can: 'feedback.list',
    summary: '本组织及下级的意见反馈（管理员；status 默认待回复）',
    query: FeedbackListQuery, response: items(Feedback),
    handle: async ({ ctx, actor, params, query }) => ({ items: await ctx.feedback.list(actor, params.orgId, query.status) }),
  }),
  defineRoute({
    id: 'feedback-get', method: 'GET', path: '/api/v1/feedback/{feedbackId}', auth: 'token', can: 'feedback.read', summary: '一条意见反馈',
    response: Feedback,
    handle: async ({ ctx, actor, params }) => ctx.feedback.get(actor, params.feedbackId),
  }),
  defineRoute({
    id: 'feedback-answer', method: 'POST', path: '/api/v1/feedback/{feedbackId}/answer', auth: 'token', can: 'feedback.answer', summary: '答复意见反馈（管理员）',
    body: FeedbackAnswerInput, response: Feedback, secrets: ['wechatAccessToken'],
    handle: async ({ ctx, actor, params, body }) => ctx.feedback.answer(actor, params.feedbackId, body),
  }),
];

/** The services these routes use, added to the members function's. */
export const wire: DomainWiring = (b) => ({ feedback: feedbackOf(b) });
