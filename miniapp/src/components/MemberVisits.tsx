import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { VisitRequest } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { confirmedText, memberMayConfirm, memberVisitLine } from '@/services/visit-words';
import { BigButton } from './BigButton';
import { Message } from './Message';

interface Props {
  visits: readonly VisitRequest[];
  /** "确认已送学": one tap, no second question. */
  onConfirm: (requestId: string) => Promise<unknown>;
}

/** The member's (or proxy's) open 送学上门 requests, each in words; a delivered one asks for one tap to confirm. */
export function MemberVisits({ visits, onConfirm }: Props) {
  const [busy, setBusy] = useState<string | undefined>();
  const [done, setDone] = useState<string[]>([]);
  const [error, setError] = useState<{ id: string; text: string } | undefined>();

  const confirm = async (id: string) => {
    setBusy(id);
    setError(undefined);
    try {
      await onConfirm(id);
      setDone((d) => [...d, id]);
    } catch (e) {
      setError({ id, text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  };

  if (visits.length === 0 && done.length === 0) return null;
  return (
    <View>
      {visits.map((v) =>
        done.includes(v.id) ? null : (
          <View key={v.id} className='section section--visit'>
            <Text className='text text--large strong'>{memberVisitLine(v)}</Text>
            {memberMayConfirm(v) ? (
              <BigButton onClick={() => void confirm(v.id)} disabled={busy !== undefined}>
                {busy === v.id ? '正在确认……' : '确认已送学'}
              </BigButton>
            ) : null}
            <Message kind='error' text={error?.id === v.id ? error.text : undefined} />
          </View>
        ),
      )}
      {done.length ? <Message kind='ok' text={confirmedText} /> : null}
    </View>
  );
}
