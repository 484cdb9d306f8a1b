import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Rectification } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { returnReasonProblem } from '@/services/review-form';
import { BigButton } from './BigButton';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { inspectionLimits } from '@ltx/shared/limits';

interface Props {
  item: Pick<Rectification, 'id' | 'status' | 'what'>;
  onAccept: () => Promise<void>;
  onReturn: (reason: string) => Promise<void>;
}

/**
 * The inspector's decision on an answered item: "通过", or "退回" with the reason written right
 * there (required). Items not yet answered say whom they wait for.
 */
export function ItemDecision({ item, onAccept, onReturn }: Props) {
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  if (item.status === 'accepted') return null;
  if (item.status !== 'answered') return <Text className='text text--muted spaced-top'>等待支部答复整改情况。</Text>;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const sendReturn = () => {
    const problem = returnReasonProblem(reason);
    if (problem) return setError(problem);
    void run(() => onReturn(reason.trim()));
  };

  return (
    <View className='section section--confirm'>
      <Text className='text strong'>支部已答复，请审核：</Text>
      <BigButton onClick={() => void run(onAccept)} disabled={busy}>
        {busy && !returning ? '正在提交……' : '通过'}
      </BigButton>
      <BigButton variant={returning ? 'selected' : 'secondary'} onClick={() => setReturning(!returning)} disabled={busy}>
        {returning ? '退回（请在下面写原因）' : '退回'}
      </BigButton>
      {returning ? (
        <View>
          <TextAreaField label='退回原因（必填）' hint='写清还差什么，支部会看到' value={reason} maxlength={inspectionLimits.returnReason} onChange={setReason} />
          <BigButton onClick={sendReturn} disabled={busy}>
            {busy ? '正在退回……' : '确认退回'}
          </BigButton>
          <BigButton variant='secondary' onClick={() => setReturning(false)} disabled={busy}>
            先不退回
          </BigButton>
        </View>
      ) : null}
      <Message kind='error' text={error} />
    </View>
  );
}
