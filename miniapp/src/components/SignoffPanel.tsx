import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Signoff, SignoffCheck } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { signoffText } from '@/services/inspection-words';
import { whenText } from '@/services/session-time';
import { BigButton } from './BigButton';
import { InfoRow } from './InfoRow';
import { LoadState } from './LoadState';
import { Message } from './Message';

interface Props {
  signoff: Signoff | null;
  /** The period in words, e.g. "2026年10月". */
  periodText: string;
  /** The pre-sign-off check: what stops signing, and what is still missing. */
  check: { data: SignoffCheck | undefined; loading: boolean; error: string | undefined; reload: () => void };
  /** Signs with the keys of the items the inspector acknowledged. */
  onSign: (acknowledged: string[]) => Promise<void>;
}

/**
 * "签字确认本期台账": first the check in words. A period not yet over cannot be signed; each record
 * still missing must be acknowledged one by one (one big tap each, tapped again to take it back)
 * before "确认签字" is offered. Nothing pops up. Once signed: who, when, and what was acknowledged.
 */
export function SignoffPanel({ signoff, periodText, check, onSign }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [acknowledged, setAcknowledged] = useState<string[]>([]);

  if (signoff) {
    return (
      <View>
        <Text className='banner banner--ok'>{`✓ ${signoffText({ by: signoff.byName, at: signoff.at })}`}</Text>
        <InfoRow label='签字人' value={signoff.byName} />
        <InfoRow label='签字时间' value={whenText(signoff.at)} />
        <Text className='text spaced-top'>{`${periodText}的记录已锁定，不能再修改；如有错漏，由支部在当期新记一条，写明更正哪条记录和原因。`}</Text>
        {signoff.acknowledged.length ? (
          <View className='spaced-top'>
            <Text className='text strong'>{`签字时尚缺、经督导确认的事项（${signoff.acknowledged.length} 项）：`}</Text>
            {signoff.acknowledged.map((a, i) => (
              <Text key={a.key} className='text'>{`${i + 1}. ${a.text}`}</Text>
            ))}
          </View>
        ) : null}
      </View>
    );
  }

  const c = check.data;
  const items = c?.items ?? [];
  const pending = items.filter((i) => !acknowledged.includes(i.key));
  const toggle = (key: string) => setAcknowledged((a) => (a.includes(key) ? a.filter((k) => k !== key) : [...a, key]));

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSign(items.map((i) => i.key).filter((k) => acknowledged.includes(k)));
      setAsking(false);
    } catch (e) {
      setError(messageOf(e));
      check.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <Text className='text strong'>{`○ 未签字：${periodText}的台账还没有督导签字。`}</Text>
      <Text className='h2'>签字前检查</Text>
      <LoadState loading={check.loading && !c} error={check.error} onRetry={check.reload} />
      {c?.blockers.map((b) => (
        <Text key={b} className='banner banner--warning'>{`✗ ${b}`}</Text>
      ))}
      {c && c.blockers.length === 0 && items.length === 0 ? <Text className='banner banner--ok'>✓ 本期记录齐全，没有尚缺的事项。</Text> : null}
      {items.length ? (
        <View>
          <Text className='text strong'>{`本期还缺以下 ${items.length} 项。要签字，请逐项确认您已知晓：`}</Text>
          {items.map((item, i) => {
            const done = acknowledged.includes(item.key);
            return (
              <View key={item.key} className={done ? 'row' : 'row row--warning'}>
                <Text className='text'>{`${i + 1}. ${item.text}`}</Text>
                <BigButton variant={done ? 'selected' : 'secondary'} onClick={() => toggle(item.key)} disabled={busy}>
                  {done ? `✓ 已确认第 ${i + 1} 项（再点一下取消）` : `确认已知晓第 ${i + 1} 项`}
                </BigButton>
              </View>
            );
          })}
        </View>
      ) : null}
      {c && c.blockers.length === 0 ? (
        pending.length ? (
          <Text className='text strong spaced-top'>{`还有 ${pending.length} 项没有确认，确认后才能签字。`}</Text>
        ) : (
          <View>
            <BigButton variant={asking ? 'selected' : 'primary'} onClick={() => setAsking(!asking)} disabled={busy}>
              {asking ? '签字确认本期台账（请在下面确认）' : '签字确认本期台账'}
            </BigButton>
            {asking ? (
              <View className='section section--confirm'>
                <Text className='text text--large strong'>签字后本期记录将锁定，不能再修改。</Text>
                <Text className='text'>
                  {items.length ? `您确认的 ${items.length} 项尚缺事项会写进签字记录和台账。` : '支部之后只能添加更正说明。请先看完各部分，再确认签字。'}
                </Text>
                <BigButton onClick={() => void confirm()} disabled={busy}>
                  {busy ? '正在签字……' : '确认签字'}
                </BigButton>
                <BigButton variant='secondary' onClick={() => setAsking(false)} disabled={busy}>
                  先不签字
                </BigButton>
              </View>
            ) : null}
          </View>
        )
      ) : null}
      <Message kind='error' text={error} />
    </View>
  );
}
