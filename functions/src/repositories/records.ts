import type { AttendanceMode, CareNotes, EmergencyContact, HealthClass, LivingSituation } from '@ltx/shared/schemas/member';
import type { Role } from '@ltx/shared/domain/roles';

/** Shapes as stored. The API views in `shared/` are derived from these by the services. */

export interface SensitiveRecord {
  healthClass: HealthClass;
  careNotes: CareNotes;
  emergencyContacts: EmergencyContact[];
  consentRecordedAt: string;
  consentRecordedBy: string;
}

export interface MemberRecord {
  id: string;
  orgId: string;
  branchId: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  joinedPartyOn: string;
  partyGroup?: string;
  committeeRole?: string;
  phone?: string;
  livingSituation: LivingSituation;
  livingCity?: string;
  address?: string;
  attendanceModeOverride?: AttendanceMode | null;
  /** The effective mode: the override, or what the health class and living situation suggest. */
  attendanceMode: AttendanceMode;
  contactUserId?: string | null;
  bound: boolean;
  /** Kept by the attendance service: the latest session the member took part in. */
  lastParticipatedAt?: string;
  /** Reminder kinds the member agreed to receive as WeChat subscription messages. */
  subscriptions?: string[];
  /** Health and care data: read only when the actor may (see `member.readSensitive`). */
  sensitive?: SensitiveRecord;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PendingChangeRecord {
  id: string;
  memberId: string;
  branchId: string;
  proposedBy: string;
  proposedAt: string;
  patch: Record<string, unknown>;
  status: 'pending' | 'approved';
  resolvedBy?: string;
  resolvedAt?: string;
}

export interface OrgRecord {
  id: string;
  name: string;
}

export interface BranchRecord {
  id: string;
  orgId: string;
  name: string;
  secretaryName?: string;
  memberCount: number;
  /** Members per health class, kept as counters (`hc_<class>`) beside the branch. */
  healthClassCounts: Record<string, number>;
}

export interface UserRecord {
  id: string;
  role: Role;
  displayName: string;
  orgId?: string;
  branchId?: string;
  memberId?: string;
  createdAt: string;
  /**
   * Kept only for a member or proxy whose member agreed to reminders: WeChat addresses
   * subscription messages to an openid. Nothing else uses it.
   */
  wechatOpenId?: string;
}

export interface InviteRecord {
  code: string;
  memberId: string;
  orgId: string;
  branchId: string;
  kind: 'self' | 'proxy';
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  usedBy?: string;
  usedAt?: string;
}

export interface DemoAccountRecord {
  /** Position on the login page: the elderly member first. */
  order: number;
  account: string;
  label: string;
  role: Role;
  userId: string;
}

/** Defined once in shared, beside the sentences it reads as. */
export type { AuditEntry } from '@ltx/shared/domain/audit-sentences';

export interface AttendanceRecord {
  status: import('@ltx/shared/schemas/session').AttendanceStatus;
  reason?: string;
  reflection?: string;
  recordedBy: string;
  recordedAt: string;
  /** The 送学上门 visit that delivered this study, once that work links it. */
  visitRequestId?: string;
  /**
   * Grows with every write of this line (the session's version when it was written): derived
   * fields are rechecked against it, and a write is conditioned on the line it replaces.
   * Lines written before it existed have none and count as 0.
   */
  seq?: number;
  /** The role of who recorded it: a member's or proxy's own line is shown as such to the secretary. */
  byRole?: import('@ltx/shared/domain/roles').Role;
}

/** The last "everyone present": the lines it filled and their seq, so it can be undone while none has changed. */
export interface BulkRecord {
  id: string;
  at: string;
  by: string;
  lines: Record<string, number>;
}

export interface SessionRecord {
  id: string;
  orgId: string;
  branchId: string;
  kind: import('@ltx/shared/schemas/session').SessionKind;
  topic: string;
  startsAt: string;
  place: string;
  hostName: string;
  recorderName: string;
  materialText?: string;
  attachments: { uploadId: string; name: string }[];
  onlineOffered: boolean;
  partyGroup?: string;
  /** Who is expected, fixed when the session is planned (names kept for the minutes). */
  expected: { memberId: string; name: string }[];
  /** One line per member who has a status; the whole session and its attendance are one item. */
  attendance: Record<string, AttendanceRecord>;
  minutes?: { agenda: string; content: string; decisions: string; votes: string; photos: { uploadId: string; name: string }[] };
  status: 'open' | 'closed';
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  closedAt?: string;
  closedBy?: string;
  /** A 支部党员大会 or 支委会 archived without minutes: the reason the secretary gave. */
  noMinutesReason?: string;
  lastBulk?: BulkRecord;
  /** How many corrections have been appended (kept beside the session for the ledger). */
  amendmentCount?: number;
}

export interface AmendmentRecord {
  id: string;
  sessionId: string;
  at: string;
  by: string;
  reason: string;
  note?: string;
  attendance?: { memberId: string; status: import('@ltx/shared/schemas/session').AttendanceStatus; reason?: string };
}

export interface UploadRecord {
  id: string;
  key: string;
  orgId: string;
  branchId: string;
  contentType: string;
  maxBytes: number;
  name: string;
  createdBy: string;
  createdAt: string;
}

export interface OutboxRecord {
  id: string;
  branchId: string;
  memberId: string;
  memberName: string;
  sessionId: string;
  kind: 'session_tomorrow' | 'material_published';
  dueAt: string;
  /** `wechat` when the member agreed to subscription messages; `none` means: call them. */
  channel: 'wechat' | 'none';
  status: 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';
  text: string;
}

export interface VisitRecord {
  id: string;
  orgId: string;
  branchId: string;
  memberId: string;
  memberName: string;
  sessionId?: string;
  sessionTopic?: string;
  slot: 'morning' | 'afternoon' | 'any';
  note?: string;
  status: import('@ltx/shared/schemas/visit').VisitStatus;
  requestedBy: string;
  requestedByRole: string;
  createdAt: string;
  scheduled?: { contactUserId: string; contactName: string; windowStart: string; windowEnd: string; by: string; at: string };
  delivered?: {
    at: string;
    by: string;
    studied: string;
    remarks?: string;
    views?: string;
    observations?: import('@ltx/shared/schemas/member').CareNotes;
    photos: { uploadId: string; name: string }[];
    careNotesChange?: 'applied' | 'pending_approval' | 'not_stored';
  };
  confirmed?: { by: string; at: string; via: 'member' | 'proxy' | 'secretary_phone' };
  cancelled?: { by: string; at: string; reason: string };
  /** Every step taken: who moved it from what to what, and when. */
  history: { from: string; to: string; by: string; at: string }[];
  version: number;
}

export interface PointsEntryRecord {
  id: string;
  orgId: string;
  branchId: string;
  memberId: string;
  year: number;
  date: string;
  category: import('@ltx/shared/schemas/points').PointsCategory;
  points: number;
  source: 'attendance' | 'visit' | 'manual' | 'reversal';
  /** The source event: `session:<id>` for attendance, `manual:<id>`; at most one live entry each. */
  sourceKey: string;
  sessionId?: string;
  visitRequestId?: string;
  reversalOf?: string;
  refersTo?: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface SignoffRecord {
  branchId: string;
  orgId: string;
  period: string;
  start: string;
  end: string;
  by: string;
  byName: string;
  at: string;
  /** What the sign-off check still listed, acknowledged by the inspector (absent on older sign-offs). */
  acknowledged?: { key: string; text: string }[];
}

export interface ReviewRecord {
  id: string;
  orgId: string;
  branchId: string;
  period: string;
  opinion: string;
  by: string;
  byName: string;
  at: string;
  itemIds: string[];
}

export interface RectificationRecord {
  id: string;
  reviewId: string;
  orgId: string;
  branchId: string;
  period: string;
  what: string;
  deadline: string;
  status: 'open' | 'answered' | 'returned' | 'accepted';
  history: { action: 'open' | 'answer' | 'accept' | 'return'; by: string; byName: string; at: string; text?: string; evidence?: { uploadId: string; name: string }[] }[];
  version: number;
}
