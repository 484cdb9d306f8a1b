import * as z from 'zod/mini';
import { Id, Int, titled } from './common';
import { PointsRules } from './points';
import { FrequencyRules } from './session';
import { ruleKinds } from '../domain/rule-inheritance';

/** An organisation's 送学上门 rules (`RULES#VISITS`). */
export const VisitRules = titled(
  z.strictObject({
    scheduleWithinDays: titled(Int().check(z.gte(1), z.lte(60)), '申请后几天内安排'),
    deliverWithinDays: titled(Int().check(z.gte(1), z.lte(120)), '申请后几天内送到'),
    deliveryGraceDays: titled(Int().check(z.gte(0), z.lte(60)), '送学可补记天数'),
  }),
  '送学上门规定',
);
export type VisitRules = z.infer<typeof VisitRules>;

/** Where one kind of rules comes from, for the administrator: the organisation and the words. */
const RuleOrigin = z.object({
  /** `own`: this organisation's override; `inherited`: an organisation above it; `national`: nobody's. */
  origin: z.enum(['own', 'inherited', 'national']),
  /** 本组织自定 / 沿用上级「…」的规定 / 全国统一规定 */
  words: z.string(),
  fromOrgId: z.optional(Id),
});

/** An organisation's effective rules, each kind with where it comes from (`GET /orgs/{orgId}/rules`). */
export const EffectiveRulesView = z.object({
  orgId: Id,
  orgName: z.string(),
  /** Whether it has an organisation above it (a root has nothing to revert to but the national rules). */
  hasParent: z.boolean(),
  frequency: z.extend(RuleOrigin, { rules: FrequencyRules }),
  visits: z.extend(RuleOrigin, { rules: VisitRules }),
  points: z.extend(RuleOrigin, { rules: PointsRules }),
});
export type EffectiveRulesView = z.infer<typeof EffectiveRulesView>;

/** Which kind of this organisation's own rules to drop, so it follows its superior's again. */
export const RuleRevertInput = titled(z.strictObject({ kind: titled(z.enum(ruleKinds), '规定类别') }), '恢复沿用上级规定');
export type RuleRevertInput = z.infer<typeof RuleRevertInput>;
