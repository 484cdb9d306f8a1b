import * as z from 'zod';
import { Id, IsoDate, Timestamp } from './common';

export const sessionKinds = [
  'branch_general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'collective_study',
  'organisational_life_meeting',
  'democratic_appraisal',
] as const;
export const SessionKind = z.enum(sessionKinds).meta({ title: '会议类型' });
export type SessionKind = z.infer<typeof SessionKind>;

export const frequencies = ['monthly', 'quarterly', 'yearly'] as const;
export const Frequency = z.enum(frequencies).meta({ title: '频次' });
export type Frequency = z.infer<typeof Frequency>;

export const FrequencyRules = z
  .object(Object.fromEntries(sessionKinds.map((k) => [k, Frequency.nullable()])) as Record<SessionKind, z.ZodNullable<typeof Frequency>>)
  .strict()
  .meta({ title: '组织生活频次要求' });
export type FrequencyRules = z.infer<typeof FrequencyRules>;

export const attendanceStatuses = ['present', 'excused', 'absent', 'home_delivered', 'online'] as const;
export const AttendanceStatus = z.enum(attendanceStatuses).meta({ title: '出席情况' });
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

const Text = (title: string, max: number) => z.string().trim().min(1).max(max).meta({ title });

export const Attachment = z
  .object({
    uploadId: Id.meta({ title: '附件' }),
    name: Text('附件名称', 80),
  })
  .strict();
export type Attachment = z.infer<typeof Attachment>;

export const SessionCreateInput = z
  .object({
    kind: SessionKind,
    topic: Text('主题', 80),
    startsAt: Timestamp.meta({ title: '开始时间' }),
    place: Text('地点', 80),
    hostName: Text('主持人', 20),
    recorderName: Text('记录人', 20),
    materialText: z.string().trim().max(5000).meta({ title: '学习材料' }).optional(),
    attachments: z.array(Attachment).max(10).meta({ title: '附件' }).default([]),
    onlineOffered: z.boolean().meta({ title: '可网上参学' }).default(false),
    /** 党小组会: which group is expected. */
    partyGroup: z.string().trim().max(20).meta({ title: '党小组' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'group_meeting' && !v.partyGroup) ctx.addIssue({ code: 'custom', path: ['partyGroup'], message: '党小组会请选择党小组' });
  })
  .meta({ title: '新建组织生活' });
export type SessionCreateInput = z.infer<typeof SessionCreateInput>;

export const SessionPatchInput = z
  .object({
    topic: Text('主题', 80).optional(),
    startsAt: Timestamp.meta({ title: '开始时间' }).optional(),
    place: Text('地点', 80).optional(),
    hostName: Text('主持人', 20).optional(),
    recorderName: Text('记录人', 20).optional(),
    materialText: z.string().trim().max(5000).meta({ title: '学习材料' }).optional(),
    attachments: z.array(Attachment).max(10).meta({ title: '附件' }).optional(),
    onlineOffered: z.boolean().meta({ title: '可网上参学' }).optional(),
    expectedVersion: z.number().int().min(1).meta({ title: '版本' }),
  })
  .strict()
  .meta({ title: '修改组织生活' });
export type SessionPatchInput = z.infer<typeof SessionPatchInput>;

export const AttendanceInput = z
  .object({
    status: AttendanceStatus,
    reason: z.string().trim().max(200).meta({ title: '请假原因' }).optional(),
    reflection: z.string().trim().max(500).meta({ title: '学习体会' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'excused' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请假需要填写原因' });
  })
  .meta({ title: '出席登记' });
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const BulkAttendanceInput = z
  .object({
    entries: z
      .array(z.object({ memberId: Id.meta({ title: '党员' }), status: AttendanceStatus, reason: z.string().trim().max(200).meta({ title: '请假原因' }).optional() }).strict())
      .min(1)
      .max(500)
      .meta({ title: '出席登记' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    v.entries.forEach((e, i) => {
      if (e.status === 'excused' && !e.reason) ctx.addIssue({ code: 'custom', path: ['entries', i, 'reason'], message: '请假需要填写原因' });
    });
  });
export type BulkAttendanceInput = z.infer<typeof BulkAttendanceInput>;

/** Undo the last "everyone present": the id it answered (`lastBulk.id` on the session). */
export const BulkUndoInput = z.object({ bulkId: Id.meta({ title: '要撤销的全部出席' }) }).strict().meta({ title: '撤销全部出席' });
export type BulkUndoInput = z.infer<typeof BulkUndoInput>;

/** One line of a "everyone present" preview: who and, in words, what happens to them. */
export const BulkPlanLine = z.object({ memberId: Id, memberName: z.string(), status: AttendanceStatus.nullable(), text: z.string() });
export type BulkPlanLine = z.infer<typeof BulkPlanLine>;

/** What "everyone present" would do, before it does it. */
export const BulkAttendancePlan = z.object({
  /** Lines nobody has recorded: they will be written. */
  toMark: z.array(BulkPlanLine),
  /** Lines kept as they are: recorded already (by the member, a proxy or the secretary) or a 送学上门 under way. */
  kept: z.array(BulkPlanLine),
  summary: z.string(),
});
export type BulkAttendancePlan = z.infer<typeof BulkAttendancePlan>;

/** Closing a 支部党员大会 or 支委会 without minutes needs the reason there are none. */
export const SessionCloseInput = z
  .object({ noMinutesReason: z.string().trim().min(1).max(200).meta({ title: '没有会议记录的原因' }).optional() })
  .strict()
  .meta({ title: '结束归档' });
export type SessionCloseInput = z.infer<typeof SessionCloseInput>;

/** A reconciliation takes no input: an empty body (anything else is refused rather than ignored). */
export const ReconcileInput = z.object({}).strict().meta({ title: '核对出席派生数据' });

/** What a reconciliation of a session's derived fields found and repaired. */
export const ReconcileReport = z.object({
  sessionId: Id,
  checked: z.number().int(),
  repaired: z.object({ lastParticipatedAt: z.number().int(), points: z.number().int() }),
  /** One sentence per member repaired, for the page. */
  lines: z.array(z.string()),
  message: z.string(),
});
export type ReconcileReport = z.infer<typeof ReconcileReport>;

export const MinutesInput = z
  .object({
    agenda: z.string().trim().max(2000).meta({ title: '议程' }).default(''),
    content: z.string().trim().max(10000).meta({ title: '会议内容' }).default(''),
    decisions: z.string().trim().max(5000).meta({ title: '决议' }).default(''),
    votes: z.string().trim().max(2000).meta({ title: '表决情况' }).default(''),
    photos: z.array(Attachment).max(20).meta({ title: '影像资料' }).default([]),
  })
  .strict()
  .meta({ title: '会议记录' });
export type MinutesInput = z.infer<typeof MinutesInput>;

export const AmendmentInput = z
  .object({
    reason: Text('更正原因', 500),
    /** A correction of the minutes' text, written as a note appended to the record. */
    note: z.string().trim().max(5000).meta({ title: '更正内容' }).optional(),
    /** Or a correction of one member's attendance. */
    attendance: z.object({ memberId: Id.meta({ title: '党员' }), status: AttendanceStatus, reason: z.string().trim().max(200).optional() }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.note && !v.attendance) ctx.addIssue({ code: 'custom', path: ['note'], message: '请填写更正内容' });
  })
  .meta({ title: '更正' });
export type AmendmentInput = z.infer<typeof AmendmentInput>;

export const UploadInput = z
  .object({
    contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']).meta({ title: '文件类型' }),
    size: z.number().int().min(1).max(10 * 1024 * 1024).meta({ title: '文件大小' }),
    name: Text('文件名', 80),
  })
  .strict()
  .meta({ title: '上传文件' });
export type UploadInput = z.infer<typeof UploadInput>;

/**
 * A presigned form upload: POST multipart to `url` with `fields` and the file under `fileField`
 * (what `wx.uploadFile` sends). The policy limits the size and the content type.
 */
export const UploadTicket = z.object({
  uploadId: Id,
  url: z.string(),
  method: z.literal('POST'),
  fields: z.record(z.string(), z.string()),
  fileField: z.literal('file'),
  expiresAt: Timestamp,
});
export type UploadTicket = z.infer<typeof UploadTicket>;

export const AttendanceEntry = z.object({
  memberId: Id,
  memberName: z.string(),
  status: AttendanceStatus.nullable(),
  reason: z.string().optional(),
  reflection: z.string().optional(),
  recordedBy: Id.optional(),
  recordedByName: z.string().optional(),
  recordedAt: Timestamp.optional(),
  /** Recorded by the member or their proxy, in words ("王建国本人登记"): the secretary sees this before changing it. */
  selfRecorded: z.string().optional(),
  /** For the secretary: a 送学上门 under way for this session, in words. */
  visitText: z.string().optional(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

export const Quorum = z.object({ entitled: z.number().int(), present: z.number().int(), met: z.boolean() });

export const Amendment = z.object({ id: Id, at: Timestamp, by: Id, byName: z.string(), reason: z.string(), note: z.string().optional(), attendance: AmendmentInput.shape.attendance });

export const SessionSummary = z.object({
  id: Id,
  branchId: Id,
  kind: SessionKind,
  topic: z.string(),
  startsAt: Timestamp,
  place: z.string(),
  status: z.enum(['open', 'closed']),
  onlineOffered: z.boolean(),
  expectedCount: z.number().int(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionDetail = SessionSummary.extend({
  hostName: z.string(),
  recorderName: z.string(),
  materialText: z.string().optional(),
  attachments: z.array(Attachment.extend({ url: z.string() })),
  partyGroup: z.string().optional(),
  /** Everyone expected, with their attendance; a member sees only their own line. */
  attendance: z.array(AttendanceEntry),
  quorum: Quorum.optional(),
  minutes: MinutesInput.extend({ photos: z.array(Attachment.extend({ url: z.string() })) }).optional(),
  amendments: z.array(Amendment),
  version: z.number().int(),
  closedAt: Timestamp.optional(),
  closedBy: Id.optional(),
  closedByName: z.string().optional(),
  /** A 支部党员大会 or 支委会 archived without minutes: the reason given. */
  noMinutesReason: z.string().optional(),
  /** The last "everyone present", while it can still be undone as a whole. */
  lastBulk: z.object({ id: Id, at: Timestamp, byName: z.string(), count: z.number().int(), undoable: z.boolean() }).optional(),
  /** The period was signed off by an inspector: nothing can change any more. */
  locked: z.boolean(),
  createdBy: Id,
  createdByName: z.string(),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

/** A member's view of a session: the session and their own attendance. */
export const MemberSession = SessionSummary.extend({
  materialText: z.string().optional(),
  attachments: z.array(Attachment.extend({ url: z.string() })),
  myStatus: AttendanceStatus.nullable(),
  myReason: z.string().optional(),
  myReflection: z.string().optional(),
});
export type MemberSession = z.infer<typeof MemberSession>;

/** The longest window a session list may ask for: a year and a bit, so a list stays one page of the ledger. */
export const maxSessionListDays = 400;
const dayMs = 86_400_000;
/** A day the records can hold: a malformed or far-off date is an input mistake, not a query. */
const ListDay = (title: string) =>
  IsoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { error: '应在 2000 年到 2100 年之间' }).meta({ title });

/**
 * `from` and `to` are China days, both included. A missing end is taken from the given one's year
 * (the service fills it), so the window is always ordered and bounded.
 */
export const SessionListQuery = z
  .object({ from: ListDay('开始日期').optional(), to: ListDay('结束日期').optional(), kind: SessionKind.optional() })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '不能早于开始日期' });
    else if ((Date.parse(q.to) - Date.parse(q.from)) / dayMs + 1 > maxSessionListDays) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `与开始日期相隔不能超过 ${maxSessionListDays} 天` });
    }
  });
export type SessionListQuery = z.infer<typeof SessionListQuery>;

export const reminderKinds = ['session_tomorrow', 'material_published'] as const;
export const SubscriptionsInput = z
  .object({ kinds: z.array(z.enum(reminderKinds)).max(reminderKinds.length).meta({ title: '订阅的提醒' }) })
  .strict()
  .meta({ title: '订阅提醒' });
export type SubscriptionsInput = z.infer<typeof SubscriptionsInput>;

export const OutboxEntry = z.object({
  id: z.string(),
  memberId: Id,
  memberName: z.string(),
  sessionId: Id,
  kind: z.enum(reminderKinds),
  dueAt: Timestamp,
  channel: z.enum(['wechat', 'none']),
  status: z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']),
  text: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const QuietMember = z.object({ memberId: Id, name: z.string(), lastParticipatedAt: Timestamp.nullable(), quietMonths: z.number().int() });
export type QuietMember = z.infer<typeof QuietMember>;

/** What the secretary's home shows first. */
export const BranchOverview = z.object({
  branchId: Id,
  /** No participation for five months or more: call or visit before the six-month rule bites. */
  quietMembers: z.array(QuietMember),
  nextSessions: z.array(SessionSummary),
  /** 送学上门 requests still open, and those overdue (not scheduled within 3 days, not delivered within 14). */
  visits: z.object({ open: z.number().int(), drafts: z.number().int(), notScheduled: z.number().int(), notDelivered: z.number().int() }),
});
export type BranchOverview = z.infer<typeof BranchOverview>;
