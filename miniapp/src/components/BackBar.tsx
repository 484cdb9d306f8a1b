import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { goBack } from '@/adapters/navigation';
import { needsBackBar } from '@/adapters/page-stack';
import { pressable } from '@/adapters/pressable';

/**
 * A wide "返回" bar at the top of a browser (H5) page opened from another page: the browser's own
 * back arrow is small and far away, and WeChat's is missing there. Decided after the page is in
 * the router's stack, hence the effect.
 */
export function BackBar() {
  const [shown, setShown] = useState(false);
  useEffect(() => setShown(needsBackBar()), []);
  if (!shown) return null;
  return (
    <View className='back-bar' {...pressable(goBack)}>
      <Text className='back-bar__label'>‹ 返回</Text>
    </View>
  );
}
