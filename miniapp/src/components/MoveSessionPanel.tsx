import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { sessionLimits } from '@ltx/shared/limits';
import { ApiError, messageOf } from '@/services/api-error';
import { moveErrorsFromApi, moveFormFrom, toMoveInput, type MoveSessionErrors, type MoveSessionForm } from '@/services/move-session-form';
import type { SessionDetail, SessionPatchInput } from '@/services/types';
import { BigButton } from './BigButton';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextField } from './TextField';
import { TimeField } from './TimeField';

interface Props {
  session: SessionDetail;
  onSave: (patch: SessionPatchInput) => Promise<unknown>;
}

/**
 * 改时间或地点, before the session begins: the new day, hour and place, and why. The members it expects
 * then find it on their home with the reason (变动通知); "先不改" closes the panel and changes nothing.
 */
export function MoveSessionPanel({ session, onSave }: Props) {
  const [form, setForm] = useState<MoveSessionForm | undefined>();
  const [errors, setErrors] = useState<MoveSessionErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (!form) {
    return (
      <View>
        <Message kind='ok' text={saved} />
        <BigButton variant='secondary' onClick={() => { setSaved(undefined); setErrors({}); setFormError(undefined); setForm(moveFormFrom(session)); }}>
          改时间或地点
        </BigButton>
      </View>
    );
  }

  const save = async () => {
    const checked = toMoveInput(form, session);
    setErrors(checked.ok ? {} : checked.errors);
    setFormError(undefined);
    if (!checked.ok) return;
    setBusy(true);
    try {
      await onSave(checked.value);
      setForm(undefined);
      setSaved('已改好。应到的党员（和家属）会在首页看到新的安排和原因。');
    } catch (e) {
      setErrors(e instanceof ApiError ? moveErrorsFromApi(e.fieldMessages()) : {});
      setFormError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='section section--confirm'>
      <Text className='h2'>改时间或地点</Text>
      <DateField label='日期' value={{ year: form.when.year, month: form.when.month, day: form.when.day }} onChange={(d) => setForm({ ...form, when: { ...form.when, ...d } })} error={errors.date} />
      <TimeField label='开始时间（北京时间）' value={{ hour: form.when.hour, minute: form.when.minute }} onChange={(t) => setForm({ ...form, when: { ...form.when, ...t } })} error={errors.time} />
      <TextField label='地点' value={form.place} maxlength={sessionLimits.place} onChange={(place) => setForm({ ...form, place })} error={errors.place} />
      <TextField
        label='改期原因'
        hint='党员和家属会在首页看到新的安排和这个原因'
        value={form.reason}
        maxlength={sessionLimits.changeReason}
        onChange={(reason) => setForm({ ...form, reason })}
        error={errors.reason}
      />
      <Message kind='error' text={errors.other} />
      <Message kind='error' text={formError} />
      <BigButton onClick={() => void save()} disabled={busy}>
        {busy ? '正在保存……' : '保存，并告诉党员'}
      </BigButton>
      <BigButton variant='secondary' onClick={() => setForm(undefined)} disabled={busy}>
        先不改
      </BigButton>
    </View>
  );
}
