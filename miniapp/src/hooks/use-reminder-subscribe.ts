import { askReminderConsent } from '@/adapters/reminders';
import type { SubscribeOutcome } from '@/components/ReminderSubscribe';
import { useApi } from './api-context';

/**
 * One more WeChat agreement to remind this person, asked at the moments it matters (the next study on the home,
 * a 送学上门 just requested). WeChat's sheet must open straight from the tap: it is asked before anything else.
 */
export function useReminderSubscribe(memberId: string | undefined) {
  const api = useApi();
  return async (): Promise<SubscribeOutcome> => {
    const consent = await askReminderConsent();
    if (!consent.ok) return { ok: false, message: consent.reason };
    const answer = await api.subscribe(memberId as string, consent.kinds);
    return { ok: true, remaining: answer.remaining.session_tomorrow };
  };
}
