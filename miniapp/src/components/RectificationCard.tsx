import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Rectification } from '@/services/types';
import { dateText } from '@/services/format';
import { historyText, overdueFlag, rectificationStatusText } from '@/services/inspection-words';
import { PhotoThumbs, type OpenableFile } from './Attachments';
import { InfoRow } from './InfoRow';

interface Props {
  item: Rectification;
  /** "整改事项 1" when items are numbered under their opinion. */
  title?: string;
  onOpen: (file: OpenableFile) => void;
  /** What the reader may do with it (answer, accept, return), below the history. */
  children?: ReactNode;
}

/**
 * A rectification item as both sides see it: what, by when, its state in words, the overdue flag
 * in words, and the whole history (who, when, what), with the evidence photos.
 */
export function RectificationCard({ item, title = '整改事项', onOpen, children }: Props) {
  return (
    <View className={item.overdue ? 'row row--warning rectification' : 'row row--plain rectification'}>
      <Text className='row__title'>{`${title}：${item.what}`}</Text>
      {item.overdue ? <Text className='banner banner--warning banner--status'>{`${overdueFlag}：已过整改期限，还没有通过审核`}</Text> : null}
      <InfoRow label='整改期限' value={dateText(item.deadline)} />
      <InfoRow label='状态' value={rectificationStatusText(item.status)} />
      <Text className='text strong spaced-top'>办理经过</Text>
      {item.history.map((h, i) => (
        <View key={`${h.at}-${i}`} className='history'>
          <Text className='text'>{historyText(h)}</Text>
          {h.evidence?.length ? <PhotoThumbs photos={h.evidence} onOpen={onOpen} /> : null}
        </View>
      ))}
      {children}
    </View>
  );
}
