import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { openFile, pickPhoto, sendFile } from '@/adapters/files';
import { useApi } from '@/hooks/api-context';
import { useBranchRectifications } from '@/hooks/use-inspection';
import { useUpload } from '@/hooks/use-upload';
import { messageOf } from '@/services/api-error';
import { needsAnswer, overdueFlag } from '@/services/inspection-words';
import { periodWords, rectificationPeriods, todayInChina } from '@/services/inspection-periods';
import { openOnly, withNewer, type ItemWithReview } from '@/services/rectification-list';
import type { Rectification } from '@/services/types';
import { AnswerForm } from './AnswerForm';
import type { OpenableFile } from './Attachments';
import { BigButton } from './BigButton';
import { InfoRow } from './InfoRow';
import { LoadState } from './LoadState';
import { Message } from './Message';
import { RectificationCard } from './RectificationCard';

/**
 * "整改事项" on the secretary's home: the branch's items not yet accepted, overdue ones first and
 * flagged in words, each with the opinion it came from and a form to answer it right there.
 */
export function RectificationBlock({ branchId }: { branchId: string | undefined }) {
  const api = useApi();
  const [periods] = useState(() => rectificationPeriods(todayInChina()));
  const loaded = useBranchRectifications(branchId, periods);
  // What an answer came back with, shown at once (newer versions win over the loaded list).
  const [fresh, setFresh] = useState<Rectification[]>([]);
  const [answering, setAnswering] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const photos = useUpload(pickPhoto, sendFile);

  const list = openOnly(withNewer(loaded.data ?? [], fresh));
  const overdue = list.filter((i) => i.overdue).length;
  const open = (f: OpenableFile) => void openFile(f);

  const answer = (item: ItemWithReview) => async (input: { action: 'answer'; text: string; evidence: { uploadId: string; name: string }[] }) => {
    try {
      const next = await api.rectify(item.id, input);
      setFresh((f) => [...f, next]);
      setAnswering(undefined);
      setSaved(item.id);
      return undefined;
    } catch (e) {
      return messageOf(e);
    }
  };

  if (!branchId) return null;
  return (
    <View>
      <Text className='h2'>整改事项</Text>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && list.length === 0 ? <Text className='text'>没有待办的整改事项。</Text> : null}
      {list.length > 0 ? (
        <Text className={overdue ? 'text strong indicator--short' : 'text'}>
          {overdue ? `共 ${list.length} 项未完成，其中 ${overdue} 项${overdueFlag.replace('⚠ ', '')}，请尽快整改并答复。` : `共 ${list.length} 项未完成，请按期整改并在这里答复。`}
        </Text>
      ) : null}
      {list.map((item) => (
        <RectificationCard key={item.id} item={item} onOpen={open}>
          <InfoRow label='督导意见' value={`${item.opinion}（${item.reviewBy}，${periodWords(item.period)}）`} />
          <Message kind='ok' text={saved === item.id ? '整改情况已提交，等待督导审核。' : undefined} />
          {needsAnswer(item) && answering !== item.id ? (
            <BigButton onClick={() => setAnswering(item.id)}>{`答复：${item.what}`}</BigButton>
          ) : null}
          {needsAnswer(item) && answering === item.id ? (
            <AnswerForm
              onSubmit={answer(item)}
              onCancel={() => setAnswering(undefined)}
              onAddPhoto={photos.upload}
              photoBusy={photos.busy}
              photoError={photos.error}
              onOpen={open}
            />
          ) : null}
          {item.status === 'answered' && saved !== item.id ? <Text className='text text--muted spaced-top'>已答复，等待督导审核。</Text> : null}
        </RectificationCard>
      ))}
    </View>
  );
}
