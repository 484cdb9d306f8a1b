import { Text, View } from '@tarojs/components';
import type { PhotoBatch } from '@/hooks/use-upload';
import { useState } from 'react';
import type { MinutesInput, SessionDetail } from '@/services/types';
import { attendanceForMinutes } from '@/services/attendance-board';
import { minutesFormFrom, toMinutesInput, type MinutesErrors, type MinutesFormState } from '@/services/minutes-form';
import { AttachmentEditor, PhotoThumbs, type OpenableFile } from './Attachments';
import { BigButton } from './BigButton';
import { InfoRow } from './InfoRow';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { minutesLimits } from '@ltx/shared/limits';

/** Who came and who did not (with reasons), always taken from the attendance screen. */
export function MinutesAttendance({ session }: { session: Pick<SessionDetail, 'attendance'> }) {
  const groups = attendanceForMinutes(session.attendance);
  return (
    <View className='section'>
      <Text className='text strong'>到会情况（来自出席登记，不用手写）</Text>
      {groups.length === 0 ? <Text className='text'>没有应到人员。</Text> : null}
      {groups.map((g) => (
        <InfoRow key={g.title} label={g.title} value={g.names} />
      ))}
    </View>
  );
}

interface Props {
  session: Pick<SessionDetail, 'attendance' | 'minutes' | 'hostName' | 'recorderName'>;
  readOnly: boolean;
  onSave: (input: MinutesInput) => Promise<void>;
  /** The platform's picture chooser, several at once, uploaded one after another. */
  photos: PhotoBatch;
  onOpen: (file: OpenableFile) => void;
  /** What saving answered: field messages from the API, the overall message, or "saved". */
  outcome: { errors: MinutesErrors; formError?: string; okMessage?: string };
}

/** The meeting record: agenda, content, decisions, votes and photos, beside the attendance. */
export function MinutesPanel({ session, readOnly, onSave, photos: batch, onOpen, outcome }: Props) {
  const [form, setForm] = useState<MinutesFormState>(() => minutesFormFrom(session));
  const [local, setLocal] = useState<MinutesErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof MinutesFormState>(key: K, value: MinutesFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errors = { ...outcome.errors, ...local };

  const m = session.minutes;
  if (readOnly) {
    return (
      <View>
        <InfoRow label='主持人' value={session.hostName} />
        <InfoRow label='记录人' value={session.recorderName} />
        <MinutesAttendance session={session} />
        {m ? (
          <View>
            <InfoRow label='议程' value={m.agenda || '未填写'} />
            <InfoRow label='会议内容' value={m.content || '未填写'} />
            <InfoRow label='决议' value={m.decisions || '未填写'} />
            <InfoRow label='表决情况' value={m.votes || '未填写'} />
            <Text className='h2'>影像资料</Text>
            <PhotoThumbs photos={m.photos} onOpen={onOpen} />
          </View>
        ) : (
          <Text className='text spaced-top'>还没有填写会议记录。</Text>
        )}
        <Message kind='error' text={outcome.formError} />
      </View>
    );
  }

  const save = async () => {
    const checked = toMinutesInput(form);
    setLocal(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    try {
      await onSave(checked.value);
    } finally {
      setBusy(false);
    }
  };

  const addPhotos = async () => {
    const added = await batch.add(minutesLimits.photos - form.photos.length);
    if (added.length) setForm((f) => ({ ...f, photos: [...f.photos, ...added].slice(0, minutesLimits.photos) }));
  };

  return (
    <View>
      <InfoRow label='主持人' value={session.hostName} />
      <InfoRow label='记录人' value={session.recorderName} />
      <MinutesAttendance session={session} />
      <TextAreaField label='议程' value={form.agenda} maxlength={minutesLimits.agenda} onChange={(v) => set('agenda', v)} error={errors.agenda} />
      <TextAreaField label='会议内容' value={form.content} maxlength={minutesLimits.content} onChange={(v) => set('content', v)} error={errors.content} />
      <TextAreaField label='决议' hint='没有决议可以不填' value={form.decisions} maxlength={minutesLimits.decisions} onChange={(v) => set('decisions', v)} error={errors.decisions} />
      <TextAreaField label='表决情况' hint='没有表决可以不填' value={form.votes} maxlength={minutesLimits.votes} onChange={(v) => set('votes', v)} error={errors.votes} />
      <AttachmentEditor
        label='影像资料（照片）'
        hint='JPG 或 PNG 照片，每张不超过 10 MB'
        files={form.photos}
        thumbnails
        addLabel='上传照片（可一次选几张）'
        onAdd={() => void addPhotos()}
        onRemove={(id) => set('photos', form.photos.filter((p) => p.uploadId !== id))}
        onOpen={onOpen}
        busy={batch.busy}
        progress={batch.progress}
        error={batch.error ?? errors.photos}
        max={minutesLimits.photos}
      />
      <Message kind='error' text={outcome.formError} />
      <Message kind='error' text={errors.other} />
      <Message kind='ok' text={outcome.okMessage} />
      <BigButton onClick={() => void save()} disabled={busy || batch.busy}>
        {busy ? '正在保存……' : '保存会议记录'}
      </BigButton>
    </View>
  );
}
