import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { memberLimits } from '@ltx/shared/limits';
import { emptyDate, type DateParts } from '@/services/date-parts';
import { outgoingText, transferConfirmText, transferFormProblems, type TransferFormErrors } from '@/services/transfer-words';
import type { Transfer } from '@/services/types';
import { BigButton } from './BigButton';
import { ConfirmStep } from './ConfirmStep';
import { ChoiceField } from './ChoiceField';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextField } from './TextField';

interface Props {
  name: string;
  joinedPartyOn: string;
  /** Today's China day (YYYY-MM-DD): the date may not be later. */
  today: string;
  /** The branches of the organisation the member may go to. */
  destinations: readonly { id: string; name: string }[];
  /** This member's transfer waiting for the receiving branch, if any. */
  pending?: Transfer;
  busy: boolean;
  /** The API's answer when it refused, shown right here. */
  error?: string;
  onTransfer: (input: { toBranchId: string; on: string; note?: string }) => void;
  onCancel: () => void;
}

type Step = 'closed' | 'form' | 'confirm' | 'cancel';

/**
 * "组织关系转出" on the secretary's member page, beside the departure panel and like it: the first tap opens
 * the form (the receiving branch chosen from the organisation's branches, the day, a note), the second shows in
 * words what follows, the third sends it. A transfer waiting for the other side shows as a fact, with "撤回".
 */
export function TransferPanel({ name, joinedPartyOn, today, destinations, pending, busy, error, onTransfer, onCancel }: Props) {
  const [step, setStep] = useState<Step>('closed');
  const [toBranchId, setToBranchId] = useState('');
  const [on, setOn] = useState<DateParts>(emptyDate);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<TransferFormErrors>({});
  const [checkedOn, setCheckedOn] = useState<string | undefined>();

  if (pending) {
    return (
      <View className='section section--confirm'>
        <Text className='h2'>组织关系转出</Text>
        <Text className='text'>{outgoingText(pending)}</Text>
        <Message kind='error' text={error} />
        {step === 'cancel' ? (
          <>
            <Text className='text'>撤回后，{name}仍在本支部，对方不再看到这条转接。确定撤回吗？</Text>
            <BigButton onClick={onCancel} disabled={busy}>
              {busy ? '正在撤回……' : '确认撤回'}
            </BigButton>
            <BigButton variant='secondary' onClick={() => setStep('closed')} disabled={busy}>
              返回，不撤回
            </BigButton>
          </>
        ) : (
          <BigButton variant='secondary' onClick={() => setStep('cancel')} disabled={busy}>
            撤回这条转接
          </BigButton>
        )}
      </View>
    );
  }

  if (step === 'closed' || step === 'cancel') {
    return (
      <View className='section'>
        <BigButton variant='secondary' onClick={() => setStep('form')}>
          组织关系转出
        </BigButton>
      </View>
    );
  }

  const destination = destinations.find((d) => d.id === toBranchId);
  const check = () => {
    const result = transferFormProblems({ toBranchId, on, note }, joinedPartyOn, today);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0 && result.on) {
      setCheckedOn(result.on);
      setStep('confirm');
    }
  };

  if (step === 'confirm' && destination && checkedOn) {
    return (
      <ConfirmStep
        text={transferConfirmText(name, destination.name, checkedOn)}
        note={note.trim()}
        error={error}
        busy={busy}
        confirmLabel='确认转出'
        busyLabel='正在提交……'
        onConfirm={() => onTransfer({ toBranchId, on: checkedOn, ...(note.trim() ? { note: note.trim() } : {}) })}
        onBack={() => setStep('form')}
      />
    );
  }

  return (
    <View className='section section--confirm'>
      <Text className='h2'>组织关系转出</Text>
      {destinations.length === 0 ? <Text className='text'>没有其他支部可以转入。</Text> : null}
      <ChoiceField label='转入支部' choices={destinations.map((d) => ({ value: d.id, label: d.name }))} value={toBranchId} onChange={setToBranchId} error={errors.toBranchId} />
      <DateField label='转接日期' value={on} onChange={setOn} error={errors.on} />
      <TextField label='备注（可不填）' placeholder='如：随子女迁居' value={note} maxlength={memberLimits.departureNote} onChange={setNote} error={errors.note} />
      <BigButton onClick={check}>下一步：核对</BigButton>
      <BigButton variant='secondary' onClick={() => setStep('closed')}>
        返回，不转出
      </BigButton>
    </View>
  );
}
