import { Text, View } from '@tarojs/components';
import type { QuietMember } from '@/services/types';
import { dateText } from '@/services/format';
import { pressable } from '@/adapters/pressable';

/** A member who has not taken part for five months or more: call or visit before the six-month rule. */
export function QuietMemberRow({ member, onOpen }: { member: QuietMember; onOpen: () => void }) {
  return (
    <View className='row row--warning' hoverClass='row--plain' {...pressable(onOpen)}>
      <Text className='row__title'>⚠ {member.name}</Text>
      <Text className='text'>已经 {member.quietMonths} 个月没有参加组织生活</Text>
      <Text className='text'>{member.lastParticipatedAt ? `上次参加：${dateText(member.lastParticipatedAt)}` : '还没有参加记录'}</Text>
      <Text className='row__hint'>点此查看这位党员 ›</Text>
    </View>
  );
}
