import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { noticeWords } from '@ltx/shared/wording/notice-words';
import { deviceNow } from '@/adapters/clock';
import { messageOf } from '@/services/api-error';
import type { Notice } from '@/services/types';
import { BigButton } from './BigButton';
import { Message } from './Message';

interface Props {
  /** As loaded (undefined while loading): a new load replaces what 知道了 left. */
  notices: readonly Notice[] | undefined;
  /** 知道了: answers the notices still unseen. */
  onSeen: (noticeId: string) => Promise<readonly Notice[]>;
}

/**
 * 变动通知 at the top of the member's (or their family's) home: what the branch scheduled, moved or
 * cancelled, the reason, and who told them. It stays until this reader taps 知道了, one tap, nothing asked:
 * the notice only leaves their own page.
 */
export function ChangeNotices({ notices, onSeen }: Props) {
  // What the last 知道了 answered, for the load it was made on.
  const [answer, setAnswer] = useState<{ on: readonly Notice[] | undefined; left: readonly Notice[] }>();
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<{ id: string; text: string } | undefined>();
  const shown = answer && answer.on === notices ? answer.left : (notices ?? []);

  const seen = async (id: string) => {
    setBusy(id);
    setError(undefined);
    try {
      const left = await onSeen(id);
      setAnswer({ on: notices, left });
    } catch (e) {
      setError({ id, text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  };

  if (shown.length === 0) return null;
  const today = deviceNow();
  return (
    <View>
      {shown.map((n) => {
        const words = noticeWords(n, { today });
        return (
          <View key={n.id} className='section section--notice'>
            <Text className='h2'>{words.title}</Text>
            {words.lines.map((line) => (
              <Text key={line} className='text text--large'>
                {line}
              </Text>
            ))}
            {words.reason ? <Text className='text text--large strong'>{words.reason}</Text> : null}
            <Text className='text'>{words.told}</Text>
            <BigButton variant='secondary' onClick={() => void seen(n.id)} disabled={busy !== undefined}>
              {busy === n.id ? '请稍候……' : '知道了'}
            </BigButton>
            <Message kind='error' text={error?.id === n.id ? error.text : undefined} />
          </View>
        );
      })}
    </View>
  );
}
