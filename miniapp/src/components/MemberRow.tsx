import { Text, View } from '@tarojs/components';
import type { MemberSummary } from '@/services/types';
import { attendanceText, genderText } from '@/services/format';
import { pressable } from '@/adapters/pressable';

/** One member in the branch list: a whole block to tap, facts in words. */
export function MemberRow({ member, onOpen }: { member: MemberSummary; onOpen: () => void }) {
  const facts = [
    `${genderText(member.gender)}，${member.age} 岁`,
    member.partyGroup ? `党小组：${member.partyGroup}` : '党小组：未分组',
    `电话：${member.phoneMasked ?? '未填写'}`,
    `参学方式：${attendanceText(member.attendanceMode)}`,
    member.bound ? '微信：已绑定' : '微信：未绑定',
  ];
  return (
    <View className='row' hoverClass='row--plain' {...pressable(onOpen)}>
      <Text className='row__title'>{member.name}</Text>
      {facts.map((f) => (
        <Text key={f} className='text'>
          {f}
        </Text>
      ))}
      <Text className='row__hint'>点此查看详情 ›</Text>
    </View>
  );
}
