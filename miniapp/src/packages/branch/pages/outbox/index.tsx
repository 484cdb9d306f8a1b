import { Text } from '@tarojs/components';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { OutboxRow } from '@/components/OutboxRow';
import { useMe } from '@/hooks/use-me';
import { useOutbox } from '@/hooks/use-sessions';
import { outboxOrder } from '@/services/session-list';
import { needsCall } from '@/services/session-words';
import { deviceNow } from '@/adapters/clock';

/** Reminders due: WeChat sends those the member subscribed to; the rest need a phone call. */
export default function OutboxPage() {
  const me = useMe();
  const outbox = useOutbox(me.data?.branchId);
  const entries = outbox.data ? outboxOrder(outbox.data) : undefined;
  const calls = entries?.filter(needsCall).length ?? 0;
  const now = deviceNow();
  return (
    <ElderPage title='待发提醒'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      <LoadState loading={outbox.loading && !entries} error={outbox.error} onRetry={outbox.reload} />
      {entries && entries.length === 0 ? <Text className='text'>现在没有要发的提醒。</Text> : null}
      {entries && entries.length > 0 ? (
        <Text className='text strong'>
          共 {entries.length} 条，其中 {calls} 条需要打电话通知（这些党员没有订阅微信提醒，或微信提醒次数已用完）。
        </Text>
      ) : null}
      {entries?.map((e) => <OutboxRow key={e.id} entry={e} now={now} onCalled={outbox.reload} />)}
    </ElderPage>
  );
}
