import { View } from '@tarojs/components';
import { useState } from 'react';
import type { ManualAwardInput } from '@/services/types';
import { awardCategories, categoryText, emptyAwardForm, toAwardInput, type AwardErrors, type AwardForm as FormState } from '@/services/points-view';
import { BigButton } from './BigButton';
import { ChoiceField } from './ChoiceField';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';
import { pointsLimits } from '@ltx/shared/limits';
import { pointsWords } from '@ltx/shared/labels';

interface Props {
  busy: boolean;
  outcome: { errors: AwardErrors; formError?: string; okMessage?: string };
  /** Resolves true when the entry was recorded: the form then empties for the next one. */
  onSubmit: (input: ManualAwardInput) => Promise<boolean>;
}

const categoryChoices = awardCategories.map((value) => ({ value, label: categoryText(value) }));
const signChoices = [
  { value: 'add' as const, label: pointsWords.add },
  { value: 'subtract' as const, label: pointsWords.subtract },
];

/** "记分": category as big buttons, points in a number box, a required reason, an optional day. */
export function AwardForm({ busy, outcome, onSubmit }: Props) {
  const [form, setForm] = useState<FormState>(emptyAwardForm);
  const [local, setLocal] = useState<AwardErrors>({});
  const errors = { ...outcome.errors, ...local };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async () => {
    const checked = toAwardInput(form);
    setLocal(checked.ok ? {} : checked.errors);
    if (checked.ok && (await onSubmit(checked.value))) setForm(emptyAwardForm);
  };
  return (
    <View className='section'>
      <ChoiceField label='积分类别' choices={categoryChoices} value={form.category} onChange={(v) => set('category', v)} error={errors.category} />
      {form.category === 'adjustment' ? <ChoiceField label='加分还是扣分' choices={signChoices} value={form.sign} onChange={(v) => set('sign', v)} /> : null}
      <TextField label='分值' hint={`填 1 到 ${pointsLimits.entry} 之间的整数`} type='number' maxlength={String(pointsLimits.entry).length} value={form.points} onChange={(v) => set('points', v)} error={errors.points} />
      <TextAreaField label='事由（必填）' hint='如：参加社区义务宣讲' value={form.reason} maxlength={pointsLimits.reason} onChange={(v) => set('reason', v)} error={errors.reason} />
      <DateField label='日期（不填就是今天）' value={form.date} onChange={(v) => set('date', v)} error={errors.date} />
      <Message kind='error' text={errors.other} />
      <Message kind='error' text={outcome.formError} />
      <Message kind='ok' text={outcome.okMessage} />
      <BigButton onClick={() => void submit()} disabled={busy}>
        {busy ? '正在记分……' : '记分'}
      </BigButton>
    </View>
  );
}
