import { sessionKindLabels } from '@ltx/shared/labels';
import { hasLeftBy } from '@ltx/shared/domain/roll';
import { chinaDay } from '@ltx/shared/time/china-day';
import { whenWords } from '@ltx/shared/wording/time-words';
import type { MemberRecord, OutboxRecord, SessionRecord } from '../repositories/records';


/**
 * The reminders a session calls for: one the day before, and one when material is published.
 * Ids are deterministic (session, member, kind, time), so planning twice writes the same items.
 */
export function planReminders(session: SessionRecord, members: Map<string, MemberRecord>, now: Date): OutboxRecord[] {
  const out: OutboxRecord[] = [];
  const kindName = sessionKindLabels[session.kind];
  const dayBefore = new Date(new Date(session.startsAt).getTime() - 24 * 3600 * 1000);
  const hasMaterial = !!session.materialText || session.attachments.length > 0;
  const day = chinaDay(session.startsAt);
  for (const { memberId, name } of session.expected) {
    const member = members.get(memberId);
    // No reminder to a member who died or left by the session's day (nor to their family's phone).
    if (hasLeftBy(member?.departure, day)) continue;
    const subscribed = member?.subscriptions ?? [];
    const base = { branchId: session.branchId, memberId, memberName: name, sessionId: session.id, status: 'pending' as const };
    if (dayBefore > now) {
      out.push({
        ...base,
        id: `${session.id}-${memberId}-tomorrow-${session.startsAt}`,
        kind: 'session_tomorrow',
        dueAt: dayBefore.toISOString(),
        channel: subscribed.includes('session_tomorrow') ? 'wechat' : 'none',
        text: `${name}同志：明天（${whenWords(session.startsAt, { today: now })}）在${session.place}召开${kindName}：${session.topic}。`,
      });
    }
    if (hasMaterial && new Date(session.startsAt) > now) {
      out.push({
        ...base,
        id: `${session.id}-${memberId}-material-${session.updatedAt}`,
        kind: 'material_published',
        dueAt: now.toISOString(),
        channel: subscribed.includes('material_published') ? 'wechat' : 'none',
        text: `${name}同志：${kindName}「${session.topic}」的学习材料已发布，可在小程序首页查看或收听。`,
      });
    }
  }
  return out;
}
