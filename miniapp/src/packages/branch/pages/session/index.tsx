import { Text, View } from '@tarojs/components';
import { useSubmission } from '@/hooks/use-submission';
import { useState } from 'react';
import { openFile, pickPhotos, sendFile } from '@/adapters/files';
import { usePageParam } from '@/adapters/page-hooks';
import { AttachmentLinks, type OpenableFile } from '@/components/Attachments';
import { AttendanceBoard } from '@/components/AttendanceBoard';
import { AmendmentForm, AmendmentList, CloseSession } from '@/components/ClosePanel';
import { ElderPage } from '@/components/ElderPage';
import { InfoRow } from '@/components/InfoRow';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { MinutesPanel } from '@/components/MinutesPanel';
import { MoveSessionPanel } from '@/components/MoveSessionPanel';
import { SectionTabs } from '@/components/SectionTabs';
import { useApi } from '@/hooks/api-context';
import { useMe } from '@/hooks/use-me';
import { useSession } from '@/hooks/use-sessions';
import { usePhotoBatch } from '@/hooks/use-upload';
import { ApiError, messageOf } from '@/services/api-error';
import { everyonePresent } from '@/services/attendance-board';
import { needsNoMinutesReason } from '@ltx/shared/domain/session-rules';
import { amendmentErrorsFromApi, minutesErrorsFromApi, type AmendmentErrors, type MinutesErrors } from '@/services/minutes-form';
import { whenText } from '@/services/session-time';
import { expectedText, kindText } from '@/services/session-words';
import type { AmendmentInput, AttendanceInput, MinutesInput, SessionDetail, SessionPatchInput } from '@/services/types';
import { may } from '@/services/permissions';
import { deviceNow } from '@/adapters/clock';

type Tab = 'details' | 'attendance' | 'minutes' | 'archive';

const tabs = [
  { value: 'details' as const, label: '会议详情' },
  { value: 'attendance' as const, label: '出席登记' },
  { value: 'minutes' as const, label: '会议记录' },
  { value: 'archive' as const, label: '归档更正' },
];

interface Outcome<E> {
  errors: E;
  formError?: string;
  okMessage?: string;
}

/** One session: details, the attendance screen, the minutes, and closing with corrections after. */
export default function SessionPage() {
  const api = useApi();
  const amendment = useSubmission((a: { sessionId: string; input: AmendmentInput }, key: string) => api.amendSession(a.sessionId, a.input, key));
  const id = usePageParam('id');
  const me = useMe();
  const loaded = useSession(id);
  const [fresh, setFresh] = useState<SessionDetail | undefined>();
  const [tab, setTab] = useState<Tab>('details');
  const [writeError, setWriteError] = useState<string | undefined>();
  const [minutesOutcome, setMinutesOutcome] = useState<Outcome<MinutesErrors>>({ errors: {} });
  const [amendOutcome, setAmendOutcome] = useState<Outcome<AmendmentErrors>>({ errors: {} });
  const photos = usePhotoBatch(pickPhotos, sendFile);

  // The newest answer wins: each write returns the whole session.
  const s = fresh && fresh.id === id ? fresh : loaded.data;
  const writes = may(me.data, 'session.write');
  const closed = s?.status === 'closed';
  const canWrite = writes && !closed;
  // Read once per answer: attendance and archiving wait for the meeting to begin.
  const notStarted = s ? Date.parse(s.startsAt) > deviceNow().getTime() : false;

  /** A write that failed because someone closed the record meanwhile: say so and show the closed record. */
  const afterFailure = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'SESSION_CLOSED') {
      setWriteError(e.message);
      setFresh(undefined);
      loaded.reload();
    }
  };

  const write = async (work: () => Promise<SessionDetail>) => {
    setWriteError(undefined);
    try {
      setFresh(await work());
    } catch (e) {
      afterFailure(e);
      throw e;
    }
  };

  const previewAll = async () => {
    const input = s && everyonePresent(s);
    if (!s || !input) throw new Error('没有应到人员');
    return api.previewMany(s.id, input);
  };
  const markAll = async () => {
    if (!s) return;
    const input = everyonePresent(s);
    if (input) await write(() => api.markMany(s.id, input));
  };
  const undoAll = async (bulkId: string) => {
    if (s) await write(() => api.undoMany(s.id, bulkId));
  };
  const mark = (memberId: string, input: AttendanceInput) => (s ? write(() => api.markAttendance(s.id, memberId, input)) : Promise.resolve());

  const saveMinutes = async (input: MinutesInput) => {
    if (!s) return;
    setMinutesOutcome({ errors: {} });
    try {
      await write(() => api.saveMinutes(s.id, input));
      setMinutesOutcome({ errors: {}, okMessage: '会议记录已保存。' });
    } catch (e) {
      setMinutesOutcome({ errors: e instanceof ApiError ? minutesErrorsFromApi(e.fieldMessages()) : {}, formError: messageOf(e) });
    }
  };

  const move = (patch: SessionPatchInput) => (s ? write(() => api.updateSession(s.id, patch)) : Promise.resolve());

  const close = async (noMinutesReason?: string) => {
    if (s) await write(() => api.closeSession(s.id, noMinutesReason ? { noMinutesReason } : {}));
  };

  const amend = async (input: AmendmentInput) => {
    if (!s) return false;
    setAmendOutcome({ errors: {} });
    try {
      await write(() => amendment.submit({ sessionId: s.id, input }));
      amendment.renew(); // the next correction, even with the same words, is a new one
      setAmendOutcome({ errors: {}, okMessage: '更正已添加，见上面的更正说明。' });
      return true;
    } catch (e) {
      setAmendOutcome({ errors: e instanceof ApiError ? amendmentErrorsFromApi(e.fieldMessages()) : {}, formError: messageOf(e) });
      return false;
    }
  };

  const open = (f: OpenableFile) => openFile(f);

  if (!id) return <ElderPage title='组织生活'><Message kind='error' text='没有指定会议。请返回列表重新选择。' /></ElderPage>;
  return (
    <ElderPage title={s ? kindText(s.kind) : '组织生活'}>
      <LoadState loading={loaded.loading && !s} error={loaded.error} onRetry={loaded.reload} />
      {s ? (
        <View>
          <Text className='text text--large strong'>{s.topic}</Text>
          <Text className={closed ? 'banner banner--ok' : 'banner'}>
            {closed ? `✓ 已归档：${s.closedByName ?? ''}，${s.closedAt ? whenText(s.closedAt) : ''}` : '未归档：出席和会议记录还可以修改'}
          </Text>
          {!writes ? <Text className='text text--muted'>您可以查看，不能修改。</Text> : null}
          <SectionTabs tabs={tabs} value={tab} onChange={(t) => setTab(t)} />
          <Message kind='error' text={writeError} />

          {tab === 'details' ? (
            <View>
              <Text className='h2'>会议详情</Text>
              <InfoRow label='类型' value={kindText(s.kind)} />
              <InfoRow label='时间' value={whenText(s.startsAt)} />
              <InfoRow label='地点' value={s.place} />
              <InfoRow label='主持人' value={s.hostName} />
              <InfoRow label='记录人' value={s.recorderName} />
              <InfoRow label='应到' value={`${expectedText(s.kind, s.partyGroup).replace('应到人员：', '')}，共 ${s.expectedCount} 人`} />
              <InfoRow label='网上参学' value={s.onlineOffered ? '提供' : '不提供'} />
              {canWrite && notStarted ? <MoveSessionPanel key={s.id} session={s} onSave={move} /> : null}
              <Text className='h2'>学习材料</Text>
              <Text className='text material'>{s.materialText || '没有文字材料。'}</Text>
              <AttachmentLinks files={s.attachments} onOpen={open} />
            </View>
          ) : null}

          {tab === 'attendance' ? (
            <View>
              <Text className='h2'>出席登记</Text>
              {closed ? <Text className='text'>记录已归档，出席情况不能直接修改；如需更正，请到“归档更正”添加更正说明。</Text> : null}
              <AttendanceBoard session={s} readOnly={!canWrite} notStarted={notStarted} onPreview={previewAll} onMarkAll={markAll} onUndo={undoAll} onMark={mark} />
            </View>
          ) : null}

          {tab === 'minutes' ? (
            <View>
              <Text className='h2'>会议记录</Text>
              <MinutesPanel
                key={`${s.id}-${closed}`}
                session={s}
                readOnly={!canWrite}
                onSave={saveMinutes}
                photos={photos}
                onOpen={(f) => void open(f)}
                outcome={minutesOutcome}
              />
            </View>
          ) : null}

          {tab === 'archive' ? (
            <View>
              <Text className='h2'>归档</Text>
              {closed ? (
                <View>
                  <InfoRow label='状态' value='已归档' />
                  <InfoRow label='归档人' value={s.closedByName ?? '未记录'} />
                  <InfoRow label='归档时间' value={s.closedAt ? whenText(s.closedAt) : '未记录'} />
                  {s.noMinutesReason ? <InfoRow label='没有会议记录的原因' value={s.noMinutesReason} /> : null}
                </View>
              ) : writes && notStarted ? (
                <Text className='text'>会议还没有开始，开过之后才能归档。</Text>
              ) : writes ? (
                <CloseSession onClose={close} needsReason={needsNoMinutesReason(s.kind, s.minutes)} />
              ) : (
                <Text className='text'>这次会议还没有归档。</Text>
              )}
              <Text className='h2'>更正说明</Text>
              <AmendmentList session={s} />
              {writes && closed ? (
                <View>
                  <Text className='h2'>添加更正</Text>
                  <AmendmentForm session={s} onSubmit={amend} outcome={amendOutcome} />
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : null}
    </ElderPage>
  );
}
