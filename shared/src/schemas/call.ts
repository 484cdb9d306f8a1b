import * as z from 'zod/mini';
import { callLimits } from '../limits';
import { Id, ShortText, Timestamp, titled } from './common';
import { reminderKinds } from './session';

/**
 * How long a recorded call quiets the five-month warning (the member was reached, so the warning need not
 * repeat tomorrow): the secretary chooses; the six-month rule itself is unchanged.
 */
export const callPauses = ['one_month', 'two_months', 'three_months'] as const;
export type CallPause = (typeof callPauses)[number];
/** The pause in China days, counted from the day of the call. */
export const callPauseDays: Record<CallPause, number> = { one_month: 30, two_months: 60, three_months: 90 };

/** 已联系: the secretary reached the member (or their family) by phone. */
export const CallInput = titled(
  z.strictObject({
    note: z.optional(ShortText('备注', callLimits.note)),
    /** The reminder this call gave by phone (待发提醒 "需电话通知"): it reads 已电话通知 from then on. */
    outboxId: z.optional(titled(z.string().check(z.minLength(1), z.maxLength(200)), '提醒')),
    /** How long the five-month warning stays quiet for this member; one month when left out. */
    pause: z.optional(titled(z.enum(callPauses), '暂不提醒的时间')),
  }),
  '记录已联系',
);
export type CallInput = z.infer<typeof CallInput>;

/** One recorded call: who called when, and what they noted. */
export const Call = z.object({
  id: z.string(),
  memberId: Id,
  memberName: z.string(),
  at: Timestamp,
  byName: z.string(),
  note: z.optional(z.string()),
  /** The reminder it gave by phone, when it was one. */
  reminderKind: z.optional(z.enum(reminderKinds)),
  /** The China day (YYYY-MM-DD) until which the five-month warning stays quiet. */
  quietUntil: z.string(),
});
export type Call = z.infer<typeof Call>;
