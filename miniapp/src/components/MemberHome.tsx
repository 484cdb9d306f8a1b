import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Me } from '@/services/types';
import { attendanceText } from '@/services/format';
import { InfoRow } from './InfoRow';
import { isProxy } from '@ltx/shared/domain/roles';

/**
 * A member's own page, or their family proxy's: who they are, then what matters most (the next
 * study, passed as children), then their branch and how they study.
 */
export function MemberHome({ me, children }: { me: Me; children?: ReactNode }) {
  const memberName = me.memberName ?? me.displayName;
  return (
    <View>
      {isProxy(me) ? <Text className='banner'>您在代 {memberName} 办理</Text> : null}
      <Text className='h1'>{memberName}</Text>
      {children}
      <Text className='h2'>支部信息</Text>
      <InfoRow label='我的支部' value={me.branchName ?? '未设定'} />
      <InfoRow label='支部书记' value={me.secretaryName ?? '未设定'} />
      <InfoRow label='我的参学方式' value={attendanceText(me.attendanceMode)} />
    </View>
  );
}
