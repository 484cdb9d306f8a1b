import * as z from 'zod/mini';
import { visitLimits } from '../limits';
import { Id, Int, ShortText, Text, Timestamp, titled } from './common';
import { CareNotes, EmergencyContact, Gender } from './member';
import { Attachment, LinkedAttachment } from './session';

export const visitStatuses = ['draft', 'requested', 'scheduled', 'delivered', 'confirmed', 'closed', 'cancelled'] as const;
export const VisitStatus = titled(z.enum(visitStatuses), '状态');
export type VisitStatus = z.infer<typeof VisitStatus>;

export const DaySlot = titled(z.enum(['morning', 'afternoon', 'any']), '上午或下午');
export type DaySlot = z.infer<typeof DaySlot>;

export const VisitRequestInput = titled(
  z.strictObject({
    /** A session to take the study of; omitted means "the next one". */
    sessionId: z.optional(titled(Id, '学习场次')),
    slot: z._default(DaySlot, 'any'),
    note: z.optional(ShortText('备注', visitLimits.note)),
  }),
  '申请送学上门',
);
export type VisitRequestInput = z.infer<typeof VisitRequestInput>;

export const VisitScheduleInput = titled(
  z
    .strictObject({
      contactUserId: titled(Id, '送学联系人'),
      windowStart: titled(Timestamp, '上门时间（开始）'),
      windowEnd: titled(Timestamp, '上门时间（结束）'),
      /** On a change of time: told to the member and their family with the new time. */
      reason: z.optional(ShortText('改期原因', visitLimits.changeReason)),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.windowEnd <= v.windowStart) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: '结束时间要晚于开始时间' });
      }),
    ),
  '安排送学',
);
export type VisitScheduleInput = z.infer<typeof VisitScheduleInput>;

export const VisitDeliverInput = titled(
  z.strictObject({
    deliveredAt: titled(Timestamp, '送学时间'),
    studied: Text('学习内容', visitLimits.studied),
    remarks: z.optional(ShortText('党员的感想', visitLimits.remarks)),
    views: z.optional(ShortText('对支部工作的意见建议', visitLimits.views)),
    /** What the next visitor should know: these update the member's care notes through the approval rule. */
    observations: z.optional(titled(CareNotes, '照护观察')),
    photos: z._default(titled(z.array(Attachment).check(z.maxLength(visitLimits.photos)), '照片'), []),
  }),
  '记录送学',
);
export type VisitDeliverInput = z.infer<typeof VisitDeliverInput>;

export const VisitConfirmInput = z.strictObject({
  /** Set by the secretary when confirming after a phone call with the member or family. */
  byPhone: z._default(titled(z.boolean(), '电话确认'), false),
});
export type VisitConfirmInput = z.infer<typeof VisitConfirmInput>;

export const VisitCancelInput = titled(z.strictObject({ reason: Text('取消原因', visitLimits.cancelReason) }), '取消送学');
export type VisitCancelInput = z.infer<typeof VisitCancelInput>;

/** The member or proxy takes back their own request before it is delivered; a reason is welcome, not required. */
export const VisitWithdrawInput = titled(z.strictObject({ reason: z.optional(ShortText('撤回原因', visitLimits.cancelReason)) }), '撤回送学申请');
export type VisitWithdrawInput = z.infer<typeof VisitWithdrawInput>;

/** "没有人来": on a visit recorded as delivered, the member's or proxy's own words for the secretary. */
export const VisitMissedInput = titled(z.strictObject({ note: z.optional(ShortText('想告诉支部的话', visitLimits.note)) }), '没有人来');
export type VisitMissedInput = z.infer<typeof VisitMissedInput>;

export const VisitListQuery = z.strictObject({ status: z.optional(VisitStatus) });

export const VisitRequest = z.object({
  id: Id,
  branchId: Id,
  memberId: Id,
  memberName: z.string(),
  sessionId: z.optional(Id),
  sessionTopic: z.optional(z.string()),
  /** When the session this visit stands in for begins, as it is now. */
  sessionStartsAt: z.optional(Timestamp),
  slot: DaySlot,
  note: z.optional(z.string()),
  status: VisitStatus,
  requestedBy: Id,
  requestedByRole: z.string(),
  createdAt: Timestamp,
  /** Days since the request was made. */
  ageDays: Int(),
  overdue: z.nullable(z.enum(['not_scheduled', 'not_delivered'])),
  scheduled: z.optional(z.object({ contactUserId: Id, contactName: z.string(), windowStart: Timestamp, windowEnd: Timestamp, by: Id, at: Timestamp })),
  delivered: z.optional(
    z.object({
      at: Timestamp, by: Id, studied: z.string(), remarks: z.optional(z.string()), views: z.optional(z.string()), observations: z.optional(CareNotes),
      photos: z.array(LinkedAttachment()), careNotesChange: z.optional(z.enum(['applied', 'pending_approval', 'not_stored'])),
    }),
  ),
  confirmed: z.optional(z.object({ by: Id, at: Timestamp, via: z.enum(['member', 'proxy', 'secretary_phone']) })),
  cancelled: z.optional(z.object({ by: Id, at: Timestamp, reason: z.string() })),
  /** The member or proxy said nobody came to a visit recorded as delivered: it is open again for the secretary. */
  missed: z.optional(z.object({ by: Id, at: Timestamp, via: z.enum(['member', 'proxy']), note: z.optional(z.string()), deliveredAt: Timestamp, text: z.string() })),
  /** The status in words, e.g. "已安排：林小红 11月30日星期一 上午来". */
  statusText: z.string(),
  version: Int(),
});
export type VisitRequest = z.infer<typeof VisitRequest>;

/** A contact's visit with what they need at the door. */
export const ContactVisit = z.extend(VisitRequest, {
  /** From the member record, so the card says 他 or 她. */
  memberGender: z.optional(Gender),
  memberPhone: z.optional(z.string()),
  address: z.optional(z.string()),
  careNotes: z.optional(CareNotes),
  emergencyContacts: z.array(EmergencyContact),
});
export type ContactVisit = z.infer<typeof ContactVisit>;

export const BranchContact = z.object({ userId: Id, name: z.string() });
export type BranchContact = z.infer<typeof BranchContact>;
