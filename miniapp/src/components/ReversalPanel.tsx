import { View } from '@tarojs/components';
import { useState } from 'react';
import { reversalReasonProblem } from '@/services/points-view';
import { BigButton } from './BigButton';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { pointsLimits } from '@ltx/shared/limits';
import { pointsWords } from '@ltx/shared/labels';

interface Props {
  open: boolean;
  onOpen: (open: boolean) => void;
  busy: boolean;
  /** The API's answer when it refused (already reversed, period locked), shown right here. */
  error?: string;
  onReverse: (reason: string) => void;
}

/** "更正" (take back) one entry: the first tap opens a required reason box, the second sends. Nothing pops up. */
export function ReversalPanel({ open, onOpen, busy, error, onReverse }: Props) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const send = () => {
    const problem = reversalReasonProblem(reason);
    setReasonError(problem);
    if (!problem) onReverse(reason.trim());
  };
  if (!open) {
    return (
      <View>
        <BigButton variant='secondary' onClick={() => onOpen(true)} disabled={busy}>
          {pointsWords.correctThis}
        </BigButton>
        <Message kind='error' text={error} />
      </View>
    );
  }
  return (
    <View className='section section--confirm'>
      <TextAreaField label={`${pointsWords.correctionReason}（必填）`} hint='如：记错了人、重复记分' value={reason} maxlength={pointsLimits.reversalReason} onChange={setReason} error={reasonError} />
      <Message kind='error' text={error} />
      <BigButton onClick={send} disabled={busy}>
        {busy ? '正在更正……' : '确认更正'}
      </BigButton>
      <BigButton variant='secondary' onClick={() => onOpen(false)} disabled={busy}>
        不更正
      </BigButton>
    </View>
  );
}
