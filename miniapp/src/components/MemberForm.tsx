import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { CareNotesDraft, FieldErrors, MemberFormState } from '@/services/member-form';
import { memberFieldLabels } from '@/services/change-text';
import { BigButton } from './BigButton';
import { ChoiceField } from './ChoiceField';
import { DateField } from './DateField';
import { EmergencyContactsEditor } from './EmergencyContactsEditor';
import { Message } from './Message';
import { TextField } from './TextField';
import { ToggleField } from './ToggleField';
import { attendanceChoices, genderChoices, healthChoices, livingChoices } from './member-choices';
import { careNoteLabels } from '@ltx/shared/labels';
import { memberLimits } from '@ltx/shared/limits';

interface Props {
  initial: MemberFormState;
  submitLabel: string;
  onSubmit: (form: MemberFormState) => void;
  errors: FieldErrors;
  /** The request's overall message (e.g. "填写的内容有误，请按提示修改"). */
  formError?: string;
  okMessage?: string;
  busy: boolean;
}

type CareText = 'bestVisitTime' | 'hearing' | 'eyesight' | 'dialect';

const alwaysShown = ['name', 'gender', 'birthDate', 'joinedPartyOn', 'partyGroup', 'phone', 'livingSituation', 'address', 'attendanceModeOverride'];
const careNoteKeys = ['bestVisitTime', 'hearing', 'eyesight', 'dialect', 'largePrint', 'readAloud', 'other'];

/** The error paths that have a field on screen for this state of the form. */
function renderedPaths(form: MemberFormState): Set<string> {
  const paths = new Set(alwaysShown);
  if (form.livingSituation === 'elsewhere') paths.add('livingCity');
  if (form.healthAllowed) {
    paths.add('sensitive.healthClass');
    for (const k of careNoteKeys) paths.add(`sensitive.careNotes.${k}`);
    form.emergencyContacts.forEach((_, i) => {
      for (const k of ['name', 'relation', 'phone']) paths.add(`sensitive.emergencyContacts.${i}.${k}`);
    });
  }
  return paths;
}

/** The create and edit form for a member; every error appears under its own field. */
export function MemberForm({ initial, submitLabel, onSubmit, errors, formError, okMessage, busy }: Props) {
  const [form, setForm] = useState(initial);
  const set = <K extends keyof MemberFormState>(key: K, value: MemberFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setNotes = (patch: Partial<CareNotesDraft>) => setForm((f) => ({ ...f, careNotes: { ...f.careNotes, ...patch } }));

  const errorAt = (path: string) => errors[path];

  const careText = (key: CareText, label: string, hint?: string) => (
    <TextField label={label} hint={hint} value={form.careNotes[key]} onChange={(v) => setNotes({ [key]: v })} error={errorAt(`sensitive.careNotes.${key}`)} />
  );

  const fields = (
    <View>
      <TextField label='姓名' value={form.name} maxlength={memberLimits.name} onChange={(v) => set('name', v)} error={errorAt('name')} />
      <ChoiceField label='性别' choices={genderChoices} value={form.gender} onChange={(v) => set('gender', v)} error={errorAt('gender')} />
      <DateField label='出生日期' value={form.birthDate} onChange={(v) => set('birthDate', v)} error={errorAt('birthDate')} />
      <DateField label='入党日期' value={form.joinedPartyOn} onChange={(v) => set('joinedPartyOn', v)} error={errorAt('joinedPartyOn')} />
      <TextField label='党小组' hint='可不填' value={form.partyGroup} maxlength={memberLimits.partyGroup} onChange={(v) => set('partyGroup', v)} error={errorAt('partyGroup')} />
      <TextField label='手机号' hint='11 位数字，可不填' type='number' maxlength={11} value={form.phone} onChange={(v) => set('phone', v)} error={errorAt('phone')} />
      <ChoiceField label='居住情况' choices={livingChoices} value={form.livingSituation} onChange={(v) => set('livingSituation', v)} error={errorAt('livingSituation')} />
      {form.livingSituation === 'elsewhere' ? (
        <TextField label='居住城市' value={form.livingCity} maxlength={memberLimits.livingCity} onChange={(v) => set('livingCity', v)} error={errorAt('livingCity')} />
      ) : null}
      <TextField label='家庭住址' hint='送学上门时用，可不填' value={form.address} maxlength={memberLimits.address} onChange={(v) => set('address', v)} error={errorAt('address')} />
      <ChoiceField
        label='参学方式'
        choices={attendanceChoices}
        value={form.attendanceModeOverride}
        onChange={(v) => set('attendanceModeOverride', v)}
        error={errorAt('attendanceModeOverride')}
      />

      <Text className='h2'>健康与照护信息</Text>
      {form.healthAllowed ? null : (
        <Text className='text'>健康信息属于个人敏感信息，须党员本人（或家属代本人）在“健康信息同意”里同意后才能填写。</Text>
      )}
      {form.healthAllowed ? (
        <View>
          <ChoiceField label='健康状况' choices={healthChoices} value={form.healthClass} onChange={(v) => set('healthClass', v)} error={errorAt('sensitive.healthClass')} />
          {careText('bestVisitTime', careNoteLabels.bestVisitTime, '如：上午九点到十一点')}
          {careText('hearing', careNoteLabels.hearing, '如：左耳听不清，请大声慢说')}
          {careText('eyesight', careNoteLabels.eyesight)}
          {careText('dialect', careNoteLabels.dialect)}
          <ToggleField label={careNoteLabels.largePrint} checked={form.careNotes.largePrint} onChange={(v) => setNotes({ largePrint: v })} error={errorAt('sensitive.careNotes.largePrint')} />
          <ToggleField label={careNoteLabels.readAloud} checked={form.careNotes.readAloud} onChange={(v) => setNotes({ readAloud: v })} error={errorAt('sensitive.careNotes.readAloud')} />
          <View className='field'>
            <Text className='field__label'>{careNoteLabels.other}</Text>
            <Textarea className='textarea' value={form.careNotes.other} maxlength={memberLimits.careNoteOther} onInput={(e) => setNotes({ other: e.detail.value })} />
            <Message kind='error' text={errorAt('sensitive.careNotes.other')} />
          </View>
          <EmergencyContactsEditor contacts={form.emergencyContacts} onChange={(v) => set('emergencyContacts', v)} errorAt={errorAt} />
        </View>
      ) : null}
    </View>
  );

  // Messages for fields not on screen (e.g. a rule about a hidden field) are listed by the button.
  const placed = renderedPaths(form);
  const unplaced = Object.entries(errors).filter(([path]) => !placed.has(path));

  return (
    <View>
      {fields}
      <Message kind='error' text={formError} />
      {unplaced.map(([path, message]) => (
        <Message key={path} kind='error' text={message.includes('：') ? message : `${memberFieldLabels[path.split('.')[0] ?? ''] ?? path}：${message}`} />
      ))}
      <Message kind='ok' text={okMessage} />
      <BigButton onClick={() => onSubmit(form)} disabled={busy}>
        {busy ? '正在保存……' : submitLabel}
      </BigButton>
    </View>
  );
}
