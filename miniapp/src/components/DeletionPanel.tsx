import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { deletedMemberName, deletionReasons, deletionRef, deletionRefusal, type DeletionReason } from '@ltx/shared/domain/member-deletion';
import { deletionReasonLabels } from '@ltx/shared/labels';
import type { MemberDetail } from '@/services/types';
import { dateText } from '@/services/format';
import { departureFact } from '@/services/departure-words';
import { BigButton } from './BigButton';
import { ChoiceField } from './ChoiceField';
import { ConfirmStep } from './ConfirmStep';

interface Props {
  member: Pick<MemberDetail, 'id' | 'name' | 'departure' | 'deletedOn'>;
  /** Today's China day (YYYY-MM-DD): whether the archive rules allow it yet. */
  today: string;
  busy: boolean;
  error?: string;
  onDelete: (reason: DeletionReason) => void;
}

type Step = 'closed' | 'reason' | 'confirm';

const reasonChoices = deletionReasons.map((value) => ({ value, label: deletionReasonLabels[value] }));

/**
 * "删除个人信息" on a departed member's page, for the administrator: when the rules do not allow it yet, the
 * day they will; otherwise the reason, then in words what goes and what stays, then the deletion. Every
 * step has a way back. After it, the page says what the ledgers now call the member.
 */
export function DeletionPanel({ member, today, busy, error, onDelete }: Props) {
  const [step, setStep] = useState<Step>('closed');
  const [reason, setReason] = useState<DeletionReason | ''>('');
  const [reasonError, setReasonError] = useState<string>();

  if (member.deletedOn) {
    return (
      <View className='section'>
        <Text className='h2'>个人信息已删除</Text>
        {member.departure ? <Text className='text'>{departureFact(member.departure)}。</Text> : null}
        <Text className='text'>{dateText(member.deletedOn)}删除。组织生活、积分、送学上门等台账记录保留，其中记为“{member.name}”。</Text>
      </View>
    );
  }
  const refusal = deletionRefusal(member, today);
  if (refusal) {
    return (
      <View className='section'>
        <Text className='h2'>删除个人信息</Text>
        <Text className='text text--muted'>{refusal}</Text>
      </View>
    );
  }
  if (step === 'closed') {
    return (
      <View className='section'>
        <BigButton variant='secondary' onClick={() => setStep('reason')}>删除这位党员的个人信息</BigButton>
      </View>
    );
  }
  if (step === 'confirm' && reason) {
    const anonymous = deletedMemberName(deletionRef(member.id));
    return (
      <ConfirmStep
        text={`原因：${deletionReasonLabels[reason]}。删除后，${member.name}的姓名、电话、住址、健康与照护信息、同意记录和绑定的微信账号都会删除，不能恢复。组织生活、积分、送学上门等台账记录保留，其中的姓名改为“${anonymous}”。请先确认纸质档案已按规定保存。`}
        error={error}
        busy={busy}
        confirmLabel='确认删除'
        busyLabel='正在删除……'
        onConfirm={() => onDelete(reason)}
        onBack={() => setStep('reason')}
        backLabel='返回，不删除'
      />
    );
  }
  const next = () => {
    if (!reason) return setReasonError('请选择删除原因');
    setReasonError(undefined);
    setStep('confirm');
  };
  return (
    <View className='section section--confirm'>
      <Text className='h2'>删除这位党员的个人信息</Text>
      <ChoiceField label='删除原因' choices={reasonChoices} value={reason} onChange={setReason} error={reasonError} />
      <BigButton onClick={next}>下一步：核对</BigButton>
      <BigButton variant='secondary' onClick={() => setStep('closed')}>返回，不删除</BigButton>
    </View>
  );
}
