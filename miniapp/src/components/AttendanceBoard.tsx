import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { quorumKinds } from '@ltx/shared/domain/session-rules';
import type { AttendanceInput, AttendanceStatus, SessionDetail } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { boardRows, leaveInput, tapStatus } from '@/services/attendance-board';
import { attendanceStatusOrder, attendanceSummaryText, quorumText, statusText } from '@/services/session-words';
import { BigButton } from './BigButton';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';

interface Props {
  session: Pick<SessionDetail, 'kind' | 'attendance' | 'quorum' | 'status'>;
  /** Contacts, inspectors, and everyone once the record is closed: look, do not touch. */
  readOnly: boolean;
  onMarkAll: () => Promise<void>;
  onMark: (memberId: string, input: AttendanceInput) => Promise<void>;
}

/** The attendance screen: one tap for everyone present, one tap per member to change a line. */
export function AttendanceBoard({ session, readOnly, onMarkAll, onMark }: Props) {
  const [busy, setBusy] = useState<string | undefined>();
  const [leaveFor, setLeaveFor] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [rowError, setRowError] = useState<{ id: string; text: string } | undefined>();
  const [boardError, setBoardError] = useState<string | undefined>();

  const rows = boardRows(session.attendance);

  const run = async (id: string, work: () => Promise<void>) => {
    setBusy(id);
    setRowError(undefined);
    setBoardError(undefined);
    try {
      await work();
      return true;
    } catch (e) {
      if (id === 'all') setBoardError(messageOf(e));
      else setRowError({ id, text: messageOf(e) });
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  const tap = (memberId: string, status: AttendanceStatus) => {
    const next = tapStatus(status);
    if (next.kind === 'ask-reason') {
      const current = session.attendance.find((a) => a.memberId === memberId);
      setLeaveFor(memberId);
      setReason(current?.status === 'excused' ? (current.reason ?? '') : '');
      setRowError(undefined);
      return;
    }
    setLeaveFor(undefined);
    void run(memberId, () => onMark(memberId, next.input));
  };

  const saveLeave = (memberId: string) => {
    const checked = leaveInput(reason);
    if (!checked.ok) return setRowError({ id: memberId, text: checked.error });
    void run(memberId, () => onMark(memberId, checked.input)).then((ok) => ok && setLeaveFor(undefined));
  };

  return (
    <View>
      {quorumKinds.includes(session.kind) && session.quorum ? (
        <Text className={session.quorum.met ? 'banner banner--ok' : 'banner banner--warning'}>
          {session.quorum.met ? '✓ ' : '⚠ '}
          {quorumText(session.quorum)}
        </Text>
      ) : null}
      <Text className='text strong'>{attendanceSummaryText(session.attendance)}</Text>
      {readOnly ? null : (
        <View>
          <BigButton onClick={() => void run('all', onMarkAll)} disabled={busy !== undefined || rows.length === 0}>
            {busy === 'all' ? '正在登记……' : '全部出席'}
          </BigButton>
          <Text className='text text--muted'>先点“全部出席”，再把请假、缺席的人逐个改过来。</Text>
        </View>
      )}
      <Message kind='error' text={boardError} />
      {rows.map((r) => (
        <View key={r.memberId} className='row row--attendance'>
          <Text className='row__title'>{r.name}</Text>
          <Text className='text strong'>{r.line}</Text>
          {r.reflection ? <Text className='text'>学习体会：{r.reflection}</Text> : null}
          {readOnly ? null : (
            <View className='status-grid'>
              {attendanceStatusOrder.map((s) => {
                const chosen = r.status === s || (s === 'excused' && leaveFor === r.memberId);
                return (
                  <BigButton key={s} variant={chosen ? 'selected' : 'secondary'} disabled={busy !== undefined} onClick={() => tap(r.memberId, s)}>
                    {chosen ? `✓${statusText(s)}` : statusText(s)}
                  </BigButton>
                );
              })}
            </View>
          )}
          {!readOnly && leaveFor === r.memberId ? (
            <View>
              <TextAreaField label={`${r.name} 的请假原因`} value={reason} maxlength={200} onChange={setReason} />
              <BigButton onClick={() => saveLeave(r.memberId)} disabled={busy !== undefined}>
                {busy === r.memberId ? '正在保存……' : '保存请假'}
              </BigButton>
            </View>
          ) : null}
          {busy === r.memberId && leaveFor !== r.memberId ? <Text className='text text--muted'>正在保存……</Text> : null}
          <Message kind='error' text={rowError?.id === r.memberId ? rowError.text : undefined} />
        </View>
      ))}
    </View>
  );
}
