import * as z from 'zod/mini';
import { roles } from '../domain/roles';
import { feedbackLimits } from '../limits';
import { Id, Text, Timestamp, titled } from './common';

/**
 * 意见反馈 (国办函〔2026〕12号 asks every government app for a feedback and complaint entry): a member, proxy,
 * secretary or contact writes a message of one kind; the administrator of their subtree answers it; the sender
 * reads the answer. Words for the kinds and statuses: shared/src/labels.ts.
 */
export const feedbackKinds = ['suggestion', 'complaint', 'help'] as const;
export const FeedbackKind = z.enum(feedbackKinds);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

export const feedbackStatuses = ['open', 'answered'] as const;
export const FeedbackStatus = z.enum(feedbackStatuses);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FeedbackInput = titled(
  z.strictObject({
    kind: titled(FeedbackKind, '类别'),
    text: Text('内容', feedbackLimits.text, feedbackLimits.textMin),
    /** About the work of the sender's own branch, rather than the app or anything else. */
    aboutBranch: z.optional(titled(z.boolean(), '是否关于本支部')),
  }),
  '意见反馈',
);
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const FeedbackAnswerInput = titled(z.strictObject({ answer: Text('答复', feedbackLimits.answer, feedbackLimits.textMin) }), '答复意见反馈');
export type FeedbackAnswerInput = z.infer<typeof FeedbackAnswerInput>;

/** The administrator's list: the open messages (待回复) unless asked for the answered ones. */
export const FeedbackListQuery = z.strictObject({ status: z.optional(titled(FeedbackStatus, '状态')) });
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

/** One message as its sender and the administrator read it: names and words, no ids beside its own. */
export const Feedback = z.object({
  id: Id,
  kind: FeedbackKind,
  text: z.string(),
  aboutBranch: z.boolean(),
  status: FeedbackStatus,
  createdAt: Timestamp,
  senderName: z.string(),
  senderRole: z.enum(roles),
  branchName: z.string(),
  answer: z.optional(z.string()),
  answeredAt: z.optional(Timestamp),
  answeredByName: z.optional(z.string()),
});
export type Feedback = z.infer<typeof Feedback>;
