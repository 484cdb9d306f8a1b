import { Text, View } from '@tarojs/components';
import type { Review } from '@/services/types';
import { sortItems } from '@/services/inspection-words';
import { whenText } from '@/services/session-time';
import type { OpenableFile } from './Attachments';
import { InfoRow } from './InfoRow';
import { ItemDecision } from './ItemDecision';
import { RectificationCard } from './RectificationCard';

interface Props {
  reviews: Review[];
  onOpen: (file: OpenableFile) => void;
  onAccept: (itemId: string) => Promise<void>;
  onReturn: (itemId: string, reason: string) => Promise<void>;
}

/** The period's opinions, each with its items, their history, and the inspector's decision on answered ones. */
export function ReviewList({ reviews, onOpen, onAccept, onReturn }: Props) {
  if (reviews.length === 0) return <Text className='text'>本期还没有督导意见。</Text>;
  return (
    <View>
      {reviews.map((r, n) => (
        <View key={r.id} className='section'>
          <Text className='row__title'>{`第 ${n + 1} 条督导意见`}</Text>
          <InfoRow label='督导意见' value={r.opinion} />
          <InfoRow label='提出人' value={`${r.byName}，${whenText(r.at)}`} />
          {r.items.length === 0 ? <Text className='text'>没有整改事项。</Text> : null}
          {sortItems(r.items).map((item) => (
            <RectificationCard key={item.id} item={item} onOpen={onOpen}>
              <ItemDecision item={item} onAccept={() => onAccept(item.id)} onReturn={(reason) => onReturn(item.id, reason)} />
            </RectificationCard>
          ))}
        </View>
      ))}
    </View>
  );
}
