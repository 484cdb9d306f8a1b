import { Text } from '@tarojs/components';
import { useState } from 'react';
import { openFile } from '@/adapters/files';
import { downloadMyData } from '@/adapters/my-data-file';
import type { ExportOutcome } from '@/services/inspection-export';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { speech } from '@/adapters/speech';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { MemberHome } from '@/components/MemberHome';
import { MemberVisits } from '@/components/MemberVisits';
import { ChangeNotices } from '@/components/ChangeNotices';
import { useNotices } from '@/hooks/use-notices';
import { Message } from '@/components/Message';
import { NextSessionCard } from '@/components/NextSessionCard';
import { ReminderSubscribe } from '@/components/ReminderSubscribe';
import { useReminderSubscribe } from '@/hooks/use-reminder-subscribe';
import { useApi } from '@/hooks/api-context';
import { useOwnHome } from '@/hooks/use-own-home';
import { useNextSession } from '@/hooks/use-next-session';
import { hasStarted } from '@/services/next-session';
import { useMemberVisits } from '@/hooks/use-visits';
import { pages, withQuery } from '@/services/routes';
import type { AttendanceInput, SessionDetail } from '@/services/types';
import { PendingUploads } from '@/components/PendingUploads';
import { usePendingQueue } from '@/hooks/use-pending-queue';
import { sendKept } from '@/services/pending-queue';
import { attendanceDraft } from '@/services/pending-senders';
import type { WithdrawableStatus } from '@/services/session-words';
import { useSubmission } from '@/hooks/use-submission';
import { LogoutButton } from '@/components/LogoutButton';
import { FooterLinks } from '@/components/FooterLinks';
import { deviceNow } from '@/adapters/clock';
import { proxyNameOf, speakerFor } from '@/services/speaker';

/** The member's (or their proxy's) own page: a home visit under way, 送学上门 and 我的积分, then the next study in large type. */
export default function HomePage() {
  const api = useApi();
  const { me, misplaced } = useOwnHome(pages.home);
  const memberId = misplaced ? undefined : me.data?.memberId;
  const next = useNextSession(memberId);
  const visits = useMemberVisits(memberId);
  const notices = useNotices(memberId);
  const [copy, setCopy] = useState<ExportOutcome | undefined>();
  // A family proxy reads the elder's name where the member reads 我 ("王建国的积分").
  const proxyFor = misplaced ? undefined : proxyNameOf(me.data);
  const who = speakerFor(proxyFor);
  const reloadAfterUpload = () => {
    next.reload();
    visits.reload();
    notices.reload();
  };
  useReloadOnReturn(reloadAfterUpload);

  const queue = usePendingQueue();
  // Leave or 我已学习 is kept on the phone first (待上传 with no network) and sent with the key made at the tap.
  const report = async (sessionId: string, input: AttendanceInput) => {
    const detail = await sendKept(queue, attendanceDraft(sessionId, memberId as string, input, next.data?.session.topic ?? ''));
    return (detail as SessionDetail).attendance.find((a) => a.memberId === memberId);
  };

  // Each way back keeps its Idempotency-Key across retries of one confirmed tap, and takes a new one after it landed.
  const withdrawing = useSubmission((a: { sessionId: string; status: WithdrawableStatus }, key: string) => api.withdrawAttendance(a.sessionId, memberId as string, { status: a.status }, key));
  const withdrawOwn = async (sessionId: string, status: WithdrawableStatus) => {
    const detail = await withdrawing.submit({ sessionId, status });
    withdrawing.renew();
    return detail.attendance.find((a) => a.memberId === memberId);
  };
  const withdrawingVisit = useSubmission((requestId: string, key: string) => api.withdrawVisit(requestId, {}, key));
  const missing = useSubmission((a: { requestId: string; note: string }, key: string) => api.reportVisitMissed(a.requestId, a.note ? { note: a.note } : {}, key));
  const withdrawVisit = async (requestId: string) => {
    await withdrawingVisit.submit(requestId);
    withdrawingVisit.renew();
  };
  const reportMissed = async (requestId: string, note: string) => {
    await missing.submit({ requestId, note });
    missing.renew();
  };

  // 送学上门 in two taps: this button, then "提交申请" on a page whose defaults are already right.
  const askVisit = () => openPage(withQuery(pages.visitRequest, { session: next.data?.session.id }));

  // Confirming credits the session: the card below then says "支部已登记为您送学上门".
  const confirmVisit = async (requestId: string) => {
    const done = await api.confirmVisit(requestId, { byPhone: false });
    next.reload();
    return done;
  };

  const subscribe = useReminderSubscribe(memberId);

  return (
    <ElderPage proxyFor={proxyFor}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !misplaced ? (
        <MemberHome me={me.data}>
          {/* What the branch changed comes before everything: the plan the member had in mind is no longer right. */}
          {memberId ? <ChangeNotices notices={notices.data} onSeen={(id) => api.noticeSeen(memberId, id)} /> : null}
          <PendingUploads onSent={reloadAfterUpload} />
          {/* A visit arranged or waiting for confirmation comes first: it is about the next few days. */}
          <MemberVisits visits={visits.data ?? []} onConfirm={confirmVisit} onWithdraw={withdrawVisit} onMissed={reportMissed} proxyFor={proxyFor} />
          {visits.error ? <Message kind='error' text={`送学上门的进度没有读出来：${visits.error}`} /> : null}
          {memberId ? (
            <>
              <BigButton onClick={askVisit}>送学上门</BigButton>
              <BigButton variant='secondary' onClick={() => openPage(pages.myPoints)}>
                {who.i}的积分
              </BigButton>
            </>
          ) : null}
          <Text className='h2'>{next.data && hasStarted(next.data.session, deviceNow()) ? '今天的学习' : '下一次学习'}</Text>
          <LoadState loading={next.loading && next.data === undefined} error={next.error} onRetry={next.reload} />
          {next.data === null ? <Text className='text text--large'>近期还没有安排学习。有新安排时，会在这里显示。</Text> : null}
          {next.data ? (
            <NextSessionCard
              key={next.data.session.id}
              session={next.data.session}
              mine={next.data.mine}
              attendanceMode={me.data.attendanceMode}
              onReport={(input) => report(next.data!.session.id, input)}
              onWithdraw={(status) => withdrawOwn(next.data!.session.id, status)}
              onOpenFile={openFile}
              onAskVisit={askVisit}
              speech={speech}
              proxyFor={proxyFor}
            />
          ) : null}
          {memberId ? <ReminderSubscribe onSubscribe={subscribe} /> : null}
          {memberId ? (
            <>
              <BigButton variant='secondary' onClick={() => openPage(pages.careCard)}>
                {who.i}的爱心卡
              </BigButton>
              <BigButton variant='secondary' onClick={() => openPage(pages.healthConsent)}>
                健康信息同意
              </BigButton>
              <BigButton variant='secondary' onClick={() => openPage(withQuery(pages.memberEdit, { id: memberId }))}>
                {who.i}的信息有误，申请更正
              </BigButton>
              <BigButton variant='secondary' onClick={() => void downloadMyData({ memberId, memberName: me.data?.memberName ?? me.data?.displayName ?? '' }).then(setCopy)}>
                下载{who.i}的资料
              </BigButton>
              <Message kind={copy?.ok ? 'ok' : 'error'} text={copy?.message} />
            </>
          ) : null}
        </MemberHome>
      ) : null}
      <FooterLinks me={me.data} />
      <LogoutButton />
    </ElderPage>
  );
}
