import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { memberLimits } from '@ltx/shared/limits';
import { emptyDate, type DateParts } from '@/services/date-parts';
import { departureChoices, departureConfirmText, departureFact, departureFormProblems, type DepartureFormErrors } from '@/services/departure-words';
import type { Departure, DepartureReason } from '@/services/types';
import { BigButton } from './BigButton';
import { ConfirmStep } from './ConfirmStep';
import { ChoiceField } from './ChoiceField';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextField } from './TextField';

interface Props {
  name: string;
  joinedPartyOn: string;
  departure?: Departure;
  /** Today's China day (YYYY-MM-DD): the date may not be later. */
  today: string;
  busy: boolean;
  /** The API's answer when it refused (a stale version, a signed-off period), shown right here. */
  error?: string;
  onRecord: (input: { reason: DepartureReason; on: string; note?: string }) => void;
  onUndo: () => void;
}

type Step = 'closed' | 'form' | 'confirm' | 'undo';

/**
 * "登记逝世或离开" on the secretary's member page, apart from everything else: the first tap opens the
 * form, the second shows in words what will be recorded and what follows, the third records it. Every
 * step has a way back; nothing pops up. A recorded departure shows as a fact, with "登记有误，撤销".
 */
export function DeparturePanel({ name, joinedPartyOn, departure, today, busy, error, onRecord, onUndo }: Props) {
  const [step, setStep] = useState<Step>('closed');
  const [reason, setReason] = useState<DepartureReason | ''>('');
  const [on, setOn] = useState<DateParts>(emptyDate);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DepartureFormErrors>({});
  const [checkedOn, setCheckedOn] = useState<string | undefined>();

  if (departure) {
    return (
      <View className='section section--confirm'>
        <Text className='h2'>{name}{departureFact(departure)}</Text>
        {departure.note ? <Text className='text'>备注：{departure.note}</Text> : null}
        <Text className='text text--muted'>自这一天起不再发提醒，不计入之后会议的应到人数和预警；以前的记录都保留。</Text>
        <Message kind='error' text={error} />
        {step === 'undo' ? (
          <>
            <Text className='text'>撤销后，{name}重新列入党员名单，之后的会议重新计入应到人数。确定这条登记有误吗？</Text>
            <BigButton onClick={onUndo} disabled={busy}>
              {busy ? '正在撤销……' : '确认撤销这条登记'}
            </BigButton>
            <BigButton variant='secondary' onClick={() => setStep('closed')} disabled={busy}>
              返回，不撤销
            </BigButton>
          </>
        ) : (
          <BigButton variant='secondary' onClick={() => setStep('undo')} disabled={busy}>
            登记有误，撤销
          </BigButton>
        )}
      </View>
    );
  }

  if (step === 'closed' || step === 'undo') {
    return (
      <View className='section'>
        <BigButton variant='secondary' onClick={() => setStep('form')}>
          登记逝世或离开
        </BigButton>
      </View>
    );
  }

  const check = () => {
    const result = departureFormProblems({ reason, on, note }, joinedPartyOn, today);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0 && result.on) {
      setCheckedOn(result.on);
      setStep('confirm');
    }
  };

  if (step === 'confirm' && reason && checkedOn) {
    return (
      <ConfirmStep
        text={departureConfirmText(name, reason, checkedOn)}
        note={note.trim()}
        error={error}
        busy={busy}
        confirmLabel='确认登记'
        busyLabel='正在登记……'
        onConfirm={() => onRecord({ reason, on: checkedOn, ...(note.trim() ? { note: note.trim() } : {}) })}
        onBack={() => setStep('form')}
      />
    );
  }

  return (
    <View className='section section--confirm'>
      <Text className='h2'>登记逝世或离开</Text>
      <ChoiceField label='情况' choices={departureChoices} value={reason} onChange={setReason} error={errors.reason} />
      <DateField label='日期' value={on} onChange={setOn} error={errors.on} />
      <TextField label='备注（可不填）' placeholder='如：组织关系转至某某支部' value={note} maxlength={memberLimits.departureNote} onChange={setNote} error={errors.note} />
      <BigButton onClick={check}>下一步：核对</BigButton>
      <BigButton variant='secondary' onClick={() => setStep('closed')}>
        返回，不登记
      </BigButton>
    </View>
  );
}
