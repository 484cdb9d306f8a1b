import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { BranchContact, VisitRequest, VisitScheduleInput } from '@/services/types';
import { whenText } from '@/services/session-time';
import { cancelReasonProblem, type ScheduleErrors, type ScheduleForm as ScheduleFormState } from '@/services/visit-forms';
import { ageText, careNotesLines, overdueText, requestedByText, secretaryActions, slotText, visitSessionText, windowText } from '@/services/visit-words';
import { BigButton } from './BigButton';
import { InfoRow } from './InfoRow';
import { Message } from './Message';
import { ScheduleForm } from './ScheduleForm';
import { TextAreaField } from './TextAreaField';
import { visitLimits } from '@ltx/shared/limits';

export type VisitPanel = 'none' | 'schedule' | 'cancel';

export interface VisitOutcome {
  errors: ScheduleErrors;
  formError?: string;
  okMessage?: string;
}

interface Props {
  visit: VisitRequest;
  panel: VisitPanel;
  onPanel: (panel: VisitPanel) => void;
  contacts: readonly BranchContact[];
  scheduleInitial: ScheduleFormState;
  busy: boolean;
  outcome: VisitOutcome;
  onAccept: () => void;
  onSchedule: (input: VisitScheduleInput) => void;
  onConfirmByPhone: () => void;
  onCancel: (reason: string) => void;
  /** Opens the member's page, where a contact's care observation waits for approval. */
  onOpenMember: () => void;
}

/** One request for the secretary: who, since when, what is late, and the next step as one big button. */
export function SecretaryVisitCard({ visit: v, panel, onPanel, contacts, scheduleInitial, busy, outcome, onAccept, onSchedule, onConfirmByPhone, onCancel, onOpenMember }: Props) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const can = secretaryActions(v.status);
  const late = overdueText(v);
  const cancel = () => {
    const problem = cancelReasonProblem(reason);
    setReasonError(problem);
    if (!problem) onCancel(reason.trim());
  };
  return (
    <View className={late ? 'row row--warning' : 'row'}>
      <Text className='row__title'>{late ? `⚠ ${v.memberName}` : v.memberName}</Text>
      <Text className='text strong'>{v.statusText}</Text>
      {late ? <Text className='text strong'>{late}</Text> : null}
      <Text className='text'>
        {ageText(v.ageDays)}，{requestedByText(v.requestedByRole)}
      </Text>
      {visitSessionText(v) ? <InfoRow label='学习' value={visitSessionText(v)!} /> : null}
      <InfoRow label='希望时间' value={slotText(v.slot)} />
      {v.note ? <InfoRow label='备注' value={v.note} /> : null}
      {/* "没有人来": the member's or proxy's words, for the secretary to arrange it again (issue 17). */}
      {v.missed ? <InfoRow label='没有人来' value={v.missed.note ? `${v.missed.text}：“${v.missed.note}”` : v.missed.text} /> : null}
      {v.scheduled ? <InfoRow label='安排' value={`${v.scheduled.contactName}，${windowText(v.scheduled.windowStart, v.scheduled.windowEnd)}`} /> : null}
      {v.delivered ? (
        <View>
          <InfoRow label='送学时间' value={whenText(v.delivered.at)} />
          <InfoRow label='学习内容' value={v.delivered.studied} />
          {v.delivered.remarks ? <InfoRow label='党员的感想' value={v.delivered.remarks} /> : null}
          {v.delivered.views ? <InfoRow label='意见建议' value={v.delivered.views} /> : null}
          {careNotesLines(v.delivered.observations).map((l) => (
            <InfoRow key={l} label='照护观察' value={l} />
          ))}
          {v.delivered.careNotesChange === 'pending_approval' ? (
            <BigButton variant='secondary' onClick={onOpenMember}>
              {`审核${v.memberName}的照护观察`}
            </BigButton>
          ) : null}
        </View>
      ) : null}

      <Message kind='ok' text={outcome.okMessage} />
      {panel === 'none' ? <Message kind='error' text={outcome.formError} /> : null}

      {can.accept ? (
        <BigButton onClick={onAccept} disabled={busy}>
          {busy ? '正在保存……' : '确认'}
        </BigButton>
      ) : null}
      {can.accept ? <Text className='text text--muted'>这是系统按参学方式建议的送学，确认后再安排联系人。</Text> : null}
      {(can.schedule || can.reschedule) && panel !== 'schedule' ? (
        <BigButton variant={can.schedule ? 'primary' : 'secondary'} onClick={() => onPanel('schedule')} disabled={busy}>
          {can.schedule ? '安排' : '改期或换人'}
        </BigButton>
      ) : null}
      {panel === 'schedule' ? (
        <ScheduleForm
          initial={scheduleInitial}
          contacts={contacts}
          submitLabel={can.schedule ? '保存安排' : '保存改期'}
          rescheduling={!can.schedule}
          busy={busy}
          outcome={outcome}
          onSubmit={onSchedule}
          onCancel={() => onPanel('none')}
        />
      ) : null}
      {can.confirmByPhone ? (
        <View>
          <Text className='text spaced-top'>党员或家属不方便在手机上确认时，打电话问过后点这里：</Text>
          <BigButton onClick={onConfirmByPhone} disabled={busy}>
            {busy ? '正在确认……' : '电话确认已送学'}
          </BigButton>
        </View>
      ) : null}
      {can.cancel && panel !== 'cancel' ? (
        <BigButton variant='secondary' onClick={() => onPanel('cancel')} disabled={busy}>
          取消这次送学
        </BigButton>
      ) : null}
      {panel === 'cancel' ? (
        <View className='section section--confirm'>
          <TextAreaField label='取消原因（必填）' hint='如：身体好转，能到现场参加' value={reason} maxlength={visitLimits.cancelReason} onChange={setReason} error={reasonError} />
          <Message kind='error' text={outcome.formError} />
          <BigButton onClick={cancel} disabled={busy}>
            {busy ? '正在取消……' : '确认取消'}
          </BigButton>
          <BigButton variant='secondary' onClick={() => onPanel('none')} disabled={busy}>
            不取消
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
