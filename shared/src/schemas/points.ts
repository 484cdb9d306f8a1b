import * as z from 'zod';
import { Id, IsoDate, Timestamp } from './common';

export const pointsCategories = ['meeting', 'theme_day', 'home_delivered', 'online', 'volunteer', 'positive_energy', 'absence', 'adjustment'] as const;
export const PointsCategory = z.enum(pointsCategories).meta({ title: '积分类别' });
export type PointsCategory = z.infer<typeof PointsCategory>;

const Points = z.number().int().min(-100).max(100);

export const PointsRules = z
  .object({
    /** Points per category; 三会一课 is `meeting`. Home-delivered study earns exactly what attending earns by default. */
    perCategory: z.object(Object.fromEntries(pointsCategories.map((c) => [c, Points])) as Record<PointsCategory, typeof Points>).strict().meta({ title: '各类积分分值' }),
    /** A deduction for absence without reason: off (0) unless the organisation decides otherwise. */
    absenceDeduction: z.number().int().min(0).max(20).meta({ title: '无故缺席扣分' }),
    /** At most this many points a year per category (null: no cap). */
    yearlyCaps: z.object(Object.fromEntries(pointsCategories.map((c) => [c, z.number().int().min(0).max(1000).nullable()])) as Record<PointsCategory, z.ZodNullable<z.ZodNumber>>).strict().meta({ title: '年度上限' }),
    basePerYear: z.number().int().min(0).max(1000).meta({ title: '年度基础分' }),
  })
  .strict()
  .meta({ title: '积分规则' });
export type PointsRules = z.infer<typeof PointsRules>;

export const ManualAwardInput = z
  .object({
    category: z.enum(['volunteer', 'positive_energy', 'adjustment']).meta({ title: '积分类别' }),
    points: Points.refine((p) => p !== 0, '分值不能为 0').meta({ title: '分值' }),
    reason: z.string().trim().min(2).max(200).meta({ title: '事由' }),
    /** The day it happened; today when omitted. */
    date: IsoDate.meta({ title: '日期' }).optional(),
    /** A correction of an entry in a signed-off period refers to it. */
    refersTo: Id.meta({ title: '更正的原记录' }).optional(),
  })
  .strict()
  .meta({ title: '手工记分' });
export type ManualAwardInput = z.infer<typeof ManualAwardInput>;

export const ReversalInput = z.object({ reason: z.string().trim().min(2).max(200).meta({ title: '冲正原因' }) }).strict().meta({ title: '冲正' });
export type ReversalInput = z.infer<typeof ReversalInput>;

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' }).optional() }).strict();
export const BranchPointsQuery = YearQuery.extend({ sort: z.enum(['name', 'total']).meta({ title: '排序' }).optional() }).strict();

export const PointsEntry = z.object({
  id: z.string(),
  memberId: Id,
  year: z.number().int(),
  date: IsoDate,
  category: PointsCategory,
  points: z.number().int(),
  source: z.enum(['attendance', 'visit', 'manual', 'reversal']),
  sessionId: Id.optional(),
  visitRequestId: Id.optional(),
  reversalOf: z.string().optional(),
  refersTo: z.string().optional(),
  /** Set on an entry that a later reversal cancelled. */
  reversedBy: z.string().optional(),
  reason: z.string(),
  recordedBy: Id,
  recordedAt: Timestamp,
});
export type PointsEntry = z.infer<typeof PointsEntry>;

export const MemberPoints = z.object({
  memberId: Id,
  memberName: z.string(),
  year: z.number().int(),
  base: z.number().int(),
  total: z.number().int(),
  byCategory: z.array(z.object({ category: PointsCategory, earned: z.number().int(), counted: z.number().int(), cap: z.number().int().nullable() })),
  /** Newest first; reversed entries stay, marked. */
  entries: z.array(PointsEntry),
});
export type MemberPoints = z.infer<typeof MemberPoints>;

export const BranchPointsRow = z.object({ memberId: Id, name: z.string(), total: z.number().int(), entries: z.number().int() });
export const BranchPoints = z.object({ branchId: Id, year: z.number().int(), rows: z.array(BranchPointsRow) });
export type BranchPoints = z.infer<typeof BranchPoints>;
