import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { openFile, pickPhotos, sendFile } from '@/adapters/files';
import { goBack } from '@/adapters/navigation';
import { usePageParam } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { DeliverForm } from '@/components/DeliverForm';
import { ElderPage } from '@/components/ElderPage';
import { InfoRow } from '@/components/InfoRow';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { useApi } from '@/hooks/api-context';
import { usePhotoBatch } from '@/hooks/use-upload';
import { useVisit } from '@/hooks/use-visits';
import { ApiError, messageOf } from '@/services/api-error';
import type { VisitDeliverInput, VisitRequest } from '@/services/types';
import { defaultDeliverForm, deliverErrorsFromApi, type DeliverErrors } from '@/services/visit-forms';
import { careChangeText, visitSessionText, windowText } from '@/services/visit-words';
import { deviceNow } from '@/adapters/clock';

/** "记录送学": the contact records the visit; afterwards the page says where the care observation went. */
export default function VisitDeliverPage() {
  const api = useApi();
  const id = usePageParam('id');
  const visit = useVisit(id);
  const photos = usePhotoBatch(pickPhotos, sendFile);
  const now = useMemo(() => deviceNow(), []);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ errors: DeliverErrors; formError?: string }>({ errors: {} });
  const [done, setDone] = useState<VisitRequest | undefined>();

  const submit = async (input: VisitDeliverInput) => {
    if (!id) return;
    setBusy(true);
    setOutcome({ errors: {} });
    try {
      setDone(await api.deliverVisit(id, input));
    } catch (e) {
      setOutcome({ errors: e instanceof ApiError ? deliverErrorsFromApi(e.fieldMessages()) : {}, formError: messageOf(e) });
      if (e instanceof ApiError && e.code === 'VISIT_STATE') visit.reload();
    } finally {
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
      {!done && v ? (
        <View>
          {visitSessionText(v) ? <InfoRow label='送学内容' value={visitSessionText(v)!} /> : null}
          {v.scheduled ? <InfoRow label='安排的时间' value={windowText(v.scheduled.windowStart, v.scheduled.windowEnd)} /> : null}
          {v.status !== 'scheduled' ? <Message kind='error' text={`这次送学现在是“${v.statusText}”，不需要再记录。`} /> : null}
          {v.status === 'scheduled' ? (
            <DeliverForm
              initial={defaultDeliverForm(now, v.sessionTopic ? `学习：${v.sessionTopic}` : '')}
              busy={busy}
              outcome={outcome}
              onSubmit={(input) => void submit(input)}
              photos={photos}
              onOpen={(f) => void openFile(f)}
            />
          ) : null}
        </View>
      ) : null}
    </ElderPage>
  );
}
