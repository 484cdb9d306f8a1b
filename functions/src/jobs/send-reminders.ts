import { reminderContext } from '../context';
import { logger } from '../http/logger';

/** Runs on a schedule in AWS (EventBridge, every 15 minutes): sends the reminders that are due. */
export const handler = async (): Promise<{ sent: number; skipped: number; failed: number }> => {
  const counts = await reminderContext().sendDue();
  logger.info('reminders', counts);
  return counts;
};
