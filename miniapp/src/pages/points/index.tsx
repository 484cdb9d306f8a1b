import { Text } from '@tarojs/components';
import { useMemo } from 'react';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { PointsEntryRow } from '@/components/PointsEntryRow';
import { PointsSummary } from '@/components/PointsSummary';
import { useMe } from '@/hooks/use-me';
import { useMemberPoints } from '@/hooks/use-points';
import { pointsView, thisYear } from '@/services/points-view';
import { isProxy } from '@ltx/shared/domain/roles';
import { deviceNow } from '@/adapters/clock';
import { proxyNameOf } from '@/services/speaker';

/** "我的积分": the member's own year in large type, every entry with its date and reason. */
export default function MyPointsPage() {
  const me = useMe();
  const year = useMemo(() => thisYear(deviceNow()), []);
  const memberId = me.data?.memberId;
  const points = useMemberPoints(memberId, year);
  const view = points.data ? pointsView(points.data) : undefined;
  const proxy = !!me.data && isProxy(me.data);
  return (
    <ElderPage title={proxy ? `${me.data?.memberName ?? ''}的积分` : '我的积分'} proxyFor={proxyNameOf(me.data)}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !memberId ? <Message kind='error' text='只有党员本人或代办家属可以查看积分。' /> : null}
      <LoadState loading={points.loading && !view} error={points.error} onRetry={points.reload} />
      {view ? (
        <>
          <PointsSummary view={view} whose={proxy ? `${me.data?.memberName ?? ''} ` : ''} />
          <Text className='h2'>积分明细（最新的在最上面）</Text>
          {view.empty ? <Text className='text'>今年还没有积分记录。参加学习、会议后，支部登记出席就会加分。</Text> : null}
          {view.entries.map((line) => (
            <PointsEntryRow key={line.id} line={line} />
          ))}
          <Text className='text text--muted spaced-top'>积分有疑问，请告诉支部书记。记错的分由书记“更正”（撤回那一条），原来的记录仍然保留。</Text>
        </>
      ) : null}
    </ElderPage>
  );
}
