import { Text, View } from '@tarojs/components';
import type { PointsViewState } from '@/services/points-view';

/** The year's total in big numerals, then each category in words. No ranking, no comparison. */
export function PointsSummary({ view, whose }: { view: PointsViewState; whose: string }) {
  if (view.off) return <Text className='banner'>{view.off}</Text>;
  return (
    <View className='points-total'>
      <Text className='points-total__label'>
        {whose}
        {view.year}年积分
      </Text>
      <Text className='points-total__number'>{view.total} 分</Text>
      <Text className='text'>{view.base}</Text>
      {view.categories.length ? (
        view.categories.map((c) => (
          <Text key={c} className='text text--large'>
            {c}
          </Text>
        ))
      ) : (
        <Text className='text'>今年还没有加分记录。</Text>
      )}
    </View>
  );
}
