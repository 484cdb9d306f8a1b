import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Attachment } from '@/services/types';
import { toAnswer } from '@/services/review-form';
import { AttachmentEditor, type OpenableFile } from './Attachments';
import { BigButton } from './BigButton';
import { TextAreaField } from './TextAreaField';
import { inspectionLimits } from '@ltx/shared/limits';

interface Props {
  /** Resolves with the error sentence, or nothing when the answer was saved. */
  onSubmit: (input: { action: 'answer'; text: string; evidence: Attachment[] }) => Promise<string | undefined>;
  onCancel: () => void;
  onAddPhoto: () => Promise<OpenableFile | undefined>;
  photoBusy: boolean;
  photoError?: string;
  onOpen: (file: OpenableFile) => void;
}

/** The secretary's answer to an item: what was done (required), and photos of it if there are any. */
export function AnswerForm({ onSubmit, onCancel, onAddPhoto, photoBusy, photoError, onOpen }: Props) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<OpenableFile[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const checked = toAnswer(text, photos);
    if (!checked.ok) return setError(checked.error);
    setError(undefined);
    setBusy(true);
    try {
      const failed = await onSubmit(checked.value);
      if (failed) setError(failed);
    } finally {
      setBusy(false);
    }
  };
  const addPhoto = async () => {
    const photo = await onAddPhoto();
    if (photo) setPhotos((p) => [...p, photo]);
  };

  return (
    <View className='section section--confirm'>
      <TextAreaField
        label='整改情况（必填）'
        hint='写清做了什么、什么时候做的'
        value={text}
        maxlength={inspectionLimits.answer}
        onChange={(v) => {
          setText(v);
          setError(undefined);
        }}
        error={error}
      />
      <AttachmentEditor
        label='佐证照片（可以不传）'
        hint='如会议记录、现场照片；JPG 或 PNG，每张不超过 10 MB'
        files={photos}
        thumbnails
        addLabel='上传佐证照片'
        onAdd={() => void addPhoto()}
        onRemove={(id) => setPhotos((p) => p.filter((x) => x.uploadId !== id))}
        onOpen={onOpen}
        busy={photoBusy}
        error={photoError}
        max={10}
      />
      <BigButton onClick={() => void submit()} disabled={busy || photoBusy}>
        {busy ? '正在提交……' : '提交整改情况'}
      </BigButton>
      <BigButton variant='secondary' onClick={onCancel} disabled={busy}>
        先不答复
      </BigButton>
    </View>
  );
}
