import { Text } from '@tarojs/components';
import { useSubmission } from '@/hooks/use-submission';
import { useState } from 'react';
import { openPage } from '@/adapters/navigation';
import { usePageParam, useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { DeparturePanel } from '@/components/DeparturePanel';
import { DeletionPanel } from '@/components/DeletionPanel';
import { TransferPanel } from '@/components/TransferPanel';
import { useTransfers } from '@/hooks/use-transfers';
import { ElderPage } from '@/components/ElderPage';
import { InviteCode } from '@/components/InviteCode';
import { LoadState } from '@/components/LoadState';
import { MemberFacts } from '@/components/MemberFacts';
import { MemberCalls } from '@/components/MemberCalls';
import { Message } from '@/components/Message';
import { PendingChangeCard } from '@/components/PendingChangeCard';
import { useApi } from '@/hooks/api-context';
import { useMe } from '@/hooks/use-me';
import { useMember } from '@/hooks/use-member';
import { messageOf } from '@/services/api-error';
import { pages, withQuery } from '@/services/routes';
import type { DepartureReason, Invite } from '@/services/types';
import type { DeletionReason } from '@ltx/shared/domain/member-deletion';
import { todayInChina } from '@/services/inspection-periods';
import { may } from '@/services/permissions';

/** One member: facts in words; for the secretary also invite codes and changes to approve. */
export default function MemberDetailPage() {
  const api = useApi();
  const invites = useSubmission((a: { memberId: string; kind: Invite['kind'] }, key: string) => api.createInvite(a.memberId, a.kind, key));
  const id = usePageParam('id');
  const me = useMe();
  const member = useMember(id);
  useReloadOnReturn(member.reload);
  const [invite, setInvite] = useState<Invite | undefined>();
  const [inviteBusy, setInviteBusy] = useState(false);
  const [inviteError, setInviteError] = useState<string | undefined>();
  const [approving, setApproving] = useState<string | undefined>();
  const [approveError, setApproveError] = useState<{ id: string; text: string } | undefined>();
  const [approved, setApproved] = useState<string | undefined>();
  const departures = useSubmission((a: { memberId: string; input: { reason: DepartureReason; on: string; note?: string; expectedVersion: number } }, key: string) =>
    api.recordDeparture(a.memberId, a.input, key),
  );
  const deletions = useSubmission((a: { memberId: string; input: { reason: DeletionReason; expectedVersion: number } }, key: string) => api.deleteMember(a.memberId, a.input, key));
  const [departureBusy, setDepartureBusy] = useState(false);
  const [departureError, setDepartureError] = useState<string | undefined>();
  const transfersOut = useSubmission((a: { memberId: string; input: { toBranchId: string; on: string; note?: string } }, key: string) =>
    api.createTransfer(a.memberId, a.input, key),
  );
  const [transferBusy, setTransferBusy] = useState(false);
  const [transferError, setTransferError] = useState<string | undefined>();

  // The secretary edits directly; a paired contact proposes a change for the secretary to approve.
  const editsDirectly = may(me.data, 'member.update');
  const canEdit = editsDirectly || may(me.data, 'member.proposeUpdate');
  const mayInvite = may(me.data, 'member.invite');
  const approves = may(me.data, 'member.approveChange');
  const recordsDeparture = may(me.data, 'member.recordDeparture');
  const transfers = useTransfers(may(me.data, 'member.transfer') ? member.data?.branchId : undefined);

  const departureStep = async (work: () => Promise<unknown>) => {
    setDepartureBusy(true);
    setDepartureError(undefined);
    try {
      await work();
      member.reload();
    } catch (e) {
      setDepartureError(messageOf(e));
    } finally {
      setDepartureBusy(false);
    }
  };

  const transferStep = async (work: () => Promise<unknown>) => {
    setTransferBusy(true);
    setTransferError(undefined);
    try {
      await work();
      transfers.reload();
      member.reload();
    } catch (e) {
      setTransferError(messageOf(e));
    } finally {
      setTransferBusy(false);
    }
  };

  const makeInvite = async (kind: Invite['kind']) => {
    if (!id) return;
    setInviteBusy(true);
    setInviteError(undefined);
    try {
      setInvite(await invites.submit({ memberId: id, kind }));
    } catch (e) {
      setInviteError(messageOf(e));
    } finally {
      setInviteBusy(false);
    }
  };

  const approve = async (changeId: string) => {
    if (!id) return;
    setApproving(changeId);
    setApproveError(undefined);
    setApproved(undefined);
    try {
      await api.approveChange(id, changeId);
      setApproved('已同意这项修改，信息已更新。');
      member.reload();
    } catch (e) {
      setApproveError({ id: changeId, text: messageOf(e) });
    } finally {
      setApproving(undefined);
    }
  };

  if (!id) return <ElderPage title='党员详情'><Message kind='error' text='没有指定党员。请返回名单重新选择。' /></ElderPage>;
  const m = member.data;
  // Invites and edits are for members on the roll; a departed member's page keeps their facts and the departure.
  const onRoll = !!m && !m.departure;
  const pendingOut = transfers.data?.outgoing.find((t) => t.memberId === id);
  return (
    <ElderPage title={m ? m.name : '党员详情'}>
      <LoadState loading={member.loading && !m} error={member.error} onRetry={member.reload} />
      {m ? <MemberFacts member={m} /> : null}
      {m && onRoll && may(me.data, 'member.recordCall') ? <MemberCalls memberId={m.id} name={m.name} phone={m.phone} /> : null}
      {m && onRoll && canEdit ? (
        <BigButton variant='secondary' onClick={() => openPage(withQuery(pages.memberEdit, { id }))}>
          修改{editsDirectly ? '' : '（需支部书记审核）'}
        </BigButton>
      ) : null}

      {m && onRoll && may(me.data, 'consent.read') ? (
        <BigButton variant='secondary' onClick={() => openPage(withQuery(pages.healthConsent, { id }))}>
          健康信息同意{m.healthConsent ? '（已同意）' : '（未同意）'}
        </BigButton>
      ) : null}

      {m && onRoll && mayInvite ? (
        <>
          <Text className='h2'>微信绑定邀请码</Text>
          <Text className='text text--muted'>生成后把邀请码告诉党员本人或家属，在“绑定”页面输入。</Text>
          <BigButton onClick={() => void makeInvite('self')} disabled={inviteBusy}>
            生成邀请码（党员本人）
          </BigButton>
          <BigButton variant='secondary' onClick={() => void makeInvite('proxy')} disabled={inviteBusy}>
            生成邀请码（家属代办）
          </BigButton>
          <Message kind='error' text={inviteError} />
          {invite ? <InviteCode invite={invite} /> : null}
        </>
      ) : null}

      {m && approves ? (
        <>
          <Text className='h2'>待审核的修改</Text>
          <Message kind='ok' text={approved} />
          {(m.pendingChanges ?? []).length === 0 ? <Text className='text'>没有待审核的修改。</Text> : null}
          {(m.pendingChanges ?? []).map((c) => (
            <PendingChangeCard
              key={c.id}
              change={c}
              busy={approving === c.id}
              onApprove={() => void approve(c.id)}
              error={approveError?.id === c.id ? approveError.text : undefined}
            />
          ))}
        </>
      ) : null}

      {m && onRoll && transfers.data ? (
        <TransferPanel
          name={m.name}
          joinedPartyOn={m.joinedPartyOn}
          today={todayInChina()}
          destinations={transfers.data.destinations}
          {...(pendingOut ? { pending: pendingOut } : {})}
          busy={transferBusy}
          error={transferError}
          onTransfer={(input) => void transferStep(() => transfersOut.submit({ memberId: m.id, input }))}
          onCancel={() => pendingOut && void transferStep(() => api.cancelTransfer(pendingOut.id))}
        />
      ) : null}

      {m && recordsDeparture ? (
        <DeparturePanel
          name={m.name}
          joinedPartyOn={m.joinedPartyOn}
          {...(m.departure ? { departure: m.departure } : {})}
          today={todayInChina()}
          busy={departureBusy}
          error={departureError}
          onRecord={(input) => void departureStep(() => departures.submit({ memberId: m.id, input: { ...input, expectedVersion: m.version } }))}
          onUndo={() => void departureStep(() => api.undoDeparture(m.id, m.version))}
        />
      ) : null}

      {/* The administrator, for a member who died or left (not one transferred out: the receiving branch keeps them). */}
      {m?.departure && !m.departure.toBranchName && may(me.data, 'member.delete') ? (
        <DeletionPanel
          member={m}
          today={todayInChina()}
          busy={departureBusy}
          error={departureError}
          onDelete={(reason) => void departureStep(() => deletions.submit({ memberId: m.id, input: { reason, expectedVersion: m.version } }))}
        />
      ) : null}
    </ElderPage>
  );
}
