import type { ReminderKind } from '@/services/types';

/**
 * WeChat subscription-message template ids (微信公众平台 → 订阅消息 → 我的模板), one per reminder.
 * Empty until the mini-program's templates are approved: the app then says in words that
 * WeChat reminders are not available yet (the secretary's outbox marks such members 需电话通知).
 */
export const reminderTemplateIds: Record<ReminderKind, string> = {
  session_tomorrow: '',
  material_published: '',
  plan_changed: '',
};

/** What "订阅开会提醒" asks for. */
export const reminderKinds: ReminderKind[] = ['session_tomorrow', 'material_published', 'plan_changed'];
