import { appClock, reminderContext } from '../context';
import { logger } from '../http/logger';
import { writeMetrics } from '../observability/metrics';
import type { SendCounts } from '../services/reminder-sender';
import { publishAccessToken } from '../wechat/published-token';

/** The schedule (infra/src/constructs/reminder-job.ts): the published token must outlive the next run. */
export const runEveryMs = 15 * 60 * 1000;

/**
 * Runs on a schedule in AWS (EventBridge, every 15 minutes): publishes WeChat's access token for the
 * functions that check content (they may not read the AppSecret), then sends the reminders that are due.
 * A run that throws is retried by Lambda, then lands in the dead-letter queue (infra/src/constructs/observability.ts).
 */
export const handler = async (): Promise<SendCounts> => {
  const { sender, tokens, published } = reminderContext();
  if (published) {
    // A failed refresh must not hold the reminders back; the next run tries again.
    await publishAccessToken(tokens, published, runEveryMs).then(
      (outcome) => logger.info('access token', { outcome }),
      (error: unknown) => logger.error('access token not published', { errorName: (error as Error)?.name, message: (error as Error)?.message }),
    );
  }
  const counts = await sender.sendDue();
  logger.info('reminders', { ...counts });
  writeMetrics(appClock().now(), {
    ReminderRuns: 1,
    RemindersSent: counts.sent,
    RemindersFailed: counts.failed,
    RemindersNeedCall: counts.needs_call,
    RemindersSkipped: counts.skipped,
    StuckClaims: counts.stuck,
    ClaimsGivenUp: counts.givenUp,
  });
  return counts;
};
