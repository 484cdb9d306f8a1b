/**
 * The API's shapes, as types only: importing values from @ltx/shared's schemas would pull zod
 * into the mini-program bundle.
 */
import type { Attachment as SessionAttachment, SubscriptionsInput as Subscriptions } from '@ltx/shared/schemas/session';

export type {
  AttendanceMode,
  Branch,
  CareNotes,
  DemoAccount,
  EmergencyContact,
  HealthClass,
  Invite,
  LivingSituation,
  Me,
  Departure,
  DepartureReason,
  MemberCreateInput,
  MemberDetail,
  MemberPatchInput,
  MemberSummary,
  PendingChange,
  Session,
} from '@ltx/shared';
export type { Role } from '@ltx/shared/domain/roles';
export type Gender = 'male' | 'female';
export type {
  AmendmentInput,
  Attachment,
  AttendanceEntry,
  AttendanceInput,
  AttendanceStatus,
  BranchOverview,
  BulkAttendanceInput,
  BulkAttendancePlan,
  BulkPlanLine,
  MemberSession,
  MinutesInput,
  OutboxEntry,
  QuietMember,
  ReconcileReport,
  SessionCloseInput,
  SessionCreateInput,
  SessionDetail,
  SessionKind,
  SessionPatchInput,
  SessionSummary,
  SubscriptionsInput,
  UploadInput,
  UploadTicket,
} from '@ltx/shared/schemas/session';

/** A file as the session and minutes views return it: with a short-lived link to open. */
export type AttachmentView = SessionAttachment & { url: string };
export type ReminderKind = Subscriptions['kinds'][number];

// 送学上门 and 党员积分 (types only, as above).
export type {
  BranchContact,
  ContactVisit,
  DaySlot,
  VisitCancelInput,
  VisitConfirmInput,
  VisitDeliverInput,
  VisitRequest,
  VisitRequestInput,
  VisitScheduleInput,
  VisitStatus,
} from '@ltx/shared/schemas/visit';
export type { BranchPoints, ManualAwardInput, MemberPoints, PointsCategory, PointsEntry, ReversalInput } from '@ltx/shared/schemas/points';
export type { EffectiveRulesView } from '@ltx/shared/schemas/rules';
export type {
  BranchCompliance,
  ComplianceView,
  Ledger,
  Rectification,
  RectificationPatch,
  RectificationStatus,
  Review,
  ReviewInput,
  Signoff,
  SignoffCheck,
  SignoffCheckItem,
} from '@ltx/shared/schemas/inspection';
export type { Call, CallInput, CallPause } from '@ltx/shared/schemas/call';
export type { Notice } from '@ltx/shared/schemas/notice';
export type { StaffInvite, StaffInviteInput, StaffList, StaffMember } from '@ltx/shared/schemas/staff';
export type { RosterImport, RosterImportRow } from '@ltx/shared/schemas/roster';
export type { BranchCreateInput, OrgChildInput, OrgDetail } from '@ltx/shared/schemas/org';
export type { Transfer, TransferBoard, TransferInput } from '@ltx/shared/schemas/transfer';
export type { Feedback, FeedbackInput, FeedbackKind, FeedbackStatus } from '@ltx/shared/schemas/feedback';
