import * as z from 'zod';
import { BindingInput, DemoAccount, DevLoginInput, Me, Session, WechatLoginInput } from '@ltx/shared/schemas/auth';
import { Invite, InviteCreateInput, MemberCreateInput, MemberDetail, MemberPatchInput, MemberSummary } from '@ltx/shared/schemas/member';
import { Branch } from '@ltx/shared/schemas/org';
import {
  AmendmentInput, AttendanceInput, BranchOverview, BulkAttendanceInput, BulkAttendancePlan, BulkUndoInput, FrequencyRules, ReconcileInput, ReconcileReport, SessionCloseInput, MemberSession, MinutesInput, OutboxEntry, SessionCreateInput, SessionDetail,
  SessionPatchInput, SessionSummary, SubscriptionsInput, UploadInput, UploadTicket,
} from '@ltx/shared/schemas/session';
import { ComplianceView, Ledger, Rectification, RectificationPatch, Review, ReviewInput, Signoff, SignoffCheck, SignoffInput } from '@ltx/shared/schemas/inspection';
import { BranchPoints, ManualAwardInput, MemberPoints, PointsEntry, PointsRules, ReversalInput } from '@ltx/shared/schemas/points';
import { BranchContact, ContactVisit, VisitCancelInput, VisitConfirmInput, VisitDeliverInput, VisitRequest, VisitRequestInput, VisitScheduleInput } from '@ltx/shared/schemas/visit';

/**
 * Request and response shapes per handler (or `handler:last-path-segment` where one module serves several routes), for the API document (docs/openapi.json). The
 * handlers validate with the same schemas, so the document cannot describe another API.
 */
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const apiContract: Record<string, { request?: z.ZodType; response: z.ZodType; status?: number }> = {
  health: { response: z.object({ status: z.literal('ok') }) },
  'auth-wechat': { request: WechatLoginInput, response: Session },
  'auth-dev-login': { request: DevLoginInput, response: Session },
  'auth-demo-accounts': { response: items(DemoAccount) },
  'me-get': { response: Me },
  'branches-list': { response: items(Branch) },
  'branch-get': { response: Branch },
  'members-list': { response: items(MemberSummary) },
  'member-create': { request: MemberCreateInput, response: MemberDetail, status: 201 },
  'member-get': { response: MemberDetail },
  'member-update': { request: MemberPatchInput, response: MemberDetail },
  'invite-create': { request: InviteCreateInput, response: Invite, status: 201 },
  'member-change-approve': { response: MemberDetail },
  'binding-create': { request: BindingInput, response: Session },
  'rules-get': { response: FrequencyRules },
  'rules-put': { request: FrequencyRules, response: FrequencyRules },
  'sessions-list': { response: items(SessionSummary) },
  'session-create': { request: SessionCreateInput, response: SessionDetail, status: 201 },
  'branch-overview': { response: BranchOverview },
  'outbox-list': { response: items(OutboxEntry) },
  'session-get': { response: SessionDetail },
  'session-update': { request: SessionPatchInput, response: SessionDetail },
  // One module serves "everyone present", its preview and its undo.
  'attendance-bulk:attendance': { request: BulkAttendanceInput, response: SessionDetail },
  'attendance-bulk:preview': { request: BulkAttendanceInput, response: BulkAttendancePlan },
  'attendance-bulk:undo': { request: BulkUndoInput, response: SessionDetail },
  'attendance-put': { request: AttendanceInput, response: SessionDetail },
  'minutes-put': { request: MinutesInput, response: SessionDetail },
  'session-close': { request: SessionCloseInput, response: SessionDetail },
  'session-reconcile': { request: ReconcileInput, response: ReconcileReport },
  'amendment-create': { request: AmendmentInput, response: SessionDetail, status: 201 },
  'member-sessions': { response: items(MemberSession) },
  'subscriptions-put': { request: SubscriptionsInput, response: z.object({ kinds: z.array(z.string()) }) },
  'upload-create': { request: UploadInput, response: UploadTicket, status: 201 },
  'visit-request-create': { request: VisitRequestInput, response: VisitRequest, status: 201 },
  'member-visits': { response: items(VisitRequest) },
  'visit-requests-list': { response: items(VisitRequest) },
  'branch-contacts': { response: items(BranchContact) },
  'visit-request-get': { response: VisitRequest },
  // One module serves the state machine's steps; each step's route has its own body.
  'visit-request-step:accept': { response: VisitRequest },
  'visit-request-step:schedule': { request: VisitScheduleInput, response: VisitRequest },
  'visit-request-step:deliver': { request: VisitDeliverInput, response: VisitRequest },
  'visit-request-step:confirm': { request: VisitConfirmInput, response: VisitRequest },
  'visit-request-step:cancel': { request: VisitCancelInput, response: VisitRequest },
  'contact-visits': { response: items(ContactVisit) },
  'member-points': { response: MemberPoints },
  'branch-points': { response: BranchPoints },
  'points-award': { request: ManualAwardInput, response: PointsEntry, status: 201 },
  'points-reversal': { request: ReversalInput, response: PointsEntry, status: 201 },
  'points-rules-get': { response: PointsRules },
  'points-rules-put': { request: PointsRules, response: PointsRules },
  'compliance-get': { response: ComplianceView },
  'ledger-get': { response: Ledger },
  'ledger-export': { response: z.string().meta({ description: 'xlsx workbook (binary) or an HTML page made for printing' }) },
  'review-create': { request: ReviewInput, response: Review, status: 201 },
  'reviews-list': { response: items(Review) },
  'rectification-update': { request: RectificationPatch, response: Rectification },
  'rectifications-list': { response: items(Rectification) },
  'signoff-check': { response: SignoffCheck },
  'signoff-create': { request: SignoffInput, response: Signoff, status: 201 },
};
