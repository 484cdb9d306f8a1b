import type { AttendanceEntry, AttendanceInput, AttendanceStatus, BulkAttendanceInput, SessionDetail } from './types';
import { attendanceStatusOrder, statusText } from './session-words';

/** One row of the attendance screen, as the page draws it. */
export interface BoardRow {
  memberId: string;
  name: string;
  status: AttendanceStatus | null;
  /** "出席情况：请假（住院）" — the status in words, with the reason when there is one. */
  line: string;
  reflection?: string;
}

export function boardRows(attendance: readonly AttendanceEntry[]): BoardRow[] {
  return attendance.map((a) => ({
    memberId: a.memberId,
    name: a.memberName,
    status: a.status,
    line: `出席情况：${statusText(a.status)}${a.reason ? `（${a.reason}）` : ''}`,
    ...(a.reflection ? { reflection: a.reflection } : {}),
  }));
}

/** "全部出席": one write marking every expected member present. */
export function everyonePresent(detail: Pick<SessionDetail, 'attendance'>): BulkAttendanceInput | null {
  if (detail.attendance.length === 0) return null;
  return { entries: detail.attendance.map((a) => ({ memberId: a.memberId, status: 'present' as const })) };
}

/**
 * What tapping a status button on a row leads to: 请假 first opens a reason box on that row
 * (nothing is sent until a reason is typed); every other status is sent at once.
 */
export type RowTap = { kind: 'ask-reason' } | { kind: 'send'; input: AttendanceInput };

export function tapStatus(status: AttendanceStatus): RowTap {
  return status === 'excused' ? { kind: 'ask-reason' } : { kind: 'send', input: { status } };
}

/** The leave to send once the reason is typed, or the message to show under the box. */
export function leaveInput(reason: string): { ok: true; input: AttendanceInput } | { ok: false; error: string } {
  const r = reason.trim();
  if (!r) return { ok: false, error: '请假需要填写原因' };
  if (r.length > 200) return { ok: false, error: '请假原因：最多 200 个字' };
  return { ok: true, input: { status: 'excused', reason: r } };
}

/** Names by status, for the minutes: who attended and who was absent and why (never typed by hand). */
export function attendanceForMinutes(attendance: readonly AttendanceEntry[]): { title: string; names: string }[] {
  const groups: { title: string; names: string }[] = [];
  for (const status of [...attendanceStatusOrder, null] as (AttendanceStatus | null)[]) {
    const people = attendance.filter((a) => a.status === status);
    if (!people.length) continue;
    const names = people.map((a) => (a.reason ? `${a.memberName}（${a.reason}）` : a.memberName)).join('、');
    groups.push({ title: `${statusText(status)}（${people.length} 人）`, names });
  }
  return groups;
}
