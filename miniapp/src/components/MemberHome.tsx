import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Me } from '@/services/types';
import { attendanceText } from '@/services/format';
import { InfoRow } from './InfoRow';
import { proxyNameOf, speakerFor } from '@/services/speaker';

/**
 * A member's own page, or their family proxy's: who they are, then what matters most (the next
 * study, passed as children), then their branch and how they study.
 */
export function MemberHome({ me, children }: { me: Me; children?: ReactNode }) {
  const memberName = me.memberName ?? me.displayName;
  // The proxy banner is the page frame's (ElderPage), so it stays in view; here the labels name the elder.
  const who = speakerFor(proxyNameOf(me));
  return (
    <View>
      <Text className='h1'>{memberName}</Text>
      {children}
      <Text className='h2'>支部信息</Text>
      <InfoRow label={`${who.i}的支部`} value={me.branchName ?? '未设定'} />
      <InfoRow label='支部书记' value={me.secretaryName ?? '未设定'} />
      <InfoRow label={`${who.i}的参学方式`} value={attendanceText(me.attendanceMode)} />
    </View>
  );
}
