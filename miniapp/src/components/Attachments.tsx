import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Attachment } from '@/services/types';
import { isImageName } from '@/services/upload-flow';
import { BigButton } from './BigButton';
import { Message } from './Message';
import { pressable } from '@/adapters/pressable';

/** `checkText`: an image still in WeChat's content check (审核中) or refused by it, in words (its uploader and the secretary only). */
export type OpenableFile = Attachment & { url?: string; checkText?: string };

/** Where an image stands in its content check, when it has not passed yet. */
const CheckWords = ({ file }: { file: OpenableFile }) => (file.checkText ? <Text className='text'>{file.checkText}</Text> : null);

const kindWord = (name: string) => (isImageName(name) ? '图片' : 'PDF 文件');

/** Files to open, one big button each, saying what they are ("打开附件：学习材料.pdf（PDF 文件）"). */
export function AttachmentLinks({ files, onOpen }: { files: readonly OpenableFile[]; onOpen: (file: OpenableFile) => Promise<boolean> | void }) {
  const [failed, setFailed] = useState<string | undefined>();
  if (files.length === 0) return null;
  return (
    <View className='attachments'>
      {files.map((f) => (
        <View key={f.uploadId}>
          {f.url === '' && f.checkText ? null : (
            <BigButton
              variant='secondary'
              onClick={() => {
                setFailed(undefined);
                void Promise.resolve(onOpen(f)).then((ok) => ok === false && setFailed(f.uploadId));
              }}
            >
              {`打开附件：${f.name}（${kindWord(f.name)}）`}
            </BigButton>
          )}
          <CheckWords file={f} />
          <Message kind='error' text={failed === f.uploadId ? '这个附件暂时打不开，请稍后再试或请支部书记转发给您' : undefined} />
        </View>
      ))}
    </View>
  );
}

interface EditorProps {
  label: string;
  hint: string;
  files: readonly OpenableFile[];
  /** Pictures only (影像资料) show as thumbnails. */
  thumbnails?: boolean;
  addLabel: string;
  onAdd: () => void;
  onRemove: (uploadId: string) => void;
  onOpen: (file: OpenableFile) => void;
  busy: boolean;
  /** What is going up now ("正在上传第 2/5 张"), in place of the add button's words. */
  progress?: string;
  error?: string;
  max: number;
}

/** The files of a form: each with a remove button, and one button to upload another. */
export function AttachmentEditor({ label, hint, files, thumbnails = false, addLabel, onAdd, onRemove, onOpen, busy, progress, error, max }: EditorProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Text className='field__hint'>{hint}</Text>
      {files.length === 0 ? <Text className='text text--muted'>还没有上传。</Text> : null}
      <View className={thumbnails ? 'thumbs' : ''}>
        {files.map((f, i) => (
          <View key={f.uploadId} className={thumbnails ? 'thumb' : 'section'}>
            {thumbnails && f.url ? (
              <View className='thumb__frame' {...pressable(() => onOpen(f), `打开第 ${i + 1} 张照片`)}>
                <Image className='thumb__img' src={f.url} mode='aspectFill' />
              </View>
            ) : null}
            <Text className='text'>{thumbnails ? `第 ${i + 1} 张：${f.name}` : `${f.name}（${kindWord(f.name)}）`}</Text>
            <CheckWords file={f} />
            <BigButton variant='secondary' onClick={() => onRemove(f.uploadId)}>
              {thumbnails ? `删除第 ${i + 1} 张` : `删除：${f.name}`}
            </BigButton>
          </View>
        ))}
      </View>
      {files.length < max ? (
        <BigButton variant='secondary' onClick={onAdd} disabled={busy}>
          {busy ? (progress ?? '正在上传，请稍候……') : addLabel}
        </BigButton>
      ) : (
        <Text className='text'>已达上限 {max} 个。</Text>
      )}
      <Message kind='error' text={error} />
    </View>
  );
}

/** Photos of a closed record: thumbnails to tap, nothing to change. */
export function PhotoThumbs({ photos, onOpen }: { photos: readonly OpenableFile[]; onOpen: (file: OpenableFile) => void }) {
  if (photos.length === 0) return <Text className='text'>没有影像资料。</Text>;
  return (
    <View className='thumbs'>
      {photos.map((p, i) => (
        <View key={p.uploadId} className='thumb'>
          {p.url ? (
            <View className='thumb__frame' {...pressable(() => onOpen(p), `打开第 ${i + 1} 张照片`)}>
              <Image className='thumb__img' src={p.url} mode='aspectFill' />
            </View>
          ) : null}
          <Text className='text'>{`第 ${i + 1} 张：${p.name}`}</Text>
          <CheckWords file={p} />
        </View>
      ))}
    </View>
  );
}
