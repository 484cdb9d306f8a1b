import type { Frequency } from '../schemas/session';
import { periodOf, type Period } from './periods';

/** How many months one window of each cadence spans. */
const cadenceMonths: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export interface RuleInPeriod {
  /**
   * Whether the rule falls due inside the period looked at: a monthly rule in any period, a quarterly
   * one in a quarter or a year, a yearly one only in a year. A rule not due is no shortfall of the period.
   */
  due: boolean;
  /** Sessions required in `window`. */
  required: number;
  /**
   * What is counted: the period itself when the rule is due in it; otherwise the quarter or year that
   * holds it, so a month view shows a quarterly 党课 as "本季度内", with what was held so far.
   */
  window: Period;
}

/** What a rule of this cadence requires when an inspector looks at this period. */
export function ruleInPeriod(frequency: Frequency, period: Period): RuleInPeriod {
  const months = cadenceMonths[frequency];
  if (period.months >= months) return { due: true, required: period.months / months, window: period };
  return { due: false, required: 1, window: periodOf(period.start, frequency === 'quarterly' ? 'quarter' : 'year') };
}
