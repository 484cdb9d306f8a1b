import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { EntryLine } from '@/services/points-view';

/** One ledger line: date, what for and the points in words; a reversed line says so in words. */
export function PointsEntryRow({ line, children }: { line: EntryLine; children?: ReactNode }) {
  return (
    <View className={line.mark ? 'row row--plain points-entry points-entry--marked' : 'row row--plain points-entry'}>
      <Text className='text strong'>{line.date}</Text>
      <Text className='text text--large strong'>
        {line.title}：{line.points}
      </Text>
      <Text className='text'>事由：{line.reason}</Text>
      {line.mark ? <Text className='text strong points-entry__mark'>{line.mark}</Text> : null}
      {children}
    </View>
  );
}
