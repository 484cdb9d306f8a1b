import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * The shortest time any log of the stack is kept: six months. The Cybersecurity Law
 * (网络安全法 Art. 21(3)) asks network operators to keep the logs of their network's operation for no
 * less than six months. Function logs, the API access logs, the reminder job's and S3 access logs.
 */
export const MIN_LOG_RETENTION = RetentionDays.SIX_MONTHS;

/** Refuses, at synth, a retention shorter than six months (180 days): `what` names the setting. */
export function atLeastSixMonths(what: string, days: number): void {
  if (days < MIN_LOG_RETENTION) {
    throw new Error(`${what} keeps logs ${days} days: the Cybersecurity Law (网络安全法 Art. 21) asks for at least six months (${MIN_LOG_RETENTION} days)`);
  }
}

/** A log group's retention: `requested` (default six months), refused below six months. */
export function logRetentionOf(what: string, requested: RetentionDays = MIN_LOG_RETENTION): RetentionDays {
  atLeastSixMonths(what, requested);
  return requested;
}
