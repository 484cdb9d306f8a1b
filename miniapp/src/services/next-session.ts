import { chinaDay } from '@ltx/shared/time/china-day';
import type { MemberSession } from './types';
import { kindText } from './session-words';
import { clockText, sessionDateText } from './session-time';

/**
 * The member's study: today's session (China's calendar) once it has started and while it is open, the
 * time to say "我已学习"; else the earliest session that has not started yet, or undefined.
 */
export function nextSession<T extends { startsAt: string; status?: string }>(sessions: readonly T[], now: Date): T | undefined {
  const t = now.getTime();
  const earliest = (list: T[]) => list.reduce<T | undefined>((best, s) => (!best || Date.parse(s.startsAt) < Date.parse(best.startsAt) ? s : best), undefined);
  const today = chinaDay(now.toISOString());
  const underWay = sessions.filter((s) => s.status !== 'closed' && Date.parse(s.startsAt) <= t && chinaDay(s.startsAt) === today);
  return underWay.length ? underWay.reduce((a, b) => (Date.parse(b.startsAt) > Date.parse(a.startsAt) ? b : a)) : earliest(sessions.filter((s) => Date.parse(s.startsAt) > t));
}

/** Online study counts once the session has started: before, "我已学习" waits. */
export function hasStarted(session: { startsAt: string }, now: Date): boolean {
  return Date.parse(session.startsAt) <= now.getTime();
}

/** Whether "我已学习" is offered: the session offers online study, or the member studies online anyway. */
export function offersOnlineStudy(session: Pick<MemberSession, 'onlineOffered'>, attendanceMode: string | undefined): boolean {
  return session.onlineOffered || attendanceMode === 'online';
}

/** What "读给我听" reads: the same facts as the card, in full sentences. */
export function speechTextFor(s: Pick<MemberSession, 'kind' | 'startsAt' | 'place' | 'topic' | 'materialText'>): string {
  const parts = [
    `下一次学习：${kindText(s.kind)}。`,
    `时间：${sessionDateText(s.startsAt)}，${clockText(s.startsAt)}。`,
    `地点：${s.place}。`,
    `主题：${s.topic}。`,
  ];
  if (s.materialText) parts.push(`学习材料：${s.materialText}`);
  return parts.join('');
}
