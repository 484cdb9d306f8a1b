import { Text } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { callPhone } from '@/adapters/phone';
import { ContactVisitCard } from '@/components/ContactVisitCard';
import { ElderPage } from '@/components/ElderPage';
import { PendingUploads } from '@/components/PendingUploads';
import { usePendingRecords } from '@/hooks/use-pending-queue';
import { keptWords } from '@/services/pending-queue';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { useMe } from '@/hooks/use-me';
import { useMyVisits } from '@/hooks/use-visits';
import { pages, withQuery } from '@/services/routes';
import { contactOrder } from '@/services/visit-words';
import { may } from '@/services/permissions';

/** The contact's visits in time order, each with what is needed at the door and one-tap calls. */
export default function MyVisitsPage() {
  const me = useMe();
  const allowed = may(me.data, 'visit.tasks');
  const visits = useMyVisits(allowed);
  useReloadOnReturn(visits.reload);
  const list = visits.data ? contactOrder(visits.data) : undefined;
  const { entries } = usePendingRecords();
  const keptFor = (id: string) => entries.find((e) => e.kind === 'deliver' && e.state === 'waiting' && e.target.requestId === id);
  return (
    <ElderPage title='我的送学任务'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !allowed ? <Message kind='error' text='只有结对联系人可以查看送学任务。' /> : null}
      <PendingUploads kinds={['deliver']} onSent={visits.reload} />
      <LoadState loading={visits.loading && !list} error={visits.error} onRetry={visits.reload} />
      {list && list.length === 0 ? <Text className='text text--large'>现在没有送学任务。支部书记安排后会出现在这里。</Text> : null}
      {list && list.length > 0 ? <Text className='text'>按上门时间排列，最早的在最上面。</Text> : null}
      {list?.map((v) => (
        <ContactVisitCard
          key={v.id}
          visit={v}
          onCall={(phone) => void callPhone(phone)}
          onDeliver={() => openPage(withQuery(pages.visitDeliver, { id: v.id }))}
          onHandout={() => openPage(withQuery(pages.visitHandout, { id: v.id }))}
          keptText={keptFor(v.id) ? `送学记录：待上传。${keptWords}` : undefined}
        />
      ))}
    </ElderPage>
  );
}
