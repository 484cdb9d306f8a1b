import * as z from 'zod/mini';
import { inspectionLimits } from '../limits';
import { Id, Int, IsoDate, Text, Timestamp, titled } from './common';
import { Attachment, Frequency, LinkedAttachment, SessionKind } from './session';

export const PeriodText = titled(z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '应写作 2026-11、2026-Q4 或 2026')), '期间');

export const PeriodQuery = z.strictObject({ period: PeriodText });
export const ExportQuery = z.strictObject({ period: PeriodText, format: z._default(titled(z.enum(['xlsx', 'pdf', 'html']), '格式'), 'xlsx') });

/**
 * One rule against the period looked at. A rule due in the period (`due`) counts sessions of the period;
 * one that is not (a quarterly 党课 in a month view) counts its `window`, the quarter or year that holds the
 * period, up to the period's end, and is never a shortfall of the period.
 */
export const KindCompliance = z.object({
  kind: SessionKind,
  cadence: Frequency,
  due: z.boolean(),
  /** The period counted: the one looked at, or the quarter or year that holds it. */
  window: z.string(),
  held: Int(),
  required: Int(),
  short: z.boolean(),
  /** Due in a period that has not ended and not yet met: there is still time, so it is no shortfall yet. */
  pending: z.boolean(),
});

export const BranchCompliance = z.object({
  branchId: Id,
  branchName: z.string(),
  period: z.string(),
  meetings: z.array(KindCompliance),
  /** Share of expected members who took part in each study session (home-delivered and online count). */
  coverage: z.object({ sessions: Int(), average: z.nullable(z.number()), lowest: z.nullable(z.number()) }),
  overdueVisits: Int(),
  quietMembers: Int(),
  openItems: Int(),
  overdueItems: Int(),
  signedOff: z.nullable(z.object({ by: z.string(), at: Timestamp })),
  /** Every shortfall in words; empty when the branch meets every indicator. */
  shortfalls: z.array(z.string()),
});
export type BranchCompliance = z.infer<typeof BranchCompliance>;

export const ComplianceView = z.object({ orgId: Id, period: z.string(), branches: z.array(BranchCompliance) });
export type ComplianceView = z.infer<typeof ComplianceView>;

export const RectificationStatus = z.enum(['open', 'answered', 'returned', 'accepted']);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

const { textMin } = inspectionLimits;

export const ReviewInput = titled(
  z.strictObject({
    period: PeriodText,
    opinion: Text('督导意见', inspectionLimits.opinion, textMin),
    items: z._default(
      titled(
        z
          .array(z.strictObject({ what: Text('整改事项', inspectionLimits.itemWhat, textMin), deadline: titled(IsoDate, '整改期限') }))
          .check(z.maxLength(inspectionLimits.items)),
        '整改事项',
      ),
      [],
    ),
  }),
  '督导意见',
);
export type ReviewInput = z.infer<typeof ReviewInput>;

export const RectificationPatch = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('answer'),
    text: Text('整改情况', inspectionLimits.answer, textMin),
    evidence: z._default(titled(z.array(Attachment).check(z.maxLength(inspectionLimits.evidence)), '佐证材料'), []),
  }),
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('return'), reason: Text('退回原因', inspectionLimits.returnReason, textMin) }),
]);
export type RectificationPatch = z.infer<typeof RectificationPatch>;

export const Rectification = z.object({
  id: Id,
  reviewId: Id,
  branchId: Id,
  period: z.string(),
  what: z.string(),
  deadline: IsoDate,
  status: RectificationStatus,
  overdue: z.boolean(),
  history: z.array(
    z.object({ action: z.enum(['open', 'answer', 'accept', 'return']), by: Id, byName: z.string(), at: Timestamp, text: z.optional(z.string()), evidence: z.optional(z.array(LinkedAttachment())) }),
  ),
  version: Int(),
});
export type Rectification = z.infer<typeof Rectification>;

export const Review = z.object({ id: Id, branchId: Id, period: z.string(), opinion: z.string(), by: Id, byName: z.string(), at: Timestamp, items: z.array(Rectification) });
export type Review = z.infer<typeof Review>;

/** One thing the pre-sign-off check found missing; the inspector acknowledges it by its key to sign anyway. */
export const SignoffCheckItem = z.object({
  key: z.string(),
  kind: z.enum(['meeting_short', 'session_open', 'minutes_missing', 'rectification_open', 'visit_open']),
  /** The item in words, e.g. 支委会「研究发展党员」（2025年8月10日）未归档. */
  text: z.string(),
});
export type SignoffCheckItem = z.infer<typeof SignoffCheckItem>;

export const SignoffCheck = z.object({
  branchId: Id,
  period: z.string(),
  /** Last day of the period (China's calendar). */
  lastDay: IsoDate,
  ended: z.boolean(),
  signedOff: z.boolean(),
  /** What stops a sign-off and cannot be acknowledged away (the period has not ended, it is signed already), in words. */
  blockers: z.array(z.string()),
  /** What is missing: each must be acknowledged to sign. */
  items: z.array(SignoffCheckItem),
});
export type SignoffCheck = z.infer<typeof SignoffCheck>;

export const SignoffInput = titled(
  z.strictObject({
    period: PeriodText,
    /** Keys of the check items the inspector acknowledges (from the sign-off check). */
    acknowledged: z._default(titled(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000)), '已确认的事项'), []),
  }),
  '签字确认',
);
export type SignoffInput = z.infer<typeof SignoffInput>;
export const Signoff = z.object({
  branchId: Id,
  period: z.string(),
  by: Id,
  byName: z.string(),
  at: Timestamp,
  /** What was still missing when signing, as the inspector acknowledged it. */
  acknowledged: z.array(z.object({ key: z.string(), text: z.string() })),
});
export type Signoff = z.infer<typeof Signoff>;

const Count = z.record(z.string(), Int());

export const Ledger = z.object({
  branchId: Id,
  branchName: z.string(),
  orgName: z.string(),
  period: z.string(),
  setup: z.object({
    memberCount: Int(),
    committee: z.array(z.object({ name: z.string(), role: z.string() })),
    groups: Count,
    byHealthClass: Count,
    byLivingSituation: Count,
    byAttendanceMode: Count,
  }),
  sessions: z.array(
    z.object({
      id: Id, kind: SessionKind, topic: z.string(), startsAt: Timestamp, place: z.string(), hostName: z.string(), recorderName: z.string(), status: z.enum(['open', 'closed']),
      expected: Int(), present: Int(), excused: Int(), absent: Int(), homeDelivered: Int(), online: Int(), unmarked: Int(),
      coverage: z.number(), quorumMet: z.nullable(z.boolean()),
      absentees: z.array(z.object({ name: z.string(), status: z.string(), reason: z.optional(z.string()) })),
      minutes: z.nullable(z.object({ agenda: z.string(), content: z.string(), decisions: z.string(), votes: z.string() })),
      /** Why a 支部党员大会 or 支委会 was archived without minutes (asked for when it was). */
      noMinutesReason: z.optional(z.string()),
      amendments: Int(),
      /** Who filled the record in, and who closed (approved) it. */
      filledBy: z.string(),
      closedBy: z.optional(z.string()),
    }),
  ),
  /** 送学上门 of the period: delivered in it; requested by its end and still open at its end (overdue then). */
  education: z.object({ visitsDelivered: Int(), visitsOpen: Int(), visitsOverdue: Int() }),
  /**
   * Members on the roll at the period's end. `earned`: live entries dated in the period;
   * `total`: the year's tally from the entries dated up to the period's end.
   */
  points: z.array(z.object({ memberId: Id, name: z.string(), earned: Int(), total: Int() })),
  photos: z.array(z.object({ source: z.string(), name: z.string(), url: z.string() })),
  /** The audit trail as sentences in Beijing time: who did what to whom, when. */
  audit: z.array(z.object({ at: Timestamp, sentence: z.string() })),
  reviews: z.array(Review),
  signoff: z.nullable(Signoff),
});
export type Ledger = z.infer<typeof Ledger>;
