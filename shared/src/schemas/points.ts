import * as z from 'zod/mini';
import { pointsLimits } from '../limits';
import { pointsWords } from '../labels';
import { Id, Int, IsoDate, Text, Timestamp, titled } from './common';

export const pointsCategories = ['meeting', 'theme_day', 'home_delivered', 'online', 'volunteer', 'positive_energy', 'absence', 'adjustment'] as const;
export const PointsCategory = titled(z.enum(pointsCategories), '积分类别');
export type PointsCategory = z.infer<typeof PointsCategory>;

const Points = Int().check(z.gte(-pointsLimits.entry), z.lte(pointsLimits.entry));
const YearlyCap = () => z.nullable(Int().check(z.gte(0), z.lte(1000)));

export const PointsRules = titled(
  z.strictObject({
    /** Points per category; 三会一课 is `meeting`. Home-delivered study earns exactly what attending earns by default. */
    perCategory: titled(z.strictObject(Object.fromEntries(pointsCategories.map((c) => [c, Points])) as Record<PointsCategory, typeof Points>), '各类积分分值'),
    /** A deduction for absence without reason: off (0) unless the organisation decides otherwise. */
    absenceDeduction: titled(Int().check(z.gte(0), z.lte(20)), '无故缺席扣分'),
    /** At most this many points a year per category (null: no cap). */
    yearlyCaps: titled(
      z.strictObject(Object.fromEntries(pointsCategories.map((c) => [c, YearlyCap()])) as Record<PointsCategory, ReturnType<typeof YearlyCap>>),
      '年度上限',
    ),
    basePerYear: titled(Int().check(z.gte(0), z.lte(1000)), pointsWords.basePerYear),
    /** Whether the organisation keeps points at all (some exempt retired members); on when omitted. */
    enabled: z.optional(titled(z.boolean(), '实行积分管理')),
  }),
  '积分规则',
);
export type PointsRules = z.infer<typeof PointsRules>;

export const ManualAwardInput = titled(
  z.strictObject({
    category: titled(z.enum(['volunteer', 'positive_energy', 'adjustment']), '积分类别'),
    points: titled(Points.check(z.refine((p) => p !== 0, '分值不能为 0')), '分值'),
    reason: Text('事由', pointsLimits.reason, pointsLimits.reasonMin),
    /** The day it happened; today when omitted. */
    date: z.optional(titled(IsoDate, '日期')),
    /** A correction of an entry in a signed-off period refers to it. */
    refersTo: z.optional(titled(Id, '更正的原记录')),
  }),
  '手工记分',
);
export type ManualAwardInput = z.infer<typeof ManualAwardInput>;

export const ReversalInput = titled(z.strictObject({ reason: Text(pointsWords.correctionReason, pointsLimits.reversalReason, pointsLimits.reasonMin) }), pointsWords.correction);
export type ReversalInput = z.infer<typeof ReversalInput>;

export const YearQuery = z.strictObject({ year: z.optional(titled(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100)), '年度')) });
/** The branch table's query: the year. No order by points (a ranking: 国办函〔2026〕12号); an unknown parameter is refused. */
export const BranchPointsQuery = YearQuery;

export const PointsEntry = z.object({
  id: z.string(),
  memberId: Id,
  year: Int(),
  date: IsoDate,
  category: PointsCategory,
  points: Int(),
  source: z.enum(['attendance', 'visit', 'manual', 'reversal']),
  sessionId: z.optional(Id),
  visitRequestId: z.optional(Id),
  reversalOf: z.optional(z.string()),
  refersTo: z.optional(z.string()),
  /** Set on an entry that a later reversal cancelled. */
  reversedBy: z.optional(z.string()),
  reason: z.string(),
  recordedBy: Id,
  recordedAt: Timestamp,
});
export type PointsEntry = z.infer<typeof PointsEntry>;

export const MemberPoints = z.object({
  memberId: Id,
  memberName: z.string(),
  year: Int(),
  base: Int(),
  total: Int(),
  /** False where the organisation does not keep points (不实行积分管理): nothing new is awarded; earlier entries stay. */
  enabled: z.boolean(),
  byCategory: z.array(z.object({ category: PointsCategory, earned: Int(), counted: Int(), cap: z.nullable(Int()) })),
  /** Newest first; reversed entries stay, marked. */
  entries: z.array(PointsEntry),
});
export type MemberPoints = z.infer<typeof MemberPoints>;

export const BranchPointsRow = z.object({ memberId: Id, name: z.string(), total: Int(), entries: Int() });
export const BranchPoints = z.object({ branchId: Id, year: Int(), enabled: z.boolean(), rows: z.array(BranchPointsRow) });
export type BranchPoints = z.infer<typeof BranchPoints>;
