import { Text, View } from '@tarojs/components';
import type { PendingChange } from '@/services/types';
import { describePatch } from '@/services/change-text';
import { whenText } from '@/services/session-time';
import { BigButton } from './BigButton';
import { Message } from './Message';

interface Props {
  change: PendingChange;
  onApprove: () => void;
  busy: boolean;
  error?: string;
}

/** A paired contact's proposed change, field by field in words, with the approve button. */
export function PendingChangeCard({ change, onApprove, busy, error }: Props) {
  return (
    <View className='section'>
      <Text className='text strong'>提交时间：{whenText(change.proposedAt)}</Text>
      {describePatch(change.patch).map((line) => (
        <Text key={line} className='text'>
          {line}
        </Text>
      ))}
      <BigButton onClick={onApprove} disabled={busy}>
        {busy ? '正在提交……' : '同意这项修改'}
      </BigButton>
      <Message kind='error' text={error} />
    </View>
  );
}
