import { Text, View } from '@tarojs/components';
import type { QuietMember } from '@/services/types';
import { dateText } from '@/services/format';
import { lastCallText, quietUntilText } from '@/services/call-words';
import { pressable } from '@/adapters/pressable';
import { CallPanel } from './CallPanel';

interface Props {
  member: QuietMember;
  onOpen: () => void;
  /** After "已联系" is recorded: the page reloads, and the warning rests. */
  onCalled: () => void;
  /** A member already reached lately: the row says so and rests, still with the call button. */
  resting?: boolean;
}

/** A member who has not taken part for five months or more: call (one tap) or visit before the six-month rule. */
export function QuietMemberRow({ member, onOpen, onCalled, resting = false }: Props) {
  return (
    <View className={resting ? 'row row--plain' : 'row row--warning'}>
      <View hoverClass='row--plain' {...pressable(onOpen)}>
        <Text className='row__title'>{resting ? '' : '⚠ '}{member.name}</Text>
        <Text className='text'>已经 {member.quietMonths} 个月没有参加组织生活</Text>
        <Text className='text'>{member.lastParticipatedAt ? `上次参加：${dateText(member.lastParticipatedAt)}` : '还没有参加记录'}</Text>
        {member.lastCall ? <Text className='text strong'>{lastCallText(member.lastCall)}</Text> : null}
        {resting && member.lastCall ? <Text className='text'>{quietUntilText(member.lastCall.quietUntil)}</Text> : null}
        <Text className='row__hint'>点此查看这位党员 ›</Text>
      </View>
      <CallPanel memberId={member.memberId} who={member.name} phone={member.phone} askPause onRecorded={onCalled} />
    </View>
  );
}
