import { Text, View } from '@tarojs/components';
import type { SessionSummary } from '@/services/types';
import { whenText } from '@/services/session-time';
import { kindText, sessionStateText } from '@/services/session-words';
import { pressable } from '@/adapters/pressable';

/** One session in a list: a whole block to tap, every fact in words. */
export function SessionRow({ session, onOpen }: { session: SessionSummary; onOpen: () => void }) {
  return (
    <View className='row' hoverClass='row--plain' {...pressable(onOpen)}>
      <Text className='row__title'>{kindText(session.kind)}</Text>
      <Text className='text'>主题：{session.topic}</Text>
      <Text className='text'>时间：{whenText(session.startsAt)}</Text>
      <Text className='text'>地点：{session.place}</Text>
      <Text className='text'>
        状态：{sessionStateText(session.status)}，应到 {session.expectedCount} 人
      </Text>
      <Text className='row__hint'>点此打开 ›</Text>
    </View>
  );
}
