import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { quorumKinds } from '@ltx/shared/domain/session-rules';
import type { AttendanceInput, AttendanceStatus, BulkAttendancePlan, SessionDetail } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { boardRows, changeQuestion, leaveInput, tapStatus, type BoardRow } from '@/services/attendance-board';
import { attendanceStatusOrder, attendanceSummaryText, quorumText, statusText } from '@/services/session-words';
import { BigButton } from './BigButton';
import { FoldedRest } from './FoldedRest';
import { Message } from './Message';
import { NameSearch } from './NameSearch';
import { foldFrom, foldList } from '@/services/name-list';
import { TextAreaField } from './TextAreaField';
import { sessionLimits } from '@ltx/shared/limits';

interface Props {
  session: Pick<SessionDetail, 'kind' | 'attendance' | 'quorum' | 'status' | 'lastBulk'>;
  /** Contacts, inspectors, and everyone once the record is closed: look, do not touch. */
  readOnly: boolean;
  /** The meeting has not begun: only leave can be recorded yet, so "全部出席" is not offered. */
  notStarted?: boolean;
  /** What "全部出席" would do: shown before anything is written. */
  onPreview: () => Promise<BulkAttendancePlan>;
  onMarkAll: () => Promise<void>;
  /** Takes back the last "全部出席". */
  onUndo: (bulkId: string) => Promise<void>;
  onMark: (memberId: string, input: AttendanceInput) => Promise<void>;
}

/**
 * The attendance screen: "全部出席" shows first whom it will mark and whom it keeps as they are, and
 * can be undone; one tap per member changes a line, after saying what the member or a proxy recorded.
 */
export function AttendanceBoard({ session, readOnly, notStarted = false, onPreview, onMarkAll, onUndo, onMark }: Props) {
  const [busy, setBusy] = useState<string | undefined>();
  const [plan, setPlan] = useState<BulkAttendancePlan | undefined>();
  const [asking, setAsking] = useState<{ memberId: string; status: AttendanceStatus; question: string } | undefined>();
  const [leaveFor, setLeaveFor] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [rowError, setRowError] = useState<{ id: string; text: string } | undefined>();
  const [boardError, setBoardError] = useState<string | undefined>();

  const [query, setQuery] = useState('');
  const [restOpen, setRestOpen] = useState(false);

  const rows = boardRows(session.attendance);
  const long = rows.length >= foldFrom;
  // Whoever is being changed stays in view, even once marked 出席.
  const inHand = (r: BoardRow) => r.memberId === asking?.memberId || r.memberId === leaveFor || r.memberId === busy || r.memberId === rowError?.id;
  const { shown, folded } = long
    ? foldList(rows, { name: (r) => r.name, ordinary: (r) => r.status === 'present', query, keep: inHand, rank: (r) => (r.status ? 0 : 1) })
    : { shown: rows, folded: [] };

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

  const preview = () =>
    void run('all', async () => {
      setPlan(await onPreview());
    });
  const confirmAll = () => void run('all', onMarkAll).then((ok) => ok && setPlan(undefined));
  const undo = (bulkId: string) => void run('all', () => onUndo(bulkId));

  const tap = (memberId: string, status: AttendanceStatus, confirmed = false) => {
    const row = rows.find((r) => r.memberId === memberId);
    const question = row && !confirmed ? changeQuestion(row, status) : undefined;
    if (question) {
      setAsking({ memberId, status, question });
      return;
    }
    setAsking(undefined);
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
      {!readOnly && notStarted ? (
        <Text className='banner'>会议还没有开始：开始后才能登记出席、缺席和网上自学；请假现在就可以登记。</Text>
      ) : null}
      {readOnly || notStarted ? null : (
        <View>
          {plan ? (
            <View className='section section--confirm'>
              <Text className='text text--large strong'>{plan.summary}</Text>
              {plan.toMark.length ? <Text className='h2'>将登记为出席（{plan.toMark.length} 人）</Text> : null}
              {plan.toMark.map((l) => (
                <Text key={l.memberId} className='text'>
                  {l.memberName}：{l.text}
                </Text>
              ))}
              {plan.kept.length ? <Text className='h2'>保持不变（{plan.kept.length} 人）</Text> : null}
              {plan.kept.map((l) => (
                <Text key={l.memberId} className='text'>
                  {l.memberName}：{l.text}
                </Text>
              ))}
              {plan.toMark.length ? (
                <BigButton onClick={confirmAll} disabled={busy !== undefined}>
                  {busy === 'all' ? '正在登记……' : `确认登记这 ${plan.toMark.length} 人出席`}
                </BigButton>
              ) : null}
              <BigButton variant='secondary' onClick={() => setPlan(undefined)} disabled={busy !== undefined}>
                返回，不登记
              </BigButton>
            </View>
          ) : (
            <BigButton onClick={preview} disabled={busy !== undefined || rows.length === 0}>
              {busy === 'all' ? '正在查看……' : '全部出席'}
            </BigButton>
          )}
          <Text className='text text--muted'>“全部出席”只登记还没有登记的人：本人或家属登记的、已有登记的、已安排送学上门的都保持不变。先看清名单再确认。</Text>
          {session.lastBulk?.undoable && !plan ? (
            <BigButton variant='secondary' onClick={() => undo(session.lastBulk!.id)} disabled={busy !== undefined}>
              {`撤销刚才的全部出席（${session.lastBulk.count} 人）`}
            </BigButton>
          ) : null}
        </View>
      )}
      <Message kind='error' text={boardError} />
      {long ? <NameSearch value={query} onChange={setQuery} nothingFound={shown.length === 0} /> : null}
      {shown.map((r) => row(r))}
      <FoldedRest count={folded.length} what='出席' open={restOpen} onToggle={() => setRestOpen(!restOpen)} />
      {restOpen ? folded.map((r) => row(r)) : null}
    </View>
  );

  function row(r: BoardRow) {
    return (
      <View key={r.memberId} className='row row--attendance'>
        <Text className='row__title'>{r.name}</Text>
        <Text className='text strong'>{r.line}</Text>
        {r.said ? <Text className='text'>{r.said}</Text> : null}
        {r.reflection ? <Text className='text'>学习体会：{r.reflection}</Text> : null}
        {!readOnly && asking?.memberId === r.memberId ? (
          <View className='section section--confirm'>
            <Text className='text strong'>{asking.question}</Text>
            <BigButton onClick={() => tap(r.memberId, asking.status, true)} disabled={busy !== undefined}>
              {`确定改为${statusText(asking.status)}`}
            </BigButton>
            <BigButton variant='secondary' onClick={() => setAsking(undefined)} disabled={busy !== undefined}>
              不改
            </BigButton>
          </View>
        ) : null}
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
            <TextAreaField label={`${r.name} 的请假原因`} value={reason} maxlength={sessionLimits.leaveReason} onChange={setReason} />
            <BigButton onClick={() => saveLeave(r.memberId)} disabled={busy !== undefined}>
              {busy === r.memberId ? '正在保存……' : '保存请假'}
            </BigButton>
          </View>
        ) : null}
        {busy === r.memberId && leaveFor !== r.memberId ? <Text className='text text--muted'>正在保存……</Text> : null}
        <Message kind='error' text={rowError?.id === r.memberId ? rowError.text : undefined} />
      </View>
    );
  }
}
