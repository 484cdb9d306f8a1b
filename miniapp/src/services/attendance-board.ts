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
  /** "王建国本人登记" or "送学上门已安排": what the secretary sees before changing this line. */
  said?: string;
}

export function boardRows(attendance: readonly AttendanceEntry[]): BoardRow[] {
  return attendance.map((a) => {
    const said = [a.status ? (a.selfRecorded ?? '') : '', a.visitText ?? '']
      .filter(Boolean)
      .join('；');
    return {
      memberId: a.memberId,
      name: a.memberName,
      status: a.status,
      line: `出席情况：${statusText(a.status)}${a.reason ? `（${a.reason}）` : ''}`,
      ...(a.reflection ? { reflection: a.reflection } : {}),
      ...(said ? { said } : {}),
    };
  });
}

/**
 * Changing a line the member or a proxy recorded, or one with a 送学上门 under way, first says what
 * is there: the question to confirm, or undefined when the line can change at once.
 */
export function changeQuestion(row: BoardRow, next: AttendanceStatus): string | undefined {
  if (!row.said || row.status === next) return undefined;
  const now = row.status ? `现在是“${statusText(row.status)}”（${row.said}）` : `现在还没有登记（${row.said}）`;
  return `${row.name}：${now}。确定改为“${statusText(next)}”吗？`;
}

/** "全部出席": every expected member present; the server fills only lines nobody has recorded. */
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
