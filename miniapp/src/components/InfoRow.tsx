import { View, Text } from '@tarojs/components';

/** "label：value" on one line, the value in bold. */
export function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='info'>
      <Text className='info__label'>{label}：</Text>
      <Text className='info__value'>{value}</Text>
    </View>
  );
}
