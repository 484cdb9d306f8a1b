import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AttendanceStatus, SessionDetail } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { emptyAmendment, toAmendmentInput, type AmendmentErrors, type AmendmentFormState } from '@/services/minutes-form';
import type { AmendmentInput } from '@/services/types';
import { whenText } from '@/services/session-time';
import { attendanceStatusOrder, statusText } from '@/services/session-words';
import { BigButton } from './BigButton';
import { ChoiceField } from './ChoiceField';
import { InfoRow } from './InfoRow';
import { FoldedRest } from './FoldedRest';
import { Message } from './Message';
import { NameSearch } from './NameSearch';
import { foldFrom, foldList } from '@/services/name-list';
import { TextAreaField } from './TextAreaField';
import { amendmentLimits, sessionLimits } from '@ltx/shared/limits';

/**
 * "结束并归档": the first tap shows what it means and a second button; nothing pops up. A 支部党员大会
 * or 支委会 without minutes asks for the reason there are none, which stays on the record.
 */
export function CloseSession({ onClose, needsReason = false }: { onClose: (noMinutesReason?: string) => Promise<void>; needsReason?: boolean }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const confirm = async () => {
    const why = reason.trim();
    if (needsReason && !why) return setReasonError('没有会议记录的原因：请写明，例如“纸质记录存于支部”');
    if (why.length > 200) return setReasonError('没有会议记录的原因：最多 200 个字');
    setReasonError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      await onClose(needsReason ? why : undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <Text className='text'>出席和会议记录都填好后，点“结束并归档”。归档后记录不能直接修改，只能添加更正说明。</Text>
      <BigButton variant={asking ? 'selected' : 'primary'} onClick={() => setAsking(!asking)} disabled={busy}>
        {asking ? '结束并归档（请在下面确认）' : '结束并归档'}
      </BigButton>
      {asking ? (
        <View className='section section--confirm'>
          <Text className='text text--large strong'>确定要归档吗？归档后出席和会议记录都不能再直接修改。</Text>
          {needsReason ? (
            <View>
              <Text className='text strong'>这次会议还没有会议记录。支部党员大会和支委会应当有会议记录；确实没有的，请写明原因，原因会留在台账上。</Text>
              <TextAreaField label='没有会议记录的原因' value={reason} maxlength={sessionLimits.noMinutesReason} onChange={setReason} error={reasonError} />
            </View>
          ) : null}
          <BigButton onClick={() => void confirm()} disabled={busy}>
            {busy ? '正在归档……' : '确认归档'}
          </BigButton>
          <BigButton variant='secondary' onClick={() => setAsking(false)} disabled={busy}>
            先不归档
          </BigButton>
        </View>
      ) : null}
      <Message kind='error' text={error} />
    </View>
  );
}

/** The corrections appended to a closed record: when, who, why and what. */
export function AmendmentList({ session }: { session: Pick<SessionDetail, 'amendments' | 'attendance'> }) {
  if (session.amendments.length === 0) return <Text className='text'>还没有更正说明。</Text>;
  const nameOf = (id: string) => session.attendance.find((a) => a.memberId === id)?.memberName ?? '一位党员';
  return (
    <View>
      {session.amendments.map((a, i) => (
        <View key={a.id} className='section'>
          <Text className='text strong'>第 {i + 1} 条更正</Text>
          <InfoRow label='时间' value={whenText(a.at)} />
          <InfoRow label='更正人' value={a.byName} />
          <InfoRow label='原因' value={a.reason} />
          {a.note ? <InfoRow label='更正内容' value={a.note} /> : null}
          {a.attendance ? (
            <InfoRow
              label='出席更正'
              value={`${nameOf(a.attendance.memberId)} 改为 ${statusText(a.attendance.status)}${a.attendance.reason ? `（${a.attendance.reason}）` : ''}`}
            />
          ) : null}
        </View>
      ))}
    </View>
  );
}

const whatChoices = [
  { value: 'note' as const, label: '补充或更正记录内容' },
  { value: 'attendance' as const, label: '更正某位党员的出席情况' },
];

/** "添加更正": a reason is required, then either a note or one member's attendance. */
export function AmendmentForm({
  session,
  onSubmit,
  outcome,
}: {
  session: Pick<SessionDetail, 'attendance'>;
  onSubmit: (input: AmendmentInput) => Promise<boolean>;
  outcome: { errors: AmendmentErrors; formError?: string; okMessage?: string };
}) {
  const [form, setForm] = useState<AmendmentFormState>(emptyAmendment);
  const [local, setLocal] = useState<AmendmentErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AmendmentFormState>(key: K, value: AmendmentFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errors = { ...outcome.errors, ...local };
  const [query, setQuery] = useState('');
  const [restOpen, setRestOpen] = useState(false);
  const long = session.attendance.length >= foldFrom;
  const { shown, folded } = long
    ? foldList(session.attendance, { name: (a) => a.memberName, ordinary: (a) => a.status === 'present', query, keep: (a) => a.memberId === form.memberId })
    : { shown: session.attendance, folded: [] };
  const memberChoices = [...shown, ...(restOpen ? folded : [])].map((a) => ({ value: a.memberId, label: `${a.memberName}（现为${statusText(a.status)}）` }));
  const statusChoices = attendanceStatusOrder.map((s) => ({ value: s, label: statusText(s) }));

  const submit = async () => {
    const checked = toAmendmentInput(form);
    setLocal(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    const ok = await onSubmit(checked.value).finally(() => setBusy(false));
    if (ok) setForm(emptyAmendment);
  };

  return (
    <View>
      <TextAreaField label='更正原因（必填）' hint='如：会后核实，某某同志实际到会' value={form.reason} maxlength={amendmentLimits.reason} onChange={(v) => set('reason', v)} error={errors.reason} />
      <ChoiceField label='更正什么' choices={whatChoices} value={form.what} onChange={(v) => set('what', v)} />
      {form.what === 'note' ? (
        <TextAreaField label='更正内容' value={form.note} maxlength={amendmentLimits.note} onChange={(v) => set('note', v)} error={errors.note} />
      ) : (
        <View>
          {long ? <NameSearch value={query} onChange={setQuery} /> : null}
          <ChoiceField label='哪位党员' choices={memberChoices} value={form.memberId} onChange={(v) => set('memberId', v)} error={errors.memberId} />
          <FoldedRest count={folded.length} what='出席' open={restOpen} onToggle={() => setRestOpen(!restOpen)} />
          <ChoiceField<AttendanceStatus> label='改为' choices={statusChoices} value={form.status} onChange={(v) => set('status', v)} error={errors.status} />
          {form.status === 'excused' ? (
            <TextAreaField label='请假原因' value={form.leaveReason} maxlength={sessionLimits.leaveReason} onChange={(v) => set('leaveReason', v)} error={errors.leaveReason} />
          ) : null}
        </View>
      )}
      <Message kind='error' text={outcome.formError} />
      <Message kind='error' text={errors.other} />
      <Message kind='ok' text={outcome.okMessage} />
      <BigButton onClick={() => void submit()} disabled={busy}>
        {busy ? '正在提交……' : '添加更正'}
      </BigButton>
    </View>
  );
}
