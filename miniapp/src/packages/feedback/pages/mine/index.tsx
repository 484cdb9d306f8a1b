import { Text, View } from '@tarojs/components';
import { goBack, openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { useMyFeedback } from '@/hooks/use-feedback';
import { feedbackAnswerText, feedbackHeading } from '@/services/feedback';
import { pages } from '@/services/routes';

/** 我的反馈: what the person wrote, newest first, each with the administrator's answer or that it is awaited. */
export default function MyFeedbackPage() {
  const list = useMyFeedback();
  useReloadOnReturn(list.reload);
  return (
    <ElderPage title='我的反馈'>
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && list.data.length === 0 ? <Text className='text'>您还没有提交过意见反馈。</Text> : null}
      {list.data?.map((f) => (
        <View key={f.id} className='row row--plain'>
          <Text className='row__title'>{feedbackHeading(f)}</Text>
          <Text className='text'>{f.text}</Text>
          <Text className={f.answer ? 'text strong' : 'text text--muted'}>{feedbackAnswerText(f)}</Text>
        </View>
      ))}
      <BigButton onClick={() => openPage(pages.feedbackWrite)}>写新的反馈</BigButton>
      <BigButton variant='secondary' onClick={goBack}>
        返回
      </BigButton>
    </ElderPage>
  );
}
