import { Text, View } from '@tarojs/components';
import type { Branch, HealthClass } from '@/services/types';
import { healthText } from '@/services/format';

const healthOrder: HealthClass[] = ['healthy', 'minor_illness', 'chronic_self_reliant', 'not_self_reliant'];

/** A branch for an inspector: counts only, never names. */
export function BranchCard({ branch }: { branch: Branch }) {
  const counts = branch.healthClassCounts ?? {};
  return (
    <View className='row row--plain'>
      <Text className='row__title'>{branch.name}</Text>
      <Text className='text'>支部书记：{branch.secretaryName ?? '未设定'}</Text>
      <Text className='text'>党员人数：{branch.memberCount} 人</Text>
      <View className='counts'>
        {healthOrder.map((h) => (
          <Text key={h} className='text counts__item'>
            {healthText(h)}：{counts[h] ?? 0} 人
          </Text>
        ))}
      </View>
    </View>
  );
}
