import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { callPhone } from '@/adapters/phone';
import { useRecordCall } from '@/hooks/use-calls';
import { whenText } from '@/services/session-time';
import type { Call, CallPause } from '@/services/types';
import { callPauseLabels } from '@ltx/shared/labels';
import { callLimits } from '@ltx/shared/limits';
import { BigButton } from './BigButton';
import { ChoiceField } from './ChoiceField';
import { Message } from './Message';
import { PhoneButton } from './PhoneButton';
import { TextAreaField } from './TextAreaField';

interface Props {
  memberId: string;
  /** The member's name, as the buttons say it. */
  who: string;
  /** Shown only to those who may read it; without it there is no call button, the "已联系" stays. */
  phone?: string;
  /** The reminder this call gives by phone (待发提醒): it then reads 已电话通知. */
  outboxId?: string;
  /** Whether to ask how long the five-month warning should rest (not for a reminder). */
  askPause?: boolean;
  onRecorded?: (call: Call) => void;
}

const pauses = (Object.keys(callPauseLabels) as CallPause[]).map((value) => ({ value, label: `${callPauseLabels[value]}内不再提醒` }));

/**
 * Wherever someone is asked to phone: the number as a one-tap call, and "已联系" to say it was done, with a
 * short note if they like. The call is kept with who and when; the page reloads to show the warning resting.
 */
export function CallPanel({ memberId, who, phone, outboxId, askPause = false, onRecorded }: Props) {
  const { record, busy, error, fieldErrors, recorded } = useRecordCall(memberId, onRecorded);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [pause, setPause] = useState<CallPause>('one_month');

  const confirm = async () => {
    const trimmed = note.trim();
    const done = await record({ ...(trimmed ? { note: trimmed } : {}), ...(outboxId ? { outboxId } : {}), ...(askPause ? { pause } : {}) });
    if (done) {
      setOpen(false);
      setNote('');
    }
  };

  return (
    <View className='spaced-top'>
      {phone ? <PhoneButton who={who} phone={phone} onCall={(p) => void callPhone(p)} /> : null}
      <Message kind='ok' text={recorded ? `已记录：${whenText(recorded.at)} 已与${who}联系。` : undefined} />
      {open ? (
        <View>
          <TextAreaField label='备注（可不填）' value={note} onChange={setNote} maxlength={callLimits.note} error={fieldErrors.note} />
          {askPause ? <ChoiceField label='五个月未参加的提醒' choices={pauses} value={pause} onChange={setPause} error={fieldErrors.pause} /> : null}
          <BigButton onClick={() => void confirm()} disabled={busy}>
            {busy ? '正在记录…' : `确认已与${who}联系`}
          </BigButton>
          <BigButton variant='secondary' onClick={() => setOpen(false)} disabled={busy}>
            取消
          </BigButton>
        </View>
      ) : (
        <BigButton variant='secondary' onClick={() => setOpen(true)}>
          {outboxId ? '✓ 已电话通知' : '✓ 已联系'}
        </BigButton>
      )}
      <Message kind='error' text={fieldErrors.outboxId ?? error} />
      {!phone ? <Text className='text text--muted'>{who}没有登记电话。</Text> : null}
    </View>
  );
}
