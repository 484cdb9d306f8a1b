import { Text, View } from '@tarojs/components';
import type { Invite } from '@/services/types';
import { whenText } from '@/services/session-time';

const kindText = { self: '党员本人', proxy: '家属代办' } as const;

/** A fresh invite code in huge type, to be read out or written down for the member. */
export function InviteCode({ invite }: { invite: Invite }) {
  return (
    <View className='section'>
      <Text className='text strong'>{kindText[invite.kind]}绑定邀请码：</Text>
      <Text className='code'>{invite.code}</Text>
      <Text className='text'>有效期至 {whenText(invite.expiresAt)}</Text>
      <Text className='text text--muted'>请在“绑定”页面输入这 6 个字母或数字。</Text>
    </View>
  );
}
