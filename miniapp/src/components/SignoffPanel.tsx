import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Signoff } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { signoffText } from '@/services/inspection-words';
import { stampText } from '@/services/session-time';
import { BigButton } from './BigButton';
import { InfoRow } from './InfoRow';
import { Message } from './Message';

interface Props {
  signoff: Signoff | null;
  /** The period in words, e.g. "2026年10月". */
  periodText: string;
  onSign: () => Promise<void>;
}

/**
 * "签字确认本期台账": the first tap says what signing means, in words, and shows "确认签字";
 * nothing pops up. Once signed: who and when.
 */
export function SignoffPanel({ signoff, periodText, onSign }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  if (signoff) {
    return (
      <View>
        <Text className='banner banner--ok'>{`✓ ${signoffText({ by: signoff.byName, at: signoff.at })}`}</Text>
        <InfoRow label='签字人' value={signoff.byName} />
        <InfoRow label='签字时间' value={stampText(signoff.at)} />
        <Text className='text spaced-top'>{`${periodText}的记录已锁定，不能再修改；如有错漏，由支部在当期新记一条，写明更正哪条记录和原因。`}</Text>
      </View>
    );
  }

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSign();
      setAsking(false);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <Text className='text strong'>{`○ 未签字：${periodText}的台账还没有督导签字。`}</Text>
      <BigButton variant={asking ? 'selected' : 'primary'} onClick={() => setAsking(!asking)} disabled={busy}>
        {asking ? '签字确认本期台账（请在下面确认）' : '签字确认本期台账'}
      </BigButton>
      {asking ? (
        <View className='section section--confirm'>
          <Text className='text text--large strong'>签字后本期记录将锁定，不能再修改。</Text>
          <Text className='text'>签字后发现错漏，支部只能在当期新记一条更正。请先看完各部分，再确认签字。</Text>
          <BigButton onClick={() => void confirm()} disabled={busy}>
            {busy ? '正在签字……' : '确认签字'}
          </BigButton>
          <BigButton variant='secondary' onClick={() => setAsking(false)} disabled={busy}>
            先不签字
          </BigButton>
        </View>
      ) : null}
      <Message kind='error' text={error} />
    </View>
  );
}
