import type { PointsRules } from '../schemas/points';
import type { FrequencyRules } from '../schemas/session';
import { defaultPointsRules } from './points-rules';
import { defaultFrequencyRules } from './session-rules';
import { defaultOverdueRules, type OverdueRules } from './visit-rules';

/**
 * Rules inherit down the hierarchy: an organisation's rules are the nearest override on its path (itself,
 * then its parent, up to the root), else the national ones. Each kind (frequency, 送学上门, points) inherits
 * on its own; within a kind an override is a whole set (simple to explain: "this organisation's frequency
 * rules are these"), never a mix of fields from several levels.
 */
export const ruleKinds = ['frequency', 'visits', 'points'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export interface RuleSets {
  frequency: FrequencyRules;
  visits: OverdueRules;
  points: PointsRules;
}

/** The national rules (全国统一规定); 党课 is set locally, quarterly until an organisation says otherwise. */
export const nationalRules: RuleSets = { frequency: defaultFrequencyRules, visits: defaultOverdueRules, points: defaultPointsRules };

/** An organisation's saved overrides, each possibly saved before a field existed (the national value fills it). */
export type Overrides = { [K in RuleKind]?: Partial<RuleSets[K]> };

/** Where one kind's effective rules come from: an organisation on the path, or nobody (national). */
export interface RuleSource {
  orgId: string;
  orgName?: string;
}

export interface EffectiveRules extends RuleSets {
  from: Record<RuleKind, RuleSource | null>;
}

/** The organisation ids of a path, root first (`/a/b/` → a, b). */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * The effective rules at `path` (an organisation's own path, or the path a branch sits under), from the
 * overrides of the organisations on it. Pure: the caller reads every override on the path in one batch.
 */
export function effectiveRules(path: string, overridesOf: (orgId: string) => Overrides | undefined, nameOf: (orgId: string) => string | undefined = () => undefined): EffectiveRules {
  const nearestFirst = pathIds(path).reverse();
  const pick = <K extends RuleKind>(kind: K): [RuleSets[K], RuleSource | null] => {
    for (const orgId of nearestFirst) {
      const own = overridesOf(orgId)?.[kind];
      const orgName = nameOf(orgId);
      if (own) return [{ ...nationalRules[kind], ...own } as RuleSets[K], { orgId, ...(orgName ? { orgName } : {}) }];
    }
    return [nationalRules[kind], null];
  };
  const [frequency, f] = pick('frequency');
  const [visits, v] = pick('visits');
  const [points, p] = pick('points');
  return { frequency, visits, points, from: { frequency: f, visits: v, points: p } };
}

/** Points are kept unless an organisation turned them off (some exempt retired members altogether). */
export const pointsEnabled = (rules: Pick<PointsRules, 'enabled'>): boolean => rules.enabled !== false;

/** Where a kind's rules come from, in words, as the administrator reads it for `orgId`. */
export function ruleSourceWords(source: RuleSource | null, orgId: string): string {
  if (!source) return '全国统一规定';
  if (source.orgId === orgId) return '本组织自定';
  return `沿用上级「${source.orgName ?? '上级组织'}」的规定`;
}
