import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SessionKind } from '@/services/types';
import { withKind, type SessionFormErrors, type SessionFormState } from '@/services/session-form';
import { expectedText, kindText, sessionKindOrder } from '@/services/session-words';
import { AttachmentEditor, type OpenableFile } from './Attachments';
import { BigButton } from './BigButton';
import { ChoiceField } from './ChoiceField';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';
import { TimeField } from './TimeField';
import { ToggleField } from './ToggleField';
import { sessionLimits } from '@ltx/shared/limits';

const kindChoices = sessionKindOrder.map((k) => ({ value: k, label: kindText(k) }));

interface Props {
  initial: SessionFormState;
  now: Date;
  partyGroups: string[];
  onSubmit: (form: SessionFormState) => void;
  onAddAttachment: () => Promise<OpenableFile | undefined>;
  uploadBusy: boolean;
  uploadError?: string;
  onOpen: (file: OpenableFile) => void;
  errors: SessionFormErrors;
  formError?: string;
  busy: boolean;
}

/** "新建组织生活": pick the kind, its template fills the rest, the secretary checks and saves. */
export function SessionForm({ initial, now, partyGroups, onSubmit, onAddAttachment, uploadBusy, uploadError, onOpen, errors, formError, busy }: Props) {
  const [form, setForm] = useState(initial);
  const set = <K extends keyof SessionFormState>(key: K, value: SessionFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const addAttachment = async () => {
    const file = await onAddAttachment();
    if (file) setForm((f) => ({ ...f, attachments: [...f.attachments, { uploadId: file.uploadId, name: file.name }] }));
  };

  return (
    <View>
      <Text className='h2'>第一步：选择会议类型</Text>
      <ChoiceField<SessionKind> label='会议类型' choices={kindChoices} value={form.kind} onChange={(k) => setForm((f) => withKind(f, k, now))} error={errors.kind} />
      {form.kind ? (
        <View>
          <Text className='h2'>第二步：核对会议安排</Text>
          <Text className='banner'>{expectedText(form.kind, form.partyGroup || undefined)}</Text>
          {form.kind === 'group_meeting' ? (
            partyGroups.length ? (
              <ChoiceField label='党小组' choices={partyGroups.map((g) => ({ value: g, label: g }))} value={form.partyGroup} onChange={(g) => set('partyGroup', g)} error={errors.partyGroup} />
            ) : (
              <Message kind='error' text='支部还没有划分党小组：请先在党员名单里填写每人的党小组。' />
            )
          ) : null}
          <TextField label='主题' hint='已按会议类型填好，可以修改' value={form.topic} maxlength={sessionLimits.topic} onChange={(v) => set('topic', v)} error={errors.topic} />
          <DateField label='日期' value={{ year: form.when.year, month: form.when.month, day: form.when.day }} onChange={(d) => set('when', { ...form.when, ...d })} error={errors.date} />
          <TimeField label='开始时间（北京时间）' value={{ hour: form.when.hour, minute: form.when.minute }} onChange={(t) => set('when', { ...form.when, ...t })} error={errors.time} />
          <TextField label='地点' value={form.place} maxlength={sessionLimits.place} onChange={(v) => set('place', v)} error={errors.place} />
          <TextField label='主持人' value={form.hostName} maxlength={sessionLimits.hostName} onChange={(v) => set('hostName', v)} error={errors.hostName} />
          <TextField label='记录人' value={form.recorderName} maxlength={sessionLimits.recorderName} onChange={(v) => set('recorderName', v)} error={errors.recorderName} />
          <TextAreaField label='学习材料' hint='党员在首页能看到，也能点“读给我听”' value={form.materialText} maxlength={sessionLimits.materialText} onChange={(v) => set('materialText', v)} error={errors.materialText} />
          <AttachmentEditor
            label='附件'
            hint='PDF 文件或 JPG、PNG 图片，每个不超过 10 MB'
            files={form.attachments}
            addLabel='上传附件'
            onAdd={() => void addAttachment()}
            onRemove={(id) => set('attachments', form.attachments.filter((a) => a.uploadId !== id))}
            onOpen={onOpen}
            busy={uploadBusy}
            error={uploadError ?? errors.attachments}
            max={10}
          />
          <ToggleField label='提供网上参学（在外地或行动不便的党员可在手机上学习）' checked={form.onlineOffered} onChange={(v) => set('onlineOffered', v)} />
          <Message kind='error' text={formError} />
          <Message kind='error' text={errors.other} />
          <BigButton onClick={() => onSubmit(form)} disabled={busy || uploadBusy}>
            {busy ? '正在保存……' : '保存并发布'}
          </BigButton>
        </View>
      ) : (
        <Message kind='error' text={formError} />
      )}
    </View>
  );
}
