import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { BranchContact, VisitScheduleInput } from '@/services/types';
import { toScheduleInput, type ScheduleErrors, type ScheduleForm as FormState } from '@/services/visit-forms';
import { BigButton } from './BigButton';
import { ChoiceField } from './ChoiceField';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextField } from './TextField';
import { TimeField } from './TimeField';
import { visitLimits } from '@ltx/shared/limits';

interface Props {
  initial: FormState;
  contacts: readonly BranchContact[];
  /** "保存安排" or "保存改期". */
  submitLabel: string;
  /** A change of time: the form asks why, for the member's and their family's home (变动通知). */
  rescheduling?: boolean;
  busy: boolean;
  /** Field messages from the API, and the overall message. */
  outcome: { errors: ScheduleErrors; formError?: string };
  onSubmit: (input: VisitScheduleInput) => void;
  onCancel: () => void;
}

/** Who goes and when: contacts as big buttons, the day and the hours as number boxes (no wheel, no pop-up). */
export function ScheduleForm({ initial, contacts, submitLabel, rescheduling, busy, outcome, onSubmit, onCancel }: Props) {
  const [form, setForm] = useState<FormState>(initial);
  const [local, setLocal] = useState<ScheduleErrors>({});
  const errors = { ...outcome.errors, ...local };
  const submit = () => {
    const checked = toScheduleInput(form);
    setLocal(checked.ok ? {} : checked.errors);
    if (checked.ok) onSubmit(checked.value);
  };
  return (
    <View className='section section--confirm'>
      {contacts.length === 0 ? <Text className='text'>支部还没有结对联系人，请先在党员名单里为党员设定联系人。</Text> : null}
      <ChoiceField
        label='送学联系人'
        choices={contacts.map((c) => ({ value: c.userId, label: c.name }))}
        value={form.contactUserId}
        onChange={(contactUserId) => setForm({ ...form, contactUserId })}
        error={errors.contactUserId}
      />
      <DateField label='上门日期' value={form.date} onChange={(date) => setForm({ ...form, date })} error={errors.date} />
      <TimeField label='从几点（开始时间）' value={form.start} onChange={(start) => setForm({ ...form, start })} error={errors.start} />
      <TimeField label='到几点（结束时间）' value={form.end} onChange={(end) => setForm({ ...form, end })} error={errors.end} />
      {rescheduling ? (
        <TextField
          label='改期原因'
          hint='党员和家属会在首页看到新的时间和这个原因'
          value={form.reason ?? ''}
          maxlength={visitLimits.changeReason}
          onChange={(reason) => setForm({ ...form, reason })}
          error={errors.reason}
        />
      ) : null}
      <Message kind='error' text={errors.other} />
      <Message kind='error' text={outcome.formError} />
      <BigButton onClick={submit} disabled={busy}>
        {busy ? '正在保存……' : submitLabel}
      </BigButton>
      <BigButton variant='secondary' onClick={onCancel} disabled={busy}>
        先不安排
      </BigButton>
    </View>
  );
}
