import * as z from 'zod';
import { Id, IsoDate, Timestamp } from './common';
import { Attachment, Frequency, SessionKind } from './session';

export const PeriodText = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '应写作 2026-11、2026-Q4 或 2026').meta({ title: '期间' });

export const PeriodQuery = z.object({ period: PeriodText }).strict();
export const ExportQuery = z.object({ period: PeriodText, format: z.enum(['xlsx', 'pdf', 'html']).meta({ title: '格式' }).default('xlsx') }).strict();

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
  held: z.number().int(),
  required: z.number().int(),
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
  coverage: z.object({ sessions: z.number().int(), average: z.number().nullable(), lowest: z.number().nullable() }),
  overdueVisits: z.number().int(),
  quietMembers: z.number().int(),
  openItems: z.number().int(),
  overdueItems: z.number().int(),
  signedOff: z.object({ by: z.string(), at: Timestamp }).nullable(),
  /** Every shortfall in words; empty when the branch meets every indicator. */
  shortfalls: z.array(z.string()),
});
export type BranchCompliance = z.infer<typeof BranchCompliance>;

export const ComplianceView = z.object({ orgId: Id, period: z.string(), branches: z.array(BranchCompliance) });
export type ComplianceView = z.infer<typeof ComplianceView>;

export const RectificationStatus = z.enum(['open', 'answered', 'returned', 'accepted']);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

export const ReviewInput = z
  .object({
    period: PeriodText,
    opinion: z.string().trim().min(2).max(2000).meta({ title: '督导意见' }),
    items: z
      .array(
        z.object({ what: z.string().trim().min(2).max(500).meta({ title: '整改事项' }), deadline: IsoDate.meta({ title: '整改期限' }) }).strict(),
      )
      .max(20)
      .meta({ title: '整改事项' })
      .default([]),
  })
  .strict()
  .meta({ title: '督导意见' });
export type ReviewInput = z.infer<typeof ReviewInput>;

export const RectificationPatch = z.discriminatedUnion('action', [
  z.object({ action: z.literal('answer'), text: z.string().trim().min(2).max(2000).meta({ title: '整改情况' }), evidence: z.array(Attachment).max(10).meta({ title: '佐证材料' }).default([]) }).strict(),
  z.object({ action: z.literal('accept') }).strict(),
  z.object({ action: z.literal('return'), reason: z.string().trim().min(2).max(500).meta({ title: '退回原因' }) }).strict(),
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
    z.object({ action: z.enum(['open', 'answer', 'accept', 'return']), by: Id, byName: z.string(), at: Timestamp, text: z.string().optional(), evidence: z.array(Attachment.extend({ url: z.string() })).optional() }),
  ),
  version: z.number().int(),
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

export const SignoffInput = z
  .object({
    period: PeriodText,
    /** Keys of the check items the inspector acknowledges (from the sign-off check). */
    acknowledged: z.array(z.string().max(200)).max(1000).meta({ title: '已确认的事项' }).default([]),
  })
  .strict()
  .meta({ title: '签字确认' });
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

const Count = z.record(z.string(), z.number().int());

export const Ledger = z.object({
  branchId: Id,
  branchName: z.string(),
  orgName: z.string(),
  period: z.string(),
  setup: z.object({
    memberCount: z.number().int(),
    committee: z.array(z.object({ name: z.string(), role: z.string() })),
    groups: Count,
    byHealthClass: Count,
    byLivingSituation: Count,
    byAttendanceMode: Count,
  }),
  sessions: z.array(
    z.object({
      id: Id, kind: SessionKind, topic: z.string(), startsAt: Timestamp, place: z.string(), hostName: z.string(), recorderName: z.string(), status: z.enum(['open', 'closed']),
      expected: z.number().int(), present: z.number().int(), excused: z.number().int(), absent: z.number().int(), homeDelivered: z.number().int(), online: z.number().int(), unmarked: z.number().int(),
      coverage: z.number(), quorumMet: z.boolean().nullable(),
      absentees: z.array(z.object({ name: z.string(), status: z.string(), reason: z.string().optional() })),
      minutes: z.object({ agenda: z.string(), content: z.string(), decisions: z.string(), votes: z.string() }).nullable(),
      /** Why a 支部党员大会 or 支委会 was archived without minutes (asked for when it was). */
      noMinutesReason: z.string().optional(),
      amendments: z.number().int(),
      /** Who filled the record in, and who closed (approved) it. */
      filledBy: z.string(),
      closedBy: z.string().optional(),
    }),
  ),
  /** 送学上门 of the period: delivered in it; requested by its end and still open at its end (overdue then). */
  education: z.object({ visitsDelivered: z.number().int(), visitsOpen: z.number().int(), visitsOverdue: z.number().int() }),
  /**
   * Members on the roll at the period's end. `earned`: live entries dated in the period;
   * `total`: the year's tally from the entries dated up to the period's end.
   */
  points: z.array(z.object({ memberId: Id, name: z.string(), earned: z.number().int(), total: z.number().int() })),
  photos: z.array(z.object({ source: z.string(), name: z.string(), url: z.string() })),
  /** The audit trail as sentences in Beijing time: who did what to whom, when. */
  audit: z.array(z.object({ at: Timestamp, sentence: z.string() })),
  reviews: z.array(Review),
  signoff: Signoff.nullable(),
});
export type Ledger = z.infer<typeof Ledger>;
