import * as z from 'zod';
import { Id, Timestamp } from './common';
import { CareNotes, EmergencyContact } from './member';
import { Attachment } from './session';

export const visitStatuses = ['draft', 'requested', 'scheduled', 'delivered', 'confirmed', 'closed', 'cancelled'] as const;
export const VisitStatus = z.enum(visitStatuses).meta({ title: '状态' });
export type VisitStatus = z.infer<typeof VisitStatus>;

export const DaySlot = z.enum(['morning', 'afternoon', 'any']).meta({ title: '上午或下午' });
export type DaySlot = z.infer<typeof DaySlot>;

export const VisitRequestInput = z
  .object({
    /** A session to take the study of; omitted means "the next one". */
    sessionId: Id.meta({ title: '学习场次' }).optional(),
    slot: DaySlot.default('any'),
    note: z.string().trim().max(200).meta({ title: '备注' }).optional(),
  })
  .strict()
  .meta({ title: '申请送学上门' });
export type VisitRequestInput = z.infer<typeof VisitRequestInput>;

export const VisitScheduleInput = z
  .object({
    contactUserId: Id.meta({ title: '送学联系人' }),
    windowStart: Timestamp.meta({ title: '上门时间（开始）' }),
    windowEnd: Timestamp.meta({ title: '上门时间（结束）' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.windowEnd <= v.windowStart) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: '结束时间要晚于开始时间' });
  })
  .meta({ title: '安排送学' });
export type VisitScheduleInput = z.infer<typeof VisitScheduleInput>;

export const VisitDeliverInput = z
  .object({
    deliveredAt: Timestamp.meta({ title: '送学时间' }),
    studied: z.string().trim().min(1).max(1000).meta({ title: '学习内容' }),
    remarks: z.string().trim().max(1000).meta({ title: '党员的感想' }).optional(),
    views: z.string().trim().max(1000).meta({ title: '对支部工作的意见建议' }).optional(),
    /** What the next visitor should know: these update the member's care notes through the approval rule. */
    observations: CareNotes.meta({ title: '照护观察' }).optional(),
    photos: z.array(Attachment).max(5).meta({ title: '照片' }).default([]),
  })
  .strict()
  .meta({ title: '记录送学' });
export type VisitDeliverInput = z.infer<typeof VisitDeliverInput>;

export const VisitConfirmInput = z
  .object({
    /** Set by the secretary when confirming after a phone call with the member or family. */
    byPhone: z.boolean().meta({ title: '电话确认' }).default(false),
  })
  .strict();
export type VisitConfirmInput = z.infer<typeof VisitConfirmInput>;

export const VisitCancelInput = z
  .object({ reason: z.string().trim().min(1).max(200).meta({ title: '取消原因' }) })
  .strict()
  .meta({ title: '取消送学' });
export type VisitCancelInput = z.infer<typeof VisitCancelInput>;

export const VisitListQuery = z.object({ status: VisitStatus.optional() }).strict();

export const VisitRequest = z.object({
  id: Id,
  branchId: Id,
  memberId: Id,
  memberName: z.string(),
  sessionId: Id.optional(),
  sessionTopic: z.string().optional(),
  slot: DaySlot,
  note: z.string().optional(),
  status: VisitStatus,
  requestedBy: Id,
  requestedByRole: z.string(),
  createdAt: Timestamp,
  /** Days since the request was made. */
  ageDays: z.number().int(),
  overdue: z.enum(['not_scheduled', 'not_delivered']).nullable(),
  scheduled: z.object({ contactUserId: Id, contactName: z.string(), windowStart: Timestamp, windowEnd: Timestamp, by: Id, at: Timestamp }).optional(),
  delivered: z
    .object({ at: Timestamp, by: Id, studied: z.string(), remarks: z.string().optional(), views: z.string().optional(), observations: CareNotes.optional(), photos: z.array(Attachment.extend({ url: z.string() })), careNotesChange: z.enum(['applied', 'pending_approval', 'not_stored']).optional() })
    .optional(),
  confirmed: z.object({ by: Id, at: Timestamp, via: z.enum(['member', 'proxy', 'secretary_phone']) }).optional(),
  cancelled: z.object({ by: Id, at: Timestamp, reason: z.string() }).optional(),
  /** The status in words, e.g. "已安排：林小红 11月30日星期一 上午来". */
  statusText: z.string(),
  version: z.number().int(),
});
export type VisitRequest = z.infer<typeof VisitRequest>;

/** A contact's visit with what they need at the door. */
export const ContactVisit = VisitRequest.extend({
  memberPhone: z.string().optional(),
  address: z.string().optional(),
  careNotes: CareNotes.optional(),
  emergencyContacts: z.array(EmergencyContact),
});
export type ContactVisit = z.infer<typeof ContactVisit>;

export const BranchContact = z.object({ userId: Id, name: z.string() });
export type BranchContact = z.infer<typeof BranchContact>;
