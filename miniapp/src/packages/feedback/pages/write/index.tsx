import { Text } from '@tarojs/components';
import { useState } from 'react';
import { goBack, openPage, replacePage } from '@/adapters/navigation';
import { BigButton } from '@/components/BigButton';
import { ChoiceField } from '@/components/ChoiceField';
import { ElderPage } from '@/components/ElderPage';
import { Message } from '@/components/Message';
import { TextAreaField } from '@/components/TextAreaField';
import { useSendFeedback } from '@/hooks/use-feedback';
import { aboutChoices, emptyFeedbackForm, feedbackKindChoices, toFeedbackInput, type FeedbackForm } from '@/services/feedback';
import { feedbackLimits } from '@ltx/shared/limits';
import { pages } from '@/services/routes';

/**
 * 意见反馈: choose 意见建议, 投诉 or 求助, write (or say it with the keyboard's voice input), send. The message goes
 * to the administrators of the organisation above the branch; the answer shows on 我的反馈.
 */
export default function FeedbackWritePage() {
  const [form, setForm] = useState<FeedbackForm>(emptyFeedbackForm);
  const [errors, setErrors] = useState<Partial<Record<'kind' | 'text', string>>>({});
  const sending = useSendFeedback();

  const submit = async () => {
    const checked = toFeedbackInput(form);
    setErrors(checked.errors);
    if (!checked.input) return;
    if (await sending.send(checked.input)) setForm(emptyFeedbackForm);
  };

  if (sending.sent) {
    return (
      <ElderPage title='意见反馈'>
        <Message kind='ok' text='已提交，谢谢您。管理员答复后，可以在“我的反馈”里看到。' />
        <BigButton onClick={() => replacePage(pages.myFeedback)}>看我的反馈</BigButton>
        <BigButton variant='secondary' onClick={sending.again}>
          再写一条
        </BigButton>
        <BigButton variant='secondary' onClick={goBack}>
          返回
        </BigButton>
      </ElderPage>
    );
  }

  return (
    <ElderPage title='意见反馈'>
      <Text className='text'>您的意见、投诉或求助会送到上级组织的管理员，由管理员答复。</Text>
      <ChoiceField label='类别' choices={feedbackKindChoices} value={form.kind} onChange={(kind) => setForm({ ...form, kind })} error={errors.kind} />
      <TextAreaField
        label='内容'
        hint='可以用输入法的语音输入：点键盘上的话筒，说完后看一下文字对不对。'
        value={form.text}
        onChange={(text) => setForm({ ...form, text })}
        error={errors.text}
        maxlength={feedbackLimits.text}
        tall
      />
      <ChoiceField label='是否关于本支部的工作（可不选）' choices={aboutChoices} value={form.about} onChange={(about) => setForm({ ...form, about })} />
      <Message kind='error' text={sending.error} />
      <BigButton onClick={() => void submit()} disabled={sending.busy}>
        {sending.busy ? '正在提交…' : '提交'}
      </BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.myFeedback)}>
        我的反馈
      </BigButton>
      <BigButton variant='secondary' onClick={goBack}>
        返回
      </BigButton>
    </ElderPage>
  );
}
