import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { goBack } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { SectionTabs } from '@/components/SectionTabs';
import { TextAreaField } from '@/components/TextAreaField';
import { useMe } from '@/hooks/use-me';
import { useOrgFeedback } from '@/hooks/use-feedback';
import { answerProblem, feedbackAnswerText, feedbackHeading, feedbackSender } from '@/services/feedback';
import { may } from '@/services/permissions';
import type { Feedback, FeedbackStatus } from '@/services/types';
import { feedbackStatusLabels } from '@ltx/shared/labels';
import { feedbackLimits } from '@ltx/shared/limits';

/** The administrator's 意见反馈: the subtree's open messages (待回复), each with a box to answer, and those answered. */
export default function FeedbackAnswerPage() {
  const me = useMe();
  const [status, setStatus] = useState<FeedbackStatus>('open');
  const orgId = may(me.data, 'feedback.list') ? (me.data?.orgId ?? undefined) : undefined;
  const feedback = useOrgFeedback(orgId, status);
  useReloadOnReturn(feedback.list.reload);
  const items = feedback.list.data;

  return (
    <ElderPage title='处理意见反馈'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      <SectionTabs tabs={(['open', 'answered'] as const).map((s) => ({ value: s, label: feedbackStatusLabels[s] }))} value={status} onChange={setStatus} />
      <LoadState loading={feedback.list.loading && !items} error={feedback.list.error} onRetry={feedback.list.reload} />
      {items && items.length === 0 ? <Text className='text'>{status === 'open' ? '没有待回复的意见反馈。' : '还没有答复过的意见反馈。'}</Text> : null}
      {items?.map((f) => (
        <View key={f.id} className='row row--plain'>
          <Text className='row__title'>{feedbackHeading(f)}</Text>
          <Text className='text'>{feedbackSender(f)}</Text>
          <Text className='text text--large'>{f.text}</Text>
          {f.status === 'answered' ? (
            <Text className='text strong'>{feedbackAnswerText(f)}</Text>
          ) : (
            <AnswerBox feedback={f} busy={feedback.busy === f.id} error={feedback.errors[f.id]} onAnswer={(text) => feedback.answer(f.id, text)} />
          )}
        </View>
      ))}
      <BigButton variant='secondary' onClick={goBack}>
        返回
      </BigButton>
    </ElderPage>
  );
}

function AnswerBox({ feedback, busy, error, onAnswer }: { feedback: Feedback; busy: boolean; error?: string; onAnswer: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = async () => {
    const p = answerProblem(text);
    setProblem(p);
    if (!p && (await onAnswer(text))) setText('');
  };
  return (
    <View>
      <TextAreaField label={`答复${feedback.senderName}`} value={text} onChange={setText} error={problem} maxlength={feedbackLimits.answer} />
      <Message kind='error' text={error} />
      <BigButton onClick={() => void submit()} disabled={busy}>
        {busy ? '正在提交…' : '提交答复'}
      </BigButton>
    </View>
  );
}
