import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { acceptConfirmText, incomingText } from '@/services/transfer-words';
import type { Transfer } from '@/services/types';
import { BigButton } from './BigButton';
import { Message } from './Message';

interface Props {
  transfers: readonly Transfer[];
  /** The transfer being accepted or declined, while the request is under way. */
  busyId?: string;
  /** The API's answer when it refused, beside the transfer it was about. */
  error?: { id: string; text: string };
  onAccept: (transferId: string) => void;
  onDecline: (transferId: string) => void;
}

/**
 * "待接收的转入党员" on the secretary's home: who, from which branch, from which day (nothing about their
 * health until they are this branch's). 接收 and 不接收 each ask once more before they are sent.
 */
export function IncomingTransfers({ transfers, busyId, error, onAccept, onDecline }: Props) {
  const [asking, setAsking] = useState<{ id: string; what: 'accept' | 'decline' } | undefined>();
  if (transfers.length === 0) return null;
  return (
    <View className='section'>
      <Text className='h2'>待接收的转入党员</Text>
      {transfers.map((t) => {
        const busy = busyId === t.id;
        const ask = asking?.id === t.id ? asking.what : undefined;
        return (
          <View key={t.id} className='section section--confirm'>
            <Text className='text text--large'>{incomingText(t)}</Text>
            {t.note ? <Text className='text'>备注：{t.note}</Text> : null}
            <Message kind='error' text={error?.id === t.id ? error.text : undefined} />
            {ask === 'accept' ? <Text className='text'>{acceptConfirmText(t)}</Text> : null}
            {ask === 'decline' ? <Text className='text'>不接收后，{t.memberName}仍在{t.fromBranchName}，对方会看到“未接收”。确定不接收吗？</Text> : null}
            {ask ? (
              <>
                <BigButton onClick={() => (ask === 'accept' ? onAccept(t.id) : onDecline(t.id))} disabled={busy}>
                  {busy ? '正在办理……' : ask === 'accept' ? '确认接收' : '确认不接收'}
                </BigButton>
                <BigButton variant='secondary' onClick={() => setAsking(undefined)} disabled={busy}>
                  返回
                </BigButton>
              </>
            ) : (
              <>
                <BigButton onClick={() => setAsking({ id: t.id, what: 'accept' })}>接收</BigButton>
                <BigButton variant='secondary' onClick={() => setAsking({ id: t.id, what: 'decline' })}>
                  不接收
                </BigButton>
              </>
            )}
          </View>
        );
      })}
    </View>
  );
}
