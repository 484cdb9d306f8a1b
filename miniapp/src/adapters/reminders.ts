import Taro from '@tarojs/taro';
import { reminderKinds, reminderTemplateIds } from '@/config/reminders';
import type { ReminderKind } from '@/services/types';

export type ReminderConsent = { ok: true; kinds: ReminderKind[] } | { ok: false; reason: string };

/**
 * Asks for permission to send reminders. On the mini-program WeChat shows its own consent sheet
 * for the configured subscription templates (it must be called straight from a tap); on H5 there
 * is nothing to ask and every kind is recorded.
 */
export async function askReminderConsent(): Promise<ReminderConsent> {
  if (process.env.TARO_ENV === 'h5') return { ok: true, kinds: reminderKinds };
  const configured = reminderKinds.filter((k) => reminderTemplateIds[k]);
  if (configured.length === 0) {
    return { ok: false, reason: '微信开会提醒还没有开通。开会前支部会打电话通知您。' };
  }
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: configured.map((k) => reminderTemplateIds[k]),
      entityIds: [],
    })) as unknown as Record<string, string>;
    const kinds = configured.filter((k) => answer[reminderTemplateIds[k]] === 'accept');
    if (kinds.length === 0) return { ok: false, reason: '您没有同意接收微信提醒。需要时可以再点一次。' };
    return { ok: true, kinds };
  } catch {
    return { ok: false, reason: '没能打开微信的提醒设置，请稍后再试。' };
  }
}
