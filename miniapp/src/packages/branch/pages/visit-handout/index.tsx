import { Text, View } from '@tarojs/components';
import { usePageParam } from '@/adapters/page-hooks';
import { canPrint, printPage } from '@/adapters/print';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { useSession } from '@/hooks/use-sessions';
import { useVisit } from '@/hooks/use-visits';
import { handoutParagraphs } from '@/services/handout';
import { clockText, sessionDateText } from '@/services/session-time';
import { kindText } from '@/services/session-words';

/**
 * 送学上门's handout: the study material in large print (at least 20 pt, on paper too), for the contact to
 * print and leave with the member, who can read it again after the visit.
 */
export default function VisitHandoutPage() {
  const id = usePageParam('id');
  const visit = useVisit(id);
  const session = useSession(visit.data?.sessionId);
  if (!id) return <ElderPage title='大字学习材料'><Message kind='error' text='没有指定送学任务。请返回任务列表重新选择。' /></ElderPage>;
  const v = visit.data;
  const s = session.data;
  return (
    <ElderPage title='大字学习材料'>
      <LoadState loading={visit.loading && !v} error={visit.error} onRetry={visit.reload} />
      {v && !v.sessionId ? <Message kind='error' text='这次送学没有对应的学习，没有材料可以打印。' /> : null}
      <LoadState loading={session.loading && !s} error={session.error} onRetry={session.reload} />
      {v && s ? (
        <View className='handout'>
          {canPrint() ? (
            <View className='no-print'>
              <BigButton onClick={printPage}>打印这份材料</BigButton>
            </View>
          ) : (
            <Text className='text no-print'>微信里不能打印。请在电脑上打开本页打印，或把手机上的大字给{v.memberName}看。</Text>
          )}
          <Text className='handout__title'>{s.topic}</Text>
          <Text className='handout__text'>{`${kindText(s.kind)}：${sessionDateText(s.startsAt)} ${clockText(s.startsAt)}`}</Text>
          <Text className='handout__text'>{`送给：${v.memberName}`}</Text>
          {handoutParagraphs(s.materialText).map((p, i) => (
            <Text key={i} className='handout__text'>
              {p}
            </Text>
          ))}
        </View>
      ) : null}
    </ElderPage>
  );
}
