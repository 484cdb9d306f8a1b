import { Text } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { QuietMemberRow } from '@/components/QuietMemberRow';
import { RectificationBlock } from '@/components/RectificationBlock';
import { SessionRow } from '@/components/SessionRow';
import { useOwnHome } from '@/hooks/use-own-home';
import { useOverview } from '@/hooks/use-sessions';
import { pages, withQuery } from '@/services/routes';
import { visitCountsText } from '@/services/visit-words';
import { LogoutButton } from '@/components/LogoutButton';
import { FooterLinks } from '@/components/FooterLinks';
import { IncomingTransfers } from '@/components/IncomingTransfers';
import { Message } from '@/components/Message';
import { useApi } from '@/hooks/api-context';
import { useTransfers } from '@/hooks/use-transfers';
import { may } from '@/services/permissions';
import { messageOf } from '@/services/api-error';
import { useState } from 'react';

/** The secretary's first page: who is drifting away, what comes next, and the branch's work. */
export default function BranchHomePage() {
  const { me, misplaced } = useOwnHome(pages.branchHome);
  const overview = useOverview(misplaced ? undefined : me.data?.branchId);
  useReloadOnReturn(overview.reload);
  const api = useApi();
  const transfers = useTransfers(!misplaced && may(me.data, 'transfer.accept') ? me.data?.branchId : undefined);
  useReloadOnReturn(transfers.reload);
  const [transferBusy, setTransferBusy] = useState<string | undefined>();
  const [transferError, setTransferError] = useState<{ id: string; text: string } | undefined>();
  const [transferDone, setTransferDone] = useState<string | undefined>();
  const settle = async (id: string, work: () => Promise<{ memberName: string; status: string }>) => {
    setTransferBusy(id);
    setTransferError(undefined);
    setTransferDone(undefined);
    try {
      const t = await work();
      setTransferDone(t.status === 'accepted' ? `已接收${t.memberName}，已列入本支部党员名单。` : `已告知对方：未接收${t.memberName}。`);
      transfers.reload();
      overview.reload();
    } catch (e) {
      setTransferError({ id, text: messageOf(e) });
    } finally {
      setTransferBusy(undefined);
    }
  };

  const o = overview.data;
  const visitWords = o?.visits ? visitCountsText(o.visits) : undefined;
  return (
    <ElderPage title={me.data?.branchName ?? '支部工作'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !me.data.branchId ? <Text className='text'>您的账号还没有所属支部，请联系管理员。</Text> : null}

      <Message kind='ok' text={transferDone} />
      {transfers.data ? (
        <IncomingTransfers
          transfers={transfers.data.incoming}
          busyId={transferBusy}
          error={transferError}
          onAccept={(id) => void settle(id, () => api.acceptTransfer(id))}
          onDecline={(id) => void settle(id, () => api.declineTransfer(id))}
        />
      ) : null}

      <Text className='h2'>五个月未参加组织生活</Text>
      <LoadState loading={overview.loading && !o} error={overview.error} onRetry={overview.reload} />
      {o && o.quietMembers.length === 0 ? <Text className='text'>没有五个月以上未参加组织生活的党员。</Text> : null}
      {o && o.quietMembers.length > 0 ? <Text className='text'>请尽快打电话或上门看望，不要满六个月。打过电话，点“已联系”记一笔。</Text> : null}
      {o?.quietMembers.map((m) => (
        <QuietMemberRow key={m.memberId} member={m} onOpen={() => openPage(withQuery(pages.memberDetail, { id: m.memberId }))} onCalled={overview.reload} />
      ))}
      {o && o.contactedQuietMembers.length > 0 ? <Text className='text strong spaced-top'>已电话联系，暂不提醒</Text> : null}
      {o?.contactedQuietMembers.map((m) => (
        <QuietMemberRow key={m.memberId} member={m} resting onOpen={() => openPage(withQuery(pages.memberDetail, { id: m.memberId }))} onCalled={overview.reload} />
      ))}

      <RectificationBlock branchId={misplaced ? undefined : me.data?.branchId} />

      <Text className='h2'>送学上门</Text>
      {visitWords ? <Text className='text text--large'>{visitWords.line}</Text> : null}
      {visitWords?.warning ? <Text className='banner banner--warning'>{visitWords.warning}</Text> : null}
      <BigButton variant={visitWords?.warning ? 'primary' : 'secondary'} onClick={() => openPage(pages.visits)}>
        查看和安排送学上门
      </BigButton>

      <BigButton onClick={() => openPage(pages.sessionNew)}>＋ 新建组织生活</BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.sessions)}>
        组织生活记录
      </BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.members)}>
        党员名单
      </BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.outbox)}>
        待发提醒
      </BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.branchPoints)}>
        党员积分
      </BigButton>

      <Text className='h2'>近期会议</Text>
      {o && o.nextSessions.length === 0 ? <Text className='text'>近两个月还没有安排会议。</Text> : null}
      {o?.nextSessions.map((s) => <SessionRow key={s.id} session={s} onOpen={() => openPage(withQuery(pages.session, { id: s.id }))} />)}

      <FooterLinks me={me.data} />
      <LogoutButton />
    </ElderPage>
  );
}
