import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { usePendingRecords } from '@/hooks/use-pending-queue';
import { pendingStateText, type PendingKind } from '@/services/pending-queue';
import { BigButton } from './BigButton';

interface Props {
  /** Only these kinds (the contact's task list shows deliveries); all when left out. */
  kinds?: readonly PendingKind[];
  /** Called when a kept record has just gone up, so the page can read the server's state again. */
  onSent?: () => void;
}

/**
 * The records kept on this phone: 待上传 while there is no network, then 已上传 (or why the server
 * refused one, in its words). Nothing shows when nothing was kept.
 */
export function PendingUploads({ kinds, onSent }: Props) {
  const { queue, entries } = usePendingRecords();
  const shown = entries.filter((e) => !kinds || kinds.includes(e.kind));
  const sent = shown.filter((e) => e.state === 'sent').length;
  const sentBefore = useRef(sent);
  useEffect(() => {
    if (sent > sentBefore.current) onSent?.();
    sentBefore.current = sent;
  }, [sent, onSent]);
  if (shown.length === 0) return null;
  const waiting = shown.some((e) => e.state === 'waiting');
  return (
    <View className='section'>
      <Text className='h2'>手机上的记录</Text>
      {shown.map((e) => (
        <View key={e.key} className={e.state === 'sent' ? 'row row--plain' : 'row row--plain row--warning'}>
          <Text className='row__title'>{e.title}</Text>
          <Text className='text strong'>{pendingStateText(e)}</Text>
          {e.state !== 'waiting' ? (
            <BigButton variant='secondary' onClick={() => queue.dismiss(e.key)}>
              知道了
            </BigButton>
          ) : null}
        </View>
      ))}
      {waiting ? (
        <BigButton variant='secondary' onClick={() => void queue.flush()}>
          现在上传
        </BigButton>
      ) : null}
    </View>
  );
}
