import { View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '@/services/api-error';
import { BigButton } from './BigButton';
import { Message } from './Message';

/** `remaining`: how many meeting reminders WeChat will now carry to this person. */
export type SubscribeOutcome = { ok: true; remaining: number } | { ok: false; message: string };

/**
 * "订阅开会提醒": one tap asks WeChat's sheet and records the agreement. A WeChat agreement carries one reminder,
 * so the page says how many are left and the button stays, to add one more at any time; it never promises more.
 */
export function ReminderSubscribe({ onSubscribe }: { onSubscribe: () => Promise<SubscribeOutcome> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [remaining, setRemaining] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const tap = async () => {
    setError(undefined);
    setState('busy');
    try {
      const outcome = await onSubscribe();
      if (outcome.ok) {
        setRemaining(outcome.remaining);
        return setState('done');
      }
      setError(outcome.message);
    } catch (e) {
      setError(messageOf(e));
    }
    setState('idle');
  };
  return (
    <View className='field'>
      <BigButton variant='secondary' disabled={state === 'busy'} onClick={() => void tap()}>
        {state === 'done' ? '再订阅一次（多收一次提醒）' : state === 'busy' ? '正在订阅……' : '订阅开会提醒'}
      </BigButton>
      <Message kind='ok' text={state === 'done' ? `已订阅：微信还会提醒您 ${remaining} 次开会。每点一次“订阅”，多收一次提醒；没有提醒时，支部会打电话通知您。` : undefined} />
      <Message kind='error' text={error} />
    </View>
  );
}
