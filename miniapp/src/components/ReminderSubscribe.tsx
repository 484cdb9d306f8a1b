import { View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '@/services/api-error';
import { BigButton } from './BigButton';
import { Message } from './Message';

export type SubscribeOutcome = { ok: true } | { ok: false; message: string };

/** "订阅开会提醒": one tap asks for consent and records it; the button then says 已订阅. */
export function ReminderSubscribe({ onSubscribe }: { onSubscribe: () => Promise<SubscribeOutcome> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | undefined>();
  const tap = async () => {
    setError(undefined);
    setState('busy');
    try {
      const outcome = await onSubscribe();
      if (outcome.ok) return setState('done');
      setError(outcome.message);
    } catch (e) {
      setError(messageOf(e));
    }
    setState('idle');
  };
  return (
    <View className='field'>
      <BigButton variant={state === 'done' ? 'selected' : 'secondary'} disabled={state === 'busy'} onClick={() => state !== 'done' && void tap()}>
        {state === 'done' ? '✓ 已订阅开会提醒' : state === 'busy' ? '正在订阅……' : '订阅开会提醒'}
      </BigButton>
      <Message kind='ok' text={state === 'done' ? '已订阅：开会前一天和发布学习材料时，会提醒您。' : undefined} />
      <Message kind='error' text={error} />
    </View>
  );
}
