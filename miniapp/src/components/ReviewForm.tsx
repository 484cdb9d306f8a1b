import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ReviewInput } from '@/services/types';
import { emptyReview, newItem, toReviewInput, type ReviewErrors, type ReviewFormState } from '@/services/review-form';
import { BigButton } from './BigButton';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { inspectionLimits } from '@ltx/shared/limits';

interface Props {
  period: string;
  /** Today in China, YYYY-MM-DD: the deadline boxes start a month later. */
  today: string;
  /** Sends the review; resolves with the API's field errors and message, or nothing when it was saved. */
  onSubmit: (input: ReviewInput, form: ReviewFormState) => Promise<{ errors: ReviewErrors; message?: string } | undefined>;
}

/** "督导意见" and any number of rectification items, each what + deadline in number boxes. */
export function ReviewForm({ period, today, onSubmit }: Props) {
  const [form, setForm] = useState<ReviewFormState>(emptyReview);
  const [errors, setErrors] = useState<ReviewErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [ok, setOk] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const setItem = (key: string, change: Partial<ReviewFormState['items'][number]>) =>
    setForm((f) => ({ ...f, items: f.items.map((i) => (i.key === key ? { ...i, ...change } : i)) }));

  const submit = async () => {
    setOk(undefined);
    setFormError(undefined);
    const checked = toReviewInput(period, form);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    try {
      const failed = await onSubmit(checked.value, form);
      if (failed) {
        setErrors(failed.errors);
        setFormError(failed.message);
        return;
      }
      setForm(emptyReview);
      setOk(checked.value.items.length ? `督导意见已提交，含整改事项 ${checked.value.items.length} 项，见上面的列表。` : '督导意见已提交，见上面的列表。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <TextAreaField
        label='督导意见（必填）'
        hint='对本期台账的总体意见'
        value={form.opinion}
        maxlength={inspectionLimits.opinion}
        onChange={(v) => setForm((f) => ({ ...f, opinion: v }))}
        error={errors.opinion}
      />
      {form.items.map((item, i) => {
        const e = errors.items?.[item.key] ?? {};
        return (
          <View key={item.key} className='section'>
            <Text className='text strong'>{`第 ${i + 1} 项整改事项`}</Text>
            <TextAreaField label={`第 ${i + 1} 项：要整改什么`} value={item.what} maxlength={inspectionLimits.itemWhat} onChange={(v) => setItem(item.key, { what: v })} error={e.what} />
            <DateField label={`第 ${i + 1} 项：整改期限`} value={item.deadline} onChange={(v) => setItem(item.key, { deadline: v })} error={e.deadline} />
            <BigButton variant='secondary' onClick={() => setForm((f) => ({ ...f, items: f.items.filter((x) => x.key !== item.key) }))}>
              {`删除第 ${i + 1} 项`}
            </BigButton>
          </View>
        );
      })}
      {form.items.length < 20 ? (
        <BigButton variant='secondary' onClick={() => setForm((f) => ({ ...f, items: [...f.items, newItem(today)] }))}>
          ＋ 添加一项整改事项
        </BigButton>
      ) : null}
      <Message kind='error' text={errors.other} />
      <Message kind='error' text={formError} />
      <Message kind='ok' text={ok} />
      <BigButton onClick={() => void submit()} disabled={busy}>
        {busy ? '正在提交……' : '提交督导意见'}
      </BigButton>
    </View>
  );
}
