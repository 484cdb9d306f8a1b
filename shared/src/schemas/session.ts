import * as z from 'zod/mini';
import { amendmentLimits, attachmentLimits, minutesLimits, sessionLimits } from '../limits';
import { Id, Int, IsoDate, ShortText, Text, Timestamp, titled } from './common';

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
export const SessionKind = titled(z.enum(sessionKinds), '会议类型');
export type SessionKind = z.infer<typeof SessionKind>;

export const frequencies = ['monthly', 'quarterly', 'yearly'] as const;
export const Frequency = titled(z.enum(frequencies), '频次');
export type Frequency = z.infer<typeof Frequency>;

export const FrequencyRules = titled(
  z.strictObject(Object.fromEntries(sessionKinds.map((k) => [k, z.nullable(Frequency)])) as Record<SessionKind, z.ZodMiniNullable<typeof Frequency>>),
  '组织生活频次要求',
);
export type FrequencyRules = z.infer<typeof FrequencyRules>;

export const attendanceStatuses = ['present', 'excused', 'absent', 'home_delivered', 'online'] as const;
export const AttendanceStatus = titled(z.enum(attendanceStatuses), '出席情况');
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const Attachment = z.strictObject({
  uploadId: titled(Id, '附件'),
  name: Text('附件名称', attachmentLimits.name),
});
export type Attachment = z.infer<typeof Attachment>;

/** Where an image stands in WeChat's content check (media_check_async); files it cannot check have none. */
export const mediaCheckStates = ['checking', 'passed', 'rejected'] as const;

/**
 * An attachment as answered: with a link to read it. An image not yet passed by WeChat's content
 * check reaches only its uploader and the secretary, with `check` and the words to show (审核中;
 * rejected: no link, a note); everyone else sees it only once it passed.
 */
export const LinkedAttachment = () =>
  z.extend(Attachment, { url: z.string(), check: z.optional(z.enum(['checking', 'rejected'])), checkText: z.optional(z.string()) });

const MaterialText = () => ShortText('学习材料', sessionLimits.materialText);
const Attachments = () => titled(z.array(Attachment).check(z.maxLength(sessionLimits.attachments)), '附件');
const OnlineOffered = () => titled(z.boolean(), '可网上参学');
const LeaveReason = () => ShortText('请假原因', sessionLimits.leaveReason);

export const SessionCreateInput = titled(
  z
    .strictObject({
      kind: SessionKind,
      topic: Text('主题', sessionLimits.topic),
      startsAt: titled(Timestamp, '开始时间'),
      place: Text('地点', sessionLimits.place),
      hostName: Text('主持人', sessionLimits.hostName),
      recorderName: Text('记录人', sessionLimits.recorderName),
      materialText: z.optional(MaterialText()),
      attachments: z._default(Attachments(), []),
      onlineOffered: z._default(OnlineOffered(), false),
      /** 党小组会: which group is expected. */
      partyGroup: z.optional(ShortText('党小组', sessionLimits.partyGroup)),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.kind === 'group_meeting' && !v.partyGroup) ctx.addIssue({ code: 'custom', path: ['partyGroup'], message: '党小组会请选择党小组' });
      }),
    ),
  '新建组织生活',
);
export type SessionCreateInput = z.infer<typeof SessionCreateInput>;

export const SessionPatchInput = titled(
  z.strictObject({
    topic: z.optional(Text('主题', sessionLimits.topic)),
    startsAt: z.optional(titled(Timestamp, '开始时间')),
    place: z.optional(Text('地点', sessionLimits.place)),
    hostName: z.optional(Text('主持人', sessionLimits.hostName)),
    recorderName: z.optional(Text('记录人', sessionLimits.recorderName)),
    materialText: z.optional(MaterialText()),
    attachments: z.optional(Attachments()),
    onlineOffered: z.optional(OnlineOffered()),
    /** When the time or the place changes: told to every member expected, on their home (变动通知). */
    changeReason: z.optional(ShortText('改期原因', sessionLimits.changeReason)),
    expectedVersion: titled(Int().check(z.gte(1)), '版本'),
  }),
  '修改组织生活',
);
export type SessionPatchInput = z.infer<typeof SessionPatchInput>;

export const AttendanceInput = titled(
  z
    .strictObject({
      status: AttendanceStatus,
      reason: z.optional(LeaveReason()),
      reflection: z.optional(ShortText('学习体会', sessionLimits.reflection)),
      /**
       * The status the member or proxy saw and means to replace (null: nothing was recorded). A member's or
       * proxy's different status over a recorded one without it answers 409: nothing is replaced silently.
       */
      replaces: z.optional(z.nullable(titled(z.enum(attendanceStatuses), '要更改的登记'))),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.status === 'excused' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请假需要填写原因' });
      }),
    ),
  '出席登记',
);
export type AttendanceInput = z.infer<typeof AttendanceInput>;

/** What a member or proxy may take back on their own line while the session is open: leave (我能来了) or 我已学习. */
export const withdrawableStatuses = ['excused', 'online'] as const;

/** Taking back one's own leave or online study: the status taken back, so a line changed meanwhile is not cleared. */
export const AttendanceWithdrawInput = titled(z.strictObject({ status: titled(z.enum(withdrawableStatuses), '要撤销的登记') }), '撤销登记');
export type AttendanceWithdrawInput = z.infer<typeof AttendanceWithdrawInput>;

export const BulkAttendanceInput = z
  .strictObject({
    entries: titled(
      z
        .array(z.strictObject({ memberId: titled(Id, '党员'), status: AttendanceStatus, reason: z.optional(LeaveReason()) }))
        .check(z.minLength(1), z.maxLength(sessionLimits.bulkEntries)),
      '出席登记',
    ),
  })
  .check(
    z.superRefine((v, ctx) => {
      v.entries.forEach((e, i) => {
        if (e.status === 'excused' && !e.reason) ctx.addIssue({ code: 'custom', path: ['entries', i, 'reason'], message: '请假需要填写原因' });
      });
    }),
  );
export type BulkAttendanceInput = z.infer<typeof BulkAttendanceInput>;

/** Undo the last "everyone present": the id it answered (`lastBulk.id` on the session). */
export const BulkUndoInput = titled(z.strictObject({ bulkId: titled(Id, '要撤销的全部出席') }), '撤销全部出席');
export type BulkUndoInput = z.infer<typeof BulkUndoInput>;

/** One line of a "everyone present" preview: who and, in words, what happens to them. */
export const BulkPlanLine = z.object({ memberId: Id, memberName: z.string(), status: z.nullable(AttendanceStatus), text: z.string() });
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
export const SessionCloseInput = titled(
  z.strictObject({ noMinutesReason: z.optional(Text('没有会议记录的原因', sessionLimits.noMinutesReason)) }),
  '结束归档',
);
export type SessionCloseInput = z.infer<typeof SessionCloseInput>;

/** A reconciliation takes no input: an empty body (anything else is refused rather than ignored). */
export const ReconcileInput = titled(z.strictObject({}), '核对出席派生数据');

/** What a reconciliation of a session's derived fields found and repaired. */
export const ReconcileReport = z.object({
  sessionId: Id,
  checked: Int(),
  repaired: z.object({ lastParticipatedAt: Int(), points: Int() }),
  /** One sentence per member repaired, for the page. */
  lines: z.array(z.string()),
  message: z.string(),
});
export type ReconcileReport = z.infer<typeof ReconcileReport>;

export const MinutesInput = titled(
  z.strictObject({
    agenda: z._default(ShortText('议程', minutesLimits.agenda), ''),
    content: z._default(ShortText('会议内容', minutesLimits.content), ''),
    decisions: z._default(ShortText('决议', minutesLimits.decisions), ''),
    votes: z._default(ShortText('表决情况', minutesLimits.votes), ''),
    photos: z._default(titled(z.array(Attachment).check(z.maxLength(minutesLimits.photos)), '影像资料'), []),
  }),
  '会议记录',
);
export type MinutesInput = z.infer<typeof MinutesInput>;

export const AmendmentInput = titled(
  z
    .strictObject({
      reason: Text('更正原因', amendmentLimits.reason),
      /** A correction of the minutes' text, written as a note appended to the record. */
      note: z.optional(ShortText('更正内容', amendmentLimits.note)),
      /** Or a correction of one member's attendance. */
      attendance: z.optional(
        z.strictObject({
          memberId: titled(Id, '党员'),
          status: AttendanceStatus,
          reason: z.optional(ShortText('请假原因', sessionLimits.leaveReason)),
        }),
      ),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (!v.note && !v.attendance) ctx.addIssue({ code: 'custom', path: ['note'], message: '请填写更正内容' });
      }),
    ),
  '更正',
);
export type AmendmentInput = z.infer<typeof AmendmentInput>;

export const UploadInput = titled(
  z.strictObject({
    // xlsx: a roster to import (花名册); the import checks it is one, and reads it only then.
    contentType: titled(z.enum(['image/jpeg', 'image/png', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']), '文件类型'),
    size: titled(Int().check(z.gte(1), z.lte(attachmentLimits.bytes)), '文件大小'),
    name: Text('文件名', attachmentLimits.name),
    /** The branch the file is for: an administrator's roster; staff of a branch upload to their own and leave it out. */
    branchId: z.optional(titled(Id, '支部')),
  }),
  '上传文件',
);
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
  status: z.nullable(AttendanceStatus),
  reason: z.optional(z.string()),
  reflection: z.optional(z.string()),
  recordedBy: z.optional(Id),
  recordedByName: z.optional(z.string()),
  recordedAt: z.optional(Timestamp),
  /** Recorded by the member or their proxy, in words ("王建国本人登记"): the secretary sees this before changing it. */
  selfRecorded: z.optional(z.string()),
  /** For the secretary: a 送学上门 under way for this session, in words. */
  visitText: z.optional(z.string()),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

export const Quorum = z.object({ entitled: Int(), present: Int(), met: z.boolean() });

export const Amendment = z.object({ id: Id, at: Timestamp, by: Id, byName: z.string(), reason: z.string(), note: z.optional(z.string()), attendance: AmendmentInput.shape.attendance });

export const SessionSummary = z.object({
  id: Id,
  branchId: Id,
  kind: SessionKind,
  topic: z.string(),
  startsAt: Timestamp,
  place: z.string(),
  status: z.enum(['open', 'closed']),
  onlineOffered: z.boolean(),
  expectedCount: Int(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionDetail = z.extend(SessionSummary, {
  hostName: z.string(),
  recorderName: z.string(),
  materialText: z.optional(z.string()),
  attachments: z.array(LinkedAttachment()),
  partyGroup: z.optional(z.string()),
  /** Everyone expected, with their attendance; a member sees only their own line. */
  attendance: z.array(AttendanceEntry),
  quorum: z.optional(Quorum),
  minutes: z.optional(z.extend(MinutesInput, { photos: z.array(LinkedAttachment()) })),
  amendments: z.array(Amendment),
  version: Int(),
  closedAt: z.optional(Timestamp),
  closedBy: z.optional(Id),
  closedByName: z.optional(z.string()),
  /** A 支部党员大会 or 支委会 archived without minutes: the reason given. */
  noMinutesReason: z.optional(z.string()),
  /** The last "everyone present", while it can still be undone as a whole. */
  lastBulk: z.optional(z.object({ id: Id, at: Timestamp, byName: z.string(), count: Int(), undoable: z.boolean() })),
  /** The period was signed off by an inspector: nothing can change any more. */
  locked: z.boolean(),
  createdBy: Id,
  createdByName: z.string(),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

/** A member's view of a session: the session and their own attendance. */
export const MemberSession = z.extend(SessionSummary, {
  materialText: z.optional(z.string()),
  attachments: z.array(LinkedAttachment()),
  myStatus: z.nullable(AttendanceStatus),
  myReason: z.optional(z.string()),
  myReflection: z.optional(z.string()),
});
export type MemberSession = z.infer<typeof MemberSession>;

/** The longest window a session list may ask for: a year and a bit, so a list stays one page of the ledger. */
export const maxSessionListDays = sessionLimits.listDays;
const dayMs = 86_400_000;
/** A day the records can hold: a malformed or far-off date is an input mistake, not a query. */
const ListDay = (title: string) =>
  titled(IsoDate.check(z.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { error: '应在 2000 年到 2100 年之间' })), title);

/**
 * `from` and `to` are China days, both included. A missing end is taken from the given one's year
 * (the service fills it), so the window is always ordered and bounded.
 */
export const SessionListQuery = z
  .strictObject({ from: z.optional(ListDay('开始日期')), to: z.optional(ListDay('结束日期')), kind: z.optional(SessionKind) })
  .check(
    z.superRefine((q, ctx) => {
      if (!q.from || !q.to) return;
      if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '不能早于开始日期' });
      else if ((Date.parse(q.to) - Date.parse(q.from)) / dayMs + 1 > maxSessionListDays) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `与开始日期相隔不能超过 ${maxSessionListDays} 天` });
      }
    }),
  );
export type SessionListQuery = z.infer<typeof SessionListQuery>;

/** `plan_changed`: the branch moved or cancelled something of the member's (变动通知), sent at once. */
export const reminderKinds = ['session_tomorrow', 'material_published', 'plan_changed'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
/** What agreeing left: how many more reminders of each kind WeChat will carry to this person. */
export const SubscriptionsAnswer = z.object({ kinds: z.array(z.enum(reminderKinds)), remaining: z.record(z.enum(reminderKinds), Int()) });
export type SubscriptionsAnswer = z.infer<typeof SubscriptionsAnswer>;

export const SubscriptionsInput = titled(
  z.strictObject({ kinds: titled(z.array(z.enum(reminderKinds)).check(z.maxLength(reminderKinds.length)), '订阅的提醒') }),
  '订阅提醒',
);
export type SubscriptionsInput = z.infer<typeof SubscriptionsInput>;

/**
 * A reminder's state: `needs_call` when WeChat could not carry it (the member's or proxy's one-time agreements
 * were used up, or WeChat refused): it is on the secretary's "需要电话通知" list instead of silently skipped.
 */
/** `called`: the secretary phoned the member instead (已电话通知), recorded as a call. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'skipped', 'failed', 'needs_call', 'called'] as const;

/** The latest recorded call (已联系) as a warning or a reminder shows it: who called when, and what they noted. */
export const LastCall = z.object({ at: Timestamp, byName: z.string(), note: z.optional(z.string()), quietUntil: z.string() });
export type LastCall = z.infer<typeof LastCall>;

export const OutboxEntry = z.object({
  id: z.string(),
  memberId: Id,
  memberName: z.string(),
  sessionId: Id,
  kind: z.enum(reminderKinds),
  dueAt: Timestamp,
  channel: z.enum(['wechat', 'none']),
  status: z.enum(outboxStatuses),
  text: z.string(),
  /** The member's phone, for a one-tap call: only for those who may read it (`member.readPhone`). */
  phone: z.optional(z.string()),
  /** The call that gave this reminder by phone (status `called`). */
  call: z.optional(LastCall),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const QuietMember = z.object({
  memberId: Id,
  name: z.string(),
  lastParticipatedAt: z.nullable(Timestamp),
  quietMonths: Int(),
  /** Only for those who may read it (`member.readPhone`). */
  phone: z.optional(z.string()),
  /** The latest recorded call, if any. */
  lastCall: z.nullable(LastCall),
});
export type QuietMember = z.infer<typeof QuietMember>;

/** What the secretary's home shows first. */
export const BranchOverview = z.object({
  branchId: Id,
  /** No participation for five months or more: call or visit before the six-month rule bites. */
  quietMembers: z.array(QuietMember),
  /** Quiet members reached by phone lately: the warning rests until the day the secretary chose (`lastCall.quietUntil`). */
  contactedQuietMembers: z.array(QuietMember),
  nextSessions: z.array(SessionSummary),
  /** 送学上门 requests still open, and those overdue (not scheduled within 3 days, not delivered within 14). */
  visits: z.object({ open: Int(), drafts: Int(), notScheduled: Int(), notDelivered: Int() }),
});
export type BranchOverview = z.infer<typeof BranchOverview>;
