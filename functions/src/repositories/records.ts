import * as z from 'zod/mini';
import type { AuditEntry } from '@ltx/shared/domain/audit-sentences';
import { isStaffRole, roles, staffRoles } from '@ltx/shared/domain/roles';
import { consentWays, healthReadPurposes } from '@ltx/shared/domain/consent';
import { deletionReasons } from '@ltx/shared/domain/member-deletion';
import { orgKinds, rootOf, rootPath } from '@ltx/shared/domain/hierarchy';
import { assignedVisitStatuses, openVisitStatuses } from '@ltx/shared/domain/visit-rules';
import { RectificationStatus } from '@ltx/shared/schemas/inspection';
import { attendanceModes, departureReasons, Gender, healthClasses, InviteKind, livingSituations, type CareNotes, type EmergencyContact } from '@ltx/shared/schemas/member';
import { pointsCategories } from '@ltx/shared/schemas/points';
import { attendanceStatuses, outboxStatuses, reminderKinds, sessionKinds } from '@ltx/shared/schemas/session';
import { FeedbackKind, FeedbackStatus } from '@ltx/shared/schemas/feedback';
import { TransferStatus } from '@ltx/shared/schemas/transfer';
import { DaySlot, visitStatuses } from '@ltx/shared/schemas/visit';
import { Notice } from '@ltx/shared/schemas/notice';
import { mediaCheckStates } from '@ltx/shared/schemas/session';
import type { RosterRowPlan } from '@ltx/shared/domain/roster';
import { defineEntity, objectOf } from '../db/entity';
import { keys } from '../db/keys';

/**
 * Every stored entity, declared once: the record's shape as stored (types are `z.infer` of it), its
 * item type and its keys (templates in `db/keys.ts`; the layout is `docs/data-model.md`). The API
 * views in `shared/` are derived from these by the services. Vocabularies (statuses, kinds, roles)
 * come from the shared schemas; free text is not re-validated on read (it was when written).
 */

const text = z.string();
const optionalText = z.optional(text);
const count = z.number();
const file = z.object({ uploadId: text, name: text });
/** Care notes and emergency contacts are shaped by the shared schemas (checked when written). */
const careNotes = objectOf<CareNotes>();
const emergencyContact = objectOf<EmergencyContact>();

// Members.

export const SensitiveRecord = z.object({
  healthClass: z.enum(healthClasses),
  careNotes,
  emergencyContacts: z.array(emergencyContact),
  /** Written before consent was the member's own (a box the secretary ticked); no longer written. */
  consentRecordedAt: optionalText,
  consentRecordedBy: optionalText,
});
export type SensitiveRecord = z.infer<typeof SensitiveRecord>;

/** The member's own consent to keep health data, while it stands (shared/src/domain/consent.ts). */
export const HealthConsentRecord = z.object({
  termsVersion: text,
  givenAt: text,
  givenBy: text,
  way: z.enum(consentWays),
  /** A paper consent: the photo of the signed form. */
  paperFormUploadId: optionalText,
});
export type HealthConsentRecord = z.infer<typeof HealthConsentRecord>;

/** A death or departure: the member stays stored (past ledgers name them) but is off the roll from `effectiveOn`. */
export const DepartureRecord = z.object({
  reason: z.enum(departureReasons),
  /** The China day it happened, as recorded (YYYY-MM-DD). */
  on: text,
  /** The day the roll leaves them out: `on`, or the day after the last signed-off period holding it (`domain/roll.ts`). */
  effectiveOn: text,
  note: optionalText,
  recordedAt: text,
  recordedBy: text,
  /** A transfer out (组织关系转接): where the member went; their own item is that branch's now. */
  toBranchName: optionalText,
});
export type DepartureRecord = z.infer<typeof DepartureRecord>;

export const MemberRecord = z.object({
  id: text,
  orgId: text,
  branchId: text,
  name: text,
  gender: Gender,
  birthDate: text,
  joinedPartyOn: text,
  partyGroup: optionalText,
  committeeRole: optionalText,
  phone: optionalText,
  livingSituation: z.enum(livingSituations),
  livingCity: optionalText,
  address: optionalText,
  attendanceModeOverride: z.optional(z.nullable(z.enum(attendanceModes))),
  /** The effective mode: the override, or what the health class and living situation suggest. */
  attendanceMode: z.enum(attendanceModes),
  contactUserId: z.optional(z.nullable(text)),
  bound: z.boolean(),
  /** Kept by the attendance service: the latest session the member took part in. */
  lastParticipatedAt: optionalText,
  /** Reminder kinds the member agreed to receive as WeChat subscription messages. */
  subscriptions: z.optional(z.array(text)),
  /** Health and care data: read only when the actor may (see `member.readSensitive`). */
  sensitive: z.optional(SensitiveRecord),
  /** Present while the member's consent stands: without it, `sensitive` is neither kept nor accepted. */
  healthConsent: z.optional(HealthConsentRecord),
  /**
   * The care card (爱心卡) as the member or proxy set it (services/care-card-service.ts). `health` is health
   * data: kept only while the consent stands, erased with `sensitive` on withdrawal and on deletion.
   */
  careCard: z.optional(z.object({
    show: z.record(z.string(), z.boolean()),
    health: z.optional(z.object({ conditions: optionalText, medicines: optionalText })),
    version: count,
    updatedAt: text,
    updatedBy: text,
  })),
  /** Absent for members on the roll (and on every item written before departures were recorded). */
  departure: z.optional(DepartureRecord),
  /** A member transferred in (组织关系转入): the receiving roll counts them from this China day (`domain/roll.ts`). */
  joinedBranchOn: optionalText,
  /** The transfer that brought them here: a retried acceptance knows the move is done. */
  transferredIn: z.optional(z.object({ transferId: text, fromBranchName: text, on: text })),
  /**
   * Set when an administrator deleted the member's personal information (services/member-erasure-service.ts):
   * `name` is then the anonymised reference, the birth date keeps only the year, and nothing else personal is left.
   */
  erased: z.optional(z.object({ ref: text, at: text, by: text, reason: z.enum(deletionReasons) })),
  version: count,
  createdAt: text,
  createdBy: text,
  updatedAt: text,
  updatedBy: text,
});
export type MemberRecord = z.infer<typeof MemberRecord>;

export const members = defineEntity({
  type: 'Member',
  schema: MemberRecord,
  keys: (m: MemberRecord) => {
    const sortKey = keys.memberSortKey(m.name, m.id);
    return {
      ...keys.member(m.id),
      gsi1pk: keys.membersOfBranch(m.branchId),
      gsi1sk: sortKey,
      // Only a paired member is in a contact's list.
      ...(m.contactUserId ? { gsi2pk: keys.membersOfContact(m.contactUserId), gsi2sk: sortKey } : {}),
    };
  },
});

/**
 * What the sending branch keeps of a member transferred out (组织关系转出): their profile as it was (no
 * health data, no contact), in the branch's member list, with a departure from the transfer day. So the
 * sending branch's roll, sessions, ledgers and points read them as any member who left, from one record,
 * while the member's own item lives on in the receiving branch.
 */
export const formerMembers = defineEntity({
  type: 'FormerMember',
  schema: MemberRecord,
  keys: (m: MemberRecord) => ({ ...keys.formerMember(m.id, m.branchId), gsi1pk: keys.membersOfBranch(m.branchId), gsi1sk: keys.memberSortKey(m.name, m.id) }),
});

export const PendingChangeRecord = z.object({
  id: text,
  memberId: text,
  branchId: text,
  proposedBy: text,
  proposedAt: text,
  patch: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'approved']),
  resolvedBy: optionalText,
  resolvedAt: optionalText,
});
export type PendingChangeRecord = z.infer<typeof PendingChangeRecord>;

export const pendingChanges = defineEntity({
  type: 'PendingChange',
  schema: PendingChangeRecord,
  keys: (c: PendingChangeRecord) => keys.pendingChange(c.memberId, c.id),
});

/**
 * One giving or withdrawal of consent, appended beside the member (never changed): keyed by the member's
 * version it produced, so a retried request that already changed the member writes the same event again.
 */
export const ConsentEventRecord = z.object({
  memberId: text,
  memberVersion: count,
  kind: z.enum(['given', 'withdrawn']),
  at: text,
  by: text,
  way: z.enum(consentWays),
  termsVersion: optionalText,
  paperFormUploadId: optionalText,
});
export type ConsentEventRecord = z.infer<typeof ConsentEventRecord>;

export const consentEvents = defineEntity({
  type: 'ConsentEvent',
  schema: ConsentEventRecord,
  keys: (e: ConsentEventRecord) => keys.consentEvent(e.memberId, e.memberVersion),
});

/**
 * Someone other than the member read their health or care data (PIPL: the member may see who, when and why):
 * one item per China day, reader and purpose, counting the reads, so a busy day does not grow the log.
 */
export const HealthReadRecord = z.object({
  memberId: text,
  day: text,
  readerId: text,
  readerRole: z.enum(roles),
  purpose: z.enum(healthReadPurposes),
  firstAt: text,
  lastAt: text,
  count: count,
});
export type HealthReadRecord = z.infer<typeof HealthReadRecord>;

export const healthReads = defineEntity({
  type: 'HealthRead',
  schema: HealthReadRecord,
  keys: (r: HealthReadRecord) => keys.healthRead(r.memberId, r.day, r.readerId, r.purpose),
});

// Organisations and branches.

/** When an organisation or branch was closed (撤销): it stays, read-only, with its history. */
const closure = { closedOn: optionalText, closedAt: optionalText, closedBy: optionalText };

export const OrgRecord = z.object({
  id: text,
  name: text,
  kind: z.optional(z.enum(orgKinds)),
  /** Absent for a root (and for organisations stored before the hierarchy, which are roots). */
  parentId: optionalText,
  /** The materialised path `/root/…/id/` (shared/src/domain/hierarchy.ts); absent reads as a root's. */
  path: optionalText,
  ...closure,
});
export type OrgRecord = z.infer<typeof OrgRecord>;

/** An organisation's path, also for one stored before the hierarchy (a root). */
export const orgPathOf = (o: Pick<OrgRecord, 'id' | 'path'>): string => o.path ?? rootPath(o.id);

export const orgs = defineEntity({
  type: 'Org',
  schema: OrgRecord,
  keys: (o: OrgRecord) => ({
    ...keys.org(o.id),
    ...(o.parentId ? { gsi1pk: keys.childrenOfOrg(o.parentId), gsi1sk: `${o.name}#${o.id}` } : {}),
    gsi2pk: keys.treeOf(rootOf(orgPathOf(o))),
    gsi2sk: orgPathOf(o),
  }),
});

/** A branch as written (its counters beside it are kept with ADD, never written whole). */
export const BranchItem = z.object({
  id: text,
  orgId: text,
  name: text,
  /** Stored as null when the branch has none. */
  secretaryName: z.optional(z.nullable(text)),
  memberCount: z.optional(count),
  /** The path of its organisation (`/root/…/orgId/`); absent on branches stored before the hierarchy. */
  orgPath: optionalText,
  ...closure,
});

export interface BranchRecord {
  id: string;
  orgId: string;
  /** The path of its organisation; a branch stored before the hierarchy reads as under a root. */
  orgPath: string;
  name: string;
  closedOn?: string;
  closedAt?: string;
  closedBy?: string;
  secretaryName?: string;
  memberCount: number;
  /** Members per health class, kept as counters (`hc_<class>`) beside the branch. */
  healthClassCounts: Record<string, number>;
}

// Users and sign-in.

export const UserRecord = z.object({
  id: text,
  role: z.enum(roles),
  displayName: text,
  orgId: optionalText,
  branchId: optionalText,
  memberId: optionalText,
  createdAt: text,
  /**
   * Kept only for a member or proxy whose member agreed to reminders: WeChat addresses
   * subscription messages to an openid. Nothing else uses it.
   */
  wechatOpenId: optionalText,
  /**
   * Grows when the role is changed or withdrawn; tokens carry the version they were issued at and
   * `confirmStanding` (http/auth.ts) refuses an older one (absent: 0, as tokens without one).
   */
  sessionVersion: z.optional(count),
  /** The role was withdrawn: the record stays as history, its tokens stop working, it leaves every list. */
  withdrawnAt: optionalText,
  withdrawnBy: optionalText,
});
export type UserRecord = z.infer<typeof UserRecord>;

export const users = defineEntity({
  type: 'User',
  schema: UserRecord,
  keys: (u: UserRecord) => ({
    ...keys.user(u.id),
    // Users of a branch (secretary, contacts), by role.
    ...(u.branchId && !u.withdrawnAt ? { gsi1pk: keys.usersOfBranch(u.branchId), gsi1sk: `${u.role}#${u.displayName}#${u.id}` } : {}),
    // Staff of an organisation, by role then name (the administrator's staff list).
    ...(u.orgId && isStaffRole(u.role) && !u.withdrawnAt ? { gsi2pk: keys.staffOfOrg(u.orgId), gsi2sk: `${u.role}#${u.displayName}#${u.id}` } : {}),
  }),
});

/**
 * The openid WeChat's content checks are made with (msg_sec_check and media_check_async want the
 * author's): written at each WeChat login, read only by the content screen, never answered or logged.
 * Apart from the user item so that reading a user (names, roles, lists) never carries it.
 */
export const CheckOpenIdRecord = z.object({ openid: text });
export const checkOpenIds = defineEntity({
  type: 'CheckOpenId',
  schema: CheckOpenIdRecord,
  keys: (_record: z.infer<typeof CheckOpenIdRecord>, userId: string) => keys.checkOpenId(userId),
});

/** A WeChat identity (hashed openid) and the user it is bound to. */
export const WechatIdentityRecord = z.object({ userId: text });
export const wechatIdentities = defineEntity({
  type: 'WechatIdentity',
  schema: WechatIdentityRecord,
  keys: (_link: z.infer<typeof WechatIdentityRecord>, openid: string) => keys.wechatIdentity(openid),
});

export const InviteRecord = z.object({
  code: text,
  memberId: text,
  orgId: text,
  branchId: text,
  kind: InviteKind,
  expiresAt: text,
  createdBy: text,
  createdAt: text,
  usedBy: optionalText,
  usedAt: optionalText,
});
export type InviteRecord = z.infer<typeof InviteRecord>;

export const invites = defineEntity({ type: 'Invite', schema: InviteRecord, keys: (i: InviteRecord) => keys.invite(i.code) });

/** An invite to a staff role: same key space as member invites (`INVITE#<code>`), so a code is unique across both. */
export const StaffInviteRecord = z.object({
  code: text,
  orgId: text,
  /** Secretary and contact: the branch they serve. */
  branchId: optionalText,
  role: z.enum(staffRoles),
  /** The invitee's name, given by the administrator: it becomes the user's display name. */
  name: text,
  expiresAt: text,
  createdBy: text,
  createdAt: text,
  usedBy: optionalText,
  usedAt: optionalText,
});
export type StaffInviteRecord = z.infer<typeof StaffInviteRecord>;

export const staffInvites = defineEntity({
  type: 'StaffInvite',
  schema: StaffInviteRecord,
  keys: (i: StaffInviteRecord) => ({
    ...keys.invite(i.code),
    // Pending invites of an organisation, by expiry: a Query from "now" lists only the live ones. Removed once used.
    ...(i.usedBy ? {} : { gsi1pk: keys.staffInvitesOfOrg(i.orgId), gsi1sk: `${i.expiresAt}#${i.code}` }),
  }),
});

export const DemoAccountRecord = z.object({
  /** Position on the login page: the elderly member first. */
  order: count,
  account: text,
  label: text,
  role: z.enum(roles),
  userId: text,
});
export type DemoAccountRecord = z.infer<typeof DemoAccountRecord>;

export const demoAccounts = defineEntity({
  type: 'DemoAccount',
  schema: DemoAccountRecord,
  keys: (a: DemoAccountRecord) => ({ pk: keys.demoAccounts, sk: a.account }),
});

// The audit trail: the entry's shape is defined once in shared, beside the sentences it reads as.

export type { AuditEntry };
export const auditEntries = defineEntity({
  type: 'Audit',
  schema: objectOf<AuditEntry>(),
  /** `id`: a fresh uuid, so entries at the same instant do not overwrite each other. */
  keys: (e: AuditEntry, scope: string, id: string) => ({ pk: keys.audit(scope), sk: `${e.at}#${id}` }),
});

// Sessions.

export const AttendanceRecord = z.object({
  status: z.enum(attendanceStatuses),
  reason: optionalText,
  reflection: optionalText,
  recordedBy: text,
  recordedAt: text,
  /** The 送学上门 visit that delivered this study, once that work links it. */
  visitRequestId: optionalText,
  /**
   * Grows with every write of this line (the session's version when it was written): derived
   * fields are rechecked against it, and a write is conditioned on the line it replaces.
   * Lines written before it existed have none and count as 0.
   */
  seq: z.optional(count),
  /** The role of who recorded it: a member's or proxy's own line is shown as such to the secretary. */
  byRole: z.optional(z.enum(roles)),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

/** The last "everyone present": the lines it filled and their seq, so it can be undone while none has changed. */
export const BulkRecord = z.object({ id: text, at: text, by: text, lines: z.record(z.string(), count) });
export type BulkRecord = z.infer<typeof BulkRecord>;

export const SessionRecord = z.object({
  id: text,
  orgId: text,
  branchId: text,
  kind: z.enum(sessionKinds),
  topic: text,
  startsAt: text,
  place: text,
  hostName: text,
  recorderName: text,
  materialText: optionalText,
  attachments: z.array(file),
  onlineOffered: z.boolean(),
  partyGroup: optionalText,
  /** Who is expected, fixed when the session is planned (names kept for the minutes). */
  expected: z.array(z.object({ memberId: text, name: text })),
  /** One line per member who has a status; the whole session and its attendance are one item. */
  attendance: z.record(z.string(), AttendanceRecord),
  minutes: z.optional(z.object({ agenda: text, content: text, decisions: text, votes: text, photos: z.array(file) })),
  status: z.enum(['open', 'closed']),
  version: count,
  createdAt: text,
  createdBy: text,
  updatedAt: text,
  updatedBy: text,
  closedAt: optionalText,
  closedBy: optionalText,
  /** A 支部党员大会 or 支委会 archived without minutes: the reason the secretary gave. */
  noMinutesReason: optionalText,
  lastBulk: z.optional(BulkRecord),
  /** How many corrections have been appended (kept beside the session for the ledger). */
  amendmentCount: z.optional(count),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

export const sessions = defineEntity({
  type: 'Session',
  schema: SessionRecord,
  keys: (s: SessionRecord) => ({ ...keys.session(s.id), gsi1pk: keys.sessionsOfBranch(s.branchId), gsi1sk: keys.sessionSortKey(s.startsAt, s.id) }),
});

export const AmendmentRecord = z.object({
  id: text,
  sessionId: text,
  at: text,
  by: text,
  reason: text,
  note: optionalText,
  attendance: z.optional(z.object({ memberId: text, status: z.enum(attendanceStatuses), reason: optionalText })),
});
export type AmendmentRecord = z.infer<typeof AmendmentRecord>;

export const amendments = defineEntity({
  type: 'Amendment',
  schema: AmendmentRecord,
  keys: (a: AmendmentRecord) => keys.amendment(a.sessionId, a.at, a.id),
});

export const UploadRecord = z.object({
  id: text,
  key: text,
  orgId: text,
  branchId: text,
  contentType: text,
  maxBytes: count,
  name: text,
  createdBy: text,
  createdAt: text,
  /**
   * An image's content check (media_check_async): `checking` from when it is first attached until
   * WeChat pushes its verdict (`passed` or `rejected`). Others see the image only once it passed.
   * Absent for files WeChat cannot check (PDF, Excel) and for images never attached.
   */
  checkState: z.optional(z.enum(mediaCheckStates)),
  checkTraceId: optionalText,
  checkSubmittedAt: optionalText,
  checkDecidedAt: optionalText,
});
export type UploadRecord = z.infer<typeof UploadRecord>;

export const uploads = defineEntity({
  type: 'Upload',
  schema: UploadRecord,
  keys: (u: UploadRecord) => ({ ...keys.upload(u.id), ...(u.checkTraceId ? { gsi1pk: keys.mediaCheck(u.checkTraceId), gsi1sk: 'UPLOAD' } : {}) }),
});

export const OutboxRecord = z.object({
  id: text,
  branchId: text,
  memberId: text,
  memberName: text,
  sessionId: text,
  kind: z.enum(reminderKinds),
  dueAt: text,
  /** `wechat` when the member agreed to subscription messages; `none` means: call them. */
  channel: z.enum(['wechat', 'none']),
  status: z.enum(outboxStatuses),
  text,
  /** A change notice's subscription message: its title, the time it is about now, and the reason (or where to look). */
  change: z.optional(z.object({ title: text, at: text, note: text })),
  /** When the reminder job last claimed it (`sending`): a claim older than the job can run was left by a run that died. */
  claimedAt: optionalText,
  /** How many times it was claimed: a stuck claim is released for another try until the limit, then `failed`. */
  attempts: z.optional(count),
});
export type OutboxRecord = z.infer<typeof OutboxRecord>;

export const outbox = defineEntity({
  type: 'Outbox',
  schema: OutboxRecord,
  keys: (r: Pick<OutboxRecord, 'id' | 'branchId' | 'dueAt'>) => ({
    pk: keys.outboxDay(r.dueAt.slice(0, 10)),
    sk: `${r.dueAt}#${r.id}`,
    gsi1pk: keys.outboxOfBranch(r.branchId),
    gsi1sk: `${r.dueAt}#${r.id}`,
  }),
});

/** 已联系: a phone call to a member, recorded once and never changed. */
export const CallRecord = z.object({
  id: text,
  orgId: text,
  branchId: text,
  memberId: text,
  memberName: text,
  at: text,
  by: text,
  byName: text,
  note: optionalText,
  /** The reminder (待发提醒) it gave by phone. */
  outboxId: optionalText,
  reminderKind: z.optional(z.enum(reminderKinds)),
  /** The China day until which the five-month warning rests for this member. */
  quietUntil: text,
});
export type CallRecord = z.infer<typeof CallRecord>;

export const calls = defineEntity({
  type: 'Call',
  schema: CallRecord,
  keys: (c: CallRecord) => ({ ...keys.call(c.memberId, c.id), gsi1pk: keys.callsOfBranch(c.branchId), gsi1sk: `${c.at}#${c.id}` }),
});

/** 变动通知: stored as the member reads it, with who has seen it (each reader dismisses it for themselves). */
export const NoticeRecord = z.object({
  ...Notice.shape,
  branchId: text,
  /** What it is about (`visit:<id>`, `session:<id>`): a newer notice on the same thing replaces the older on the home. */
  subject: text,
  /** The users (the member, a proxy) who tapped 知道了. */
  seenBy: z.array(text),
});
export type NoticeRecord = z.infer<typeof NoticeRecord>;

export const notices = defineEntity({ type: 'Notice', schema: NoticeRecord, keys: (n: Pick<NoticeRecord, 'memberId' | 'id'>) => keys.notice(n.memberId, n.id) });

// 送学上门.

const step = z.object({ by: text, at: text });

const delivery = z.extend(step, {
  studied: text,
  remarks: optionalText,
  views: optionalText,
  observations: z.optional(careNotes),
  photos: z.array(file),
  careNotesChange: z.optional(z.enum(['applied', 'pending_approval', 'not_stored'])),
});

export const VisitRecord = z.object({
  id: text,
  orgId: text,
  branchId: text,
  memberId: text,
  memberName: text,
  sessionId: optionalText,
  sessionTopic: optionalText,
  slot: DaySlot,
  note: optionalText,
  status: z.enum(visitStatuses),
  requestedBy: text,
  requestedByRole: text,
  createdAt: text,
  scheduled: z.optional(z.extend(step, { contactUserId: text, contactName: text, windowStart: text, windowEnd: text })),
  delivered: z.optional(delivery),
  confirmed: z.optional(z.extend(step, { via: z.enum(['member', 'proxy', 'secretary_phone']) })),
  cancelled: z.optional(z.extend(step, { reason: text })),
  /** "没有人来" from the member or proxy: their words, and the delivery as it had been recorded (kept for the secretary). */
  missed: z.optional(z.extend(step, { via: z.enum(['member', 'proxy']), note: optionalText, delivered: delivery })),
  /** Every step taken: who moved it from what to what, and when. */
  history: z.array(z.extend(step, { from: text, to: text })),
  version: count,
});
export type VisitRecord = z.infer<typeof VisitRecord>;

export const visits = defineEntity({
  type: 'VisitRequest',
  schema: VisitRecord,
  keys: (v: VisitRecord) => {
    const open = openVisitStatuses.includes(v.status);
    const assigned = v.scheduled && assignedVisitStatuses.includes(v.status) ? v.scheduled : undefined;
    return {
      ...keys.visit(v.id),
      // A branch's requests, open ones apart from finished ones, by status then age.
      gsi1pk: keys.visitsOfBranch(v.branchId, open),
      gsi1sk: keys.visitSortKey(v.status, v.createdAt, v.id),
      // A contact's assigned requests, by time window.
      ...(assigned ? { gsi2pk: keys.visitsOfContact(assigned.contactUserId), gsi2sk: `${assigned.windowStart}#${v.id}` } : {}),
    };
  },
});

// Points, sign-offs, reviews.

export const PointsEntryRecord = z.object({
  id: text,
  orgId: text,
  branchId: text,
  memberId: text,
  year: count,
  date: text,
  category: z.enum(pointsCategories),
  points: count,
  source: z.enum(['attendance', 'visit', 'manual', 'reversal']),
  /** The source event: `session:<id>` for attendance, `manual:<id>`; at most one live entry each. */
  sourceKey: text,
  sessionId: optionalText,
  visitRequestId: optionalText,
  reversalOf: optionalText,
  refersTo: optionalText,
  reason: text,
  recordedBy: text,
  recordedAt: text,
});
export type PointsEntryRecord = z.infer<typeof PointsEntryRecord>;

export const pointsEntries = defineEntity({
  type: 'PointsEntry',
  schema: PointsEntryRecord,
  keys: (e: PointsEntryRecord) => ({
    pk: keys.pointsOfMemberYear(e.memberId, e.year),
    sk: keys.pointsEntry(e.id),
    gsi1pk: keys.pointsOfBranchYear(e.branchId, e.year),
    gsi1sk: `${e.memberId}#${e.id}`,
  }),
});

export const SignoffRecord = z.object({
  branchId: text,
  orgId: text,
  period: text,
  start: text,
  end: text,
  by: text,
  byName: text,
  at: text,
  /** What the sign-off check still listed, acknowledged by the inspector (absent on older sign-offs). */
  acknowledged: z.optional(z.array(z.object({ key: text, text }))),
});
export type SignoffRecord = z.infer<typeof SignoffRecord>;

export const signoffs = defineEntity({ type: 'Signoff', schema: SignoffRecord, keys: (s: SignoffRecord) => keys.signoff(s.branchId, s.period) });

export const ReviewRecord = z.object({
  id: text,
  orgId: text,
  branchId: text,
  period: text,
  opinion: text,
  by: text,
  byName: text,
  at: text,
  itemIds: z.array(text),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

export const reviews = defineEntity({ type: 'Review', schema: ReviewRecord, keys: (r: ReviewRecord) => keys.review(r.branchId, r.period, r.at, r.id) });

export const RectificationRecord = z.object({
  id: text,
  reviewId: text,
  orgId: text,
  branchId: text,
  period: text,
  what: text,
  deadline: text,
  status: RectificationStatus,
  history: z.array(
    z.object({
      action: z.enum(['open', 'answer', 'accept', 'return']),
      by: text,
      byName: text,
      at: text,
      text: optionalText,
      evidence: z.optional(z.array(file)),
    }),
  ),
  version: count,
});
export type RectificationRecord = z.infer<typeof RectificationRecord>;

export const rectifications = defineEntity({
  type: 'Rectification',
  schema: RectificationRecord,
  keys: (r: RectificationRecord) => ({
    ...keys.rectification(r.id),
    // Open items first, by deadline.
    gsi1pk: keys.rectificationsOfBranch(r.branchId),
    gsi1sk: `${r.status !== 'accepted' ? 'OPEN' : 'DONE'}#${r.deadline}#${r.id}`,
  }),
});

// Roster imports (花名册导入).

/**
 * One row's plan as the check made it (shared/src/domain/roster.ts, `RosterRowPlan`), plus, for an update
 * that changes the health class, the class it had (or `unknown`) for the counters. Checked when made.
 */
export type RosterImportRowPlan = RosterRowPlan & { healthBefore?: string };

/** An import: its plan (row by row, as checked) and where applying it stands (`checked` → `applying` → `applied`). */
export const RosterImportRecord = z.object({
  id: text,
  orgId: text,
  branchId: text,
  uploadId: text,
  fileName: text,
  createdBy: text,
  createdAt: text,
  state: z.enum(['checked', 'applying', 'applied']),
  rows: z.array(objectOf<RosterImportRowPlan>()),
  /** Set when applying starts: every write of the import uses this instant and actor, so a retry writes the same. */
  applying: z.optional(z.object({ at: text, by: text, onlyCleanRows: z.boolean() })),
  applied: z.optional(z.object({ at: text, created: count, updated: count, skipped: count })),
});
export type RosterImportRecord = z.infer<typeof RosterImportRecord>;

export const rosterImports = defineEntity({ type: 'RosterImport', schema: RosterImportRecord, keys: (r: RosterImportRecord) => keys.rosterImport(r.id) });

/**
 * One row of an import, applied: written once after the row's member write, so a retry skips it. It keeps
 * what the counters need (created, or the health class before and after an update) and a row left out
 * because someone edited the member in between.
 */
export const RosterImportRowDone = z.object({
  importId: text,
  row: count,
  result: z.enum(['created', 'updated', 'skipped']),
  memberId: text,
  healthBefore: optionalText,
  healthAfter: optionalText,
});
export type RosterImportRowDone = z.infer<typeof RosterImportRowDone>;

export const rosterImportRows = defineEntity({ type: 'RosterImportRow', schema: RosterImportRowDone, keys: (r: RosterImportRowDone) => keys.rosterImportRow(r.importId, r.row) });

// Transfers (组织关系转接).

export const TransferRecord = z.object({
  id: text,
  memberId: text,
  memberName: text,
  fromOrgId: text,
  fromBranchId: text,
  fromBranchName: text,
  toOrgId: text,
  toBranchId: text,
  toBranchName: text,
  /** The China day the membership moves (YYYY-MM-DD). */
  on: text,
  note: optionalText,
  status: TransferStatus,
  createdAt: text,
  createdBy: text,
  resolvedAt: optionalText,
  resolvedBy: optionalText,
  declineReason: optionalText,
});
export type TransferRecord = z.infer<typeof TransferRecord>;

export const transfers = defineEntity({
  type: 'Transfer',
  schema: TransferRecord,
  keys: (t: TransferRecord) => {
    const sortKey = keys.transferSortKey(t.status, t.createdAt, t.id);
    return {
      ...keys.transfer(t.id),
      // The sending branch's outgoing and the receiving branch's incoming transfers, by status then age.
      gsi1pk: keys.transfersOfBranch(t.fromBranchId, 'OUT'), gsi1sk: sortKey,
      gsi2pk: keys.transfersOfBranch(t.toBranchId, 'IN'), gsi2sk: sortKey,
    };
  },
});

// 意见反馈 (messages to the administrators).

export const FeedbackRecord = z.object({
  id: text,
  kind: FeedbackKind,
  text,
  aboutBranch: z.boolean(),
  status: FeedbackStatus,
  createdAt: text,
  senderUserId: text,
  senderRole: z.enum(roles),
  /** As the sender was named when they wrote: the administrator reads who wrote without a lookup. */
  senderName: text,
  /** Where the sender sat when they wrote: the message stays with that subtree's administrators. */
  orgId: text,
  orgPath: text,
  branchId: text,
  branchName: text,
  answer: optionalText,
  answeredAt: optionalText,
  answeredBy: optionalText,
  answeredByName: optionalText,
});
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

export const feedbackMessages = defineEntity({
  type: 'Feedback',
  schema: FeedbackRecord,
  keys: (f: FeedbackRecord) => ({
    ...keys.feedback(f.id),
    gsi1pk: keys.feedbackOfUser(f.senderUserId), gsi1sk: `${f.createdAt}#${f.id}`,
    gsi2pk: keys.feedbackOfTree(rootOf(f.orgPath), f.status), gsi2sk: keys.feedbackTreeSortKey(f.orgPath, f.createdAt, f.id),
  }),
});
