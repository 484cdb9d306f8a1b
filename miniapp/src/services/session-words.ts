import { whenText } from './session-time';
import { attendanceStatusLabels, reminderKindLabels, sessionKindLabels } from '@ltx/shared/labels';
import type { AttendanceStatus, OutboxEntry, SessionKind, SessionSummary } from './types';
import { selfSpeaker, type Speaker } from './speaker';

export const kindText = (k: SessionKind) => sessionKindLabels[k];
export const statusText = (s: AttendanceStatus | null | undefined) => (s ? attendanceStatusLabels[s] : '未登记');
export const sessionStateText = (s: SessionSummary['status']) => (s === 'closed' ? '已归档' : '未归档');

/** The eight kinds in the order a secretary thinks of them (三会一课 first). */
export const sessionKindOrder = Object.keys(sessionKindLabels) as SessionKind[];

/** The five statuses in the order of the attendance screen's buttons. */
export const attendanceStatusOrder = Object.keys(attendanceStatusLabels) as AttendanceStatus[];

/** Who a session of this kind expects, decided by the server; said here so nobody is surprised. */
export function expectedText(kind: SessionKind, partyGroup?: string): string {
  if (kind === 'committee_meeting') return '应到人员：支委成员（支部委员会的委员）';
  if (kind === 'group_meeting') return partyGroup ? `应到人员：${partyGroup}的党员` : '应到人员：所选党小组的党员（请在下面选择党小组）';
  return '应到人员：全体党员';
}

/** Quorum in words: 应到 3 人，实到 2 人，超过半数 (or 未超过半数). */
export function quorumText(q: { entitled: number; present: number; met: boolean }): string {
  return `应到 ${q.entitled} 人，实到 ${q.present} 人，${q.met ? '超过半数' : '未超过半数'}`;
}

/** The member's own line, as the member home says it. */
export function myStatusText(status: AttendanceStatus | null | undefined, reason?: string, reflection?: string, s: Speaker = selfSpeaker): string | undefined {
  switch (status) {
    case 'excused':
      return reason ? `${s.you}已请假：${reason}` : `${s.you}已请假`;
    case 'online':
      return reflection ? `${s.you}已登记网上学习。${s.you}的体会：${reflection}` : `${s.you}已登记网上学习`;
    case 'present':
      return `支部已登记${s.you}出席`;
    case 'home_delivered':
      return `支部已登记为${s.you}送学上门`;
    case 'absent':
      return '这次学习登记为缺席。如有误，请告诉支部书记';
    default:
      return undefined;
  }
}

/** Counts per status, in words: 出席 5 人，请假 1 人，未登记 2 人. Statuses with nobody are left out. */
export function attendanceSummaryText(lines: { status: AttendanceStatus | null }[]): string {
  const counts = new Map<AttendanceStatus | null, number>();
  for (const l of lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
  const parts = [...attendanceStatusOrder, null]
    .filter((s) => counts.get(s))
    .map((s) => `${statusText(s)} ${counts.get(s)} 人`);
  return parts.length ? `共 ${lines.length} 人：${parts.join('，')}` : '没有应到人员';
}

export const channelText = (c: OutboxEntry['channel']) => (c === 'wechat' ? '微信提醒' : '需电话通知');
export const reminderKindText = (k: OutboxEntry['kind']) => reminderKindLabels[k];

/**
 * A reminder's state in words. A `pending` one whose time has passed was never sent (the job only sends
 * WeChat reminders, and nobody phoned): it says so, never 待发送.
 */
export function outboxStatusText(e: Pick<OutboxEntry, 'status' | 'dueAt' | 'call'>, now: Date): string {
  switch (e.status) {
    case 'sent': return '已发送';
    case 'skipped': return '不再发送';
    case 'needs_call': return '微信提醒次数已用完，请打电话通知';
    case 'failed': return '发送失败，请打电话通知';
    case 'called': return e.call ? `已电话通知（${e.call.byName || '工作人员'}，${whenText(e.call.at)}）` : '已电话通知';
    case 'sending': return '正在发送';
    case 'pending': return Date.parse(e.dueAt) < now.getTime() ? '未发出（已过期）' : '待发送';
  }
}

/** A reminder someone must phone: never subscribed, or WeChat could not carry it (no agreement left, refused, failed). */
export const needsCall = (e: Pick<OutboxEntry, 'channel' | 'status'>) =>
  (e.channel === 'none' && e.status === 'pending') || e.status === 'needs_call' || e.status === 'failed';

/** A status as the member's own page names it (the button they tapped: 我已学习, not 网上自学). */
const ownStatusWords = (status: AttendanceStatus, s: Speaker): string =>
  status === 'online' ? `${s.i}已学习` : ({ present: '出席', excused: '请假', absent: '缺席', home_delivered: '送学上门' } as const)[status];

/** What a member or proxy may take back on their own line while the session is open. */
export type WithdrawableStatus = 'excused' | 'online';

/** Each way back on the member's line: its button, the one question, the answers, and what happened. */
export function withdrawWords(s: Speaker = selfSpeaker): Record<WithdrawableStatus, { label: string; question: string; confirm: string; busy: string; back: string; done: string }> {
  const studied = `“${s.i}已学习”`;
  return {
    excused: {
      label: `${s.i}能来了`,
      question: `撤销请假，按时来参加这次学习吗？支部会看到${s.you}能来。`,
      confirm: `是，${s.i}能来了`,
      busy: '正在撤销……',
      back: '不撤销，还是请假',
      done: `✓ 已撤销请假。支部会看到${s.you}能来参加。`,
    },
    online: {
      label: `撤销${studied}`,
      question: `撤销${studied}吗？这次学习就不算${s.you}已参加，积分也会退回。学过以后可以再点${studied}。`,
      confirm: '是，撤销',
      busy: '正在撤销……',
      back: '不撤销',
      done: `✓ 已撤销${studied}。`,
    },
  };
}

/** Which way back the member's line offers now: none once archived, or for what only the branch records. */
export function withdrawableOf(status: AttendanceStatus | null | undefined, closed: boolean): WithdrawableStatus | undefined {
  return !closed && (status === 'excused' || status === 'online') ? status : undefined;
}

/** Asked once before a different status replaces the recorded one: "您已登记“请假”。要改为“我已学习”吗？" */
export function changeWords(from: AttendanceStatus, to: AttendanceStatus, s: Speaker = selfSpeaker): { question: string; confirm: string } {
  const [was, will] = [ownStatusWords(from, s), ownStatusWords(to, s)];
  return { question: `${s.you}已登记“${was}”。要改为“${will}”吗？`, confirm: `是，改为“${will}”` };
}
