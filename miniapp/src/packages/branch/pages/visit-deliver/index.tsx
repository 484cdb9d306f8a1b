import { Text, View } from '@tarojs/components';
import { useMemo, useRef, useState } from 'react';
import { openFile, pickPhotos, sendFile } from '@/adapters/files';
import { keepPhoto } from '@/adapters/photo-keeper';
import { PendingUploads } from '@/components/PendingUploads';
import { usePendingQueue } from '@/hooks/use-pending-queue';
import { keptWords, type KeptPhoto } from '@/services/pending-queue';
import { goBack } from '@/adapters/navigation';
import { usePageParam } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { DeliverForm } from '@/components/DeliverForm';
import { ElderPage } from '@/components/ElderPage';
import { InfoRow } from '@/components/InfoRow';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { usePhotoBatch } from '@/hooks/use-upload';
import { useVisit } from '@/hooks/use-visits';
import { messageOf } from '@/services/api-error';
import type { VisitDeliverInput, VisitRequest } from '@/services/types';
import { defaultDeliverForm, deliverErrorsFromApi, type DeliverErrors } from '@/services/visit-forms';
import { careChangeText, visitSessionText, windowText } from '@/services/visit-words';
import { deviceNow } from '@/adapters/clock';

/** "记录送学": the contact records the visit; afterwards the page says where the care observation went. */
export default function VisitDeliverPage() {
  const id = usePageParam('id');
  const visit = useVisit(id);
  const photos = usePhotoBatch(pickPhotos, sendFile, keepPhoto);
  const queue = usePendingQueue();
  // A delivery of this visit already kept on the phone: it goes by itself, it is not recorded twice.
  const [kept, setKept] = useState(() => (id ? queue.waitingFor('deliver', { requestId: id }) !== undefined : false));
  const now = useMemo(() => deviceNow(), []);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const [outcome, setOutcome] = useState<{ errors: DeliverErrors; formError?: string }>({ errors: {} });
  const [done, setDone] = useState<VisitRequest | undefined>();

  // Kept on the phone first (its Idempotency-Key made now), then sent: with no network it waits as 待上传.
  const submit = async (input: VisitDeliverInput, keptPhotos: KeptPhoto[]) => {
    // A shaky double tap records once: the second tap finds the first still under way.
    if (!id || sending.current) return;
    sending.current = true;
    setBusy(true);
    setOutcome({ errors: {} });
    try {
      const tried = await queue.add({ kind: 'deliver', target: { requestId: id }, body: input, photos: keptPhotos, title: `送学记录：${visit.data?.memberName ?? ''}` });
      if (tried.state === 'sent') setDone(tried.answer as VisitRequest);
      else if (tried.state === 'waiting') setKept(true);
      else {
        // The server's word on this record: shown on the form to correct.
        const e = tried.error;
        setOutcome({ errors: deliverErrorsFromApi(e.fieldMessages()), formError: messageOf(e) });
        if (e.code === 'VISIT_STATE') visit.reload();
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  if (!id) return <ElderPage title='记录送学'><Message kind='error' text='没有指定送学任务。请返回任务列表重新选择。' /></ElderPage>;
  const v = visit.data;
  const change = careChangeText(done?.delivered?.careNotesChange);
  return (
    <ElderPage title={v ? `记录送学：${v.memberName}` : '记录送学'}>
      <LoadState loading={visit.loading && !v} error={visit.error} onRetry={visit.reload} />
      {done ? (
        <View>
          <Text className='banner banner--ok'>✓ 送学已记录</Text>
          <Text className='text text--large'>{done.statusText}。请{done.memberName}本人或家属在手机上点“确认已送学”，或由支部书记电话确认。</Text>
          {change ? <Text className='banner banner--status'>{change}</Text> : null}
          <BigButton onClick={goBack}>返回送学任务</BigButton>
        </View>
      ) : null}
      {kept && !done ? (
        <View>
          <Text className='banner banner--status'>送学记录：待上传</Text>
          <Text className='text text--large'>{keptWords}。</Text>
          <PendingUploads kinds={['deliver']} />
          <BigButton onClick={goBack}>返回送学任务</BigButton>
        </View>
      ) : null}
      {!done && !kept && v ? (
        <View>
          {visitSessionText(v) ? <InfoRow label='送学内容' value={visitSessionText(v)!} /> : null}
          {v.scheduled ? <InfoRow label='安排的时间' value={windowText(v.scheduled.windowStart, v.scheduled.windowEnd)} /> : null}
          {v.status !== 'scheduled' ? <Message kind='error' text={`这次送学现在是“${v.statusText}”，不需要再记录。`} /> : null}
          {v.status === 'scheduled' ? (
            <DeliverForm
              initial={defaultDeliverForm(now, v.sessionTopic ? `学习：${v.sessionTopic}` : '')}
              busy={busy}
              outcome={outcome}
              onSubmit={(input, keptPhotos) => void submit(input, keptPhotos)}
              photos={photos}
              onOpen={(f) => void openFile(f)}
            />
          ) : null}
        </View>
      ) : null}
    </ElderPage>
  );
}
