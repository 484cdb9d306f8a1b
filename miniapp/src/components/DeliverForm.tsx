import { Text, View } from '@tarojs/components';
import type { FormPhoto, PhotoBatch } from '@/hooks/use-upload';
import type { KeptPhoto } from '@/services/pending-queue';
import { useState } from 'react';
import type { VisitDeliverInput } from '@/services/types';
import { observationFields, toDeliverInput, type DeliverErrors, type DeliverForm as FormState } from '@/services/visit-forms';
import { AttachmentEditor, type OpenableFile } from './Attachments';
import { BigButton } from './BigButton';
import { DateField } from './DateField';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';
import { TimeField } from './TimeField';
import { visitLimits } from '@ltx/shared/limits';
import { deviceNow } from '@/adapters/clock';

interface Props {
  initial: FormState;
  busy: boolean;
  outcome: { errors: DeliverErrors; formError?: string };
  /** `kept`: photos chosen with no network, kept on the phone to go up with the record. */
  onSubmit: (input: VisitDeliverInput, kept: KeptPhoto[]) => void;
  /** The platform's picture chooser, several at once, uploaded one after another. */
  photos: PhotoBatch;
  onOpen: (file: OpenableFile) => void;
}

/** What happened at the door: when, what was studied, what the member said, what the next visitor should know. */
export function DeliverForm({ initial, busy, outcome, onSubmit, photos: batch, onOpen }: Props) {
  const [form, setForm] = useState<FormState>(initial);
  const [photos, setPhotos] = useState<FormPhoto[]>([]);
  const [local, setLocal] = useState<DeliverErrors>({});
  const errors = { ...outcome.errors, ...local };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const observe = (key: keyof FormState['observations'], value: string) => setForm((f) => ({ ...f, observations: { ...f.observations, [key]: value } }));

  const submit = () => {
    const uploaded = photos.filter((p) => !p.kept).map(({ uploadId, name }) => ({ uploadId, name }));
    const checked = toDeliverInput({ ...form, photos: uploaded }, deviceNow());
    setLocal(checked.ok ? {} : checked.errors);
    if (checked.ok) onSubmit(checked.value, photos.flatMap((p) => (p.kept ? [p.kept] : [])));
  };
  const addPhotos = async () => {
    const added = await batch.add(visitLimits.photos - photos.length);
    if (added.length) setPhotos((p) => [...p, ...added].slice(0, visitLimits.photos));
  };

  return (
    <View>
      <DateField label='送学日期' value={form.date} onChange={(v) => set('date', v)} error={errors.date} />
      <TimeField label='送学时间（北京时间）' value={form.time} onChange={(v) => set('time', v)} error={errors.time} />
      <TextAreaField label='学习内容（必填）' hint='学了什么材料、读了哪些内容' value={form.studied} maxlength={visitLimits.studied} onChange={(v) => set('studied', v)} error={errors.studied} />
      <TextAreaField label='党员的感想（可以不填）' value={form.remarks} maxlength={visitLimits.remarks} onChange={(v) => set('remarks', v)} error={errors.remarks} />
      <TextAreaField label='对支部工作的意见建议（可以不填）' value={form.views} maxlength={visitLimits.views} onChange={(v) => set('views', v)} error={errors.views} />

      <Text className='h2'>照护观察（可以不填）</Text>
      <Text className='text text--muted'>这次发现的新情况写在这里，下次上门的人就能提前知道。会提交给支部书记审核后更新到档案。</Text>
      {observationFields.map((o) => (
        <TextField key={o.key} label={o.label} value={form.observations[o.key]} maxlength={o.max} onChange={(v) => observe(o.key, v)} error={errors[o.key]} />
      ))}

      <AttachmentEditor
        label='照片（可以不传）'
        hint='JPG 或 PNG 照片，最多 5 张'
        files={photos}
        thumbnails
        addLabel='上传照片（可一次选几张）'
        onAdd={() => void addPhotos()}
        onRemove={(id) => setPhotos((p) => p.filter((x) => x.uploadId !== id))}
        onOpen={onOpen}
        busy={batch.busy}
        progress={batch.progress}
        error={batch.error ?? errors.photos}
        max={visitLimits.photos}
      />
      <Message kind='error' text={errors.other} />
      <Message kind='error' text={outcome.formError} />
      <BigButton onClick={submit} disabled={busy || batch.busy}>
        {busy ? '正在保存……' : '保存送学记录'}
      </BigButton>
    </View>
  );
}
