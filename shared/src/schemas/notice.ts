import * as z from 'zod/mini';
import { roles } from '../domain/roles';
import { Id, Timestamp } from './common';
import { sessionKinds } from './session';

/**
 * 变动通知: what the branch changed in a member's plans, told on the member's and their family's home
 * with the reason until each of them has seen it (issue "Nobody stuck", item 2). The member did not do
 * it themselves: their own leave, withdrawal or "没有人来" make no notice.
 */
export const noticeKinds = ['visit_scheduled', 'visit_moved', 'visit_cancelled', 'session_moved'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** When and where something was (or is now) to happen. */
export const NoticeWhen = z.object({
  startsAt: Timestamp,
  /** A visit's window ends: 上午9点到11点. */
  endsAt: z.optional(Timestamp),
  place: z.optional(z.string()),
});
export type NoticeWhen = z.infer<typeof NoticeWhen>;

export const Notice = z.object({
  id: Id,
  memberId: Id,
  kind: z.enum(noticeKinds),
  /** When the branch made the change. */
  at: Timestamp,
  /** Who made it, for "支部书记张卫东告知": a name and a role, never an account. */
  byName: z.string(),
  byRole: z.enum(roles),
  /** The session it is about (a visit brings a session's study): its kind and topic. */
  sessionKind: z.optional(z.enum(sessionKinds)),
  sessionTopic: z.optional(z.string()),
  /** As it was planned, and as it is now (a cancellation has no `to`). */
  from: z.optional(NoticeWhen),
  to: z.optional(NoticeWhen),
  /** Who will come, for a visit scheduled or moved. */
  contactName: z.optional(z.string()),
  reason: z.optional(z.string()),
});
export type Notice = z.infer<typeof Notice>;
