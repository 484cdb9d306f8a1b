import { Text, View } from '@tarojs/components';
import type { OutboxEntry } from '@/services/types';
import { whenText } from '@/services/session-time';
import { channelText, needsCall, outboxStatusText, reminderKindText } from '@/services/session-words';
import { CallPanel } from './CallPanel';

/** A reminder waiting to go out: by WeChat, or by a phone call (one tap, then "已电话通知") when the member has not subscribed. */
export function OutboxRow({ entry, now, onCalled }: { entry: OutboxEntry; now: Date; onCalled: () => void }) {
  const phone = needsCall(entry);
  return (
    <View className={phone ? 'row row--plain row--warning' : 'row row--plain'}>
      <Text className='row__title'>{entry.memberName}</Text>
      <Text className='text strong'>{phone ? '☎ 需电话通知' : `✉ ${channelText(entry.channel)}`}</Text>
      <Text className='text'>{reminderKindText(entry.kind)}：{entry.text}</Text>
      <Text className='text'>发送时间：{whenText(entry.dueAt)}</Text>
      <Text className='text'>状态：{outboxStatusText(entry, now)}</Text>
      {phone ? <CallPanel memberId={entry.memberId} who={entry.memberName} phone={entry.phone} outboxId={entry.id} onRecorded={onCalled} /> : null}
    </View>
  );
}
