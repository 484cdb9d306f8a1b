import { Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { SecretaryVisitCard, type VisitOutcome, type VisitPanel } from '@/components/SecretaryVisitCard';
import { useApi } from '@/hooks/api-context';
import { useMe } from '@/hooks/use-me';
import { useBranchContacts, useBranchVisits } from '@/hooks/use-visits';
import { ApiError, messageOf } from '@/services/api-error';
import { pages, withQuery } from '@/services/routes';
import type { BranchContact, VisitRequest, VisitScheduleInput } from '@/services/types';
import { defaultScheduleForm, scheduleErrorsFromApi } from '@/services/visit-forms';
import { secretaryOrder } from '@/services/visit-words';
import { may } from '@/services/permissions';
import { deviceNow } from '@/adapters/clock';

/**
 * Every open 送学上门 request of the branch, late ones first: confirm the system's drafts in one
 * tap, send a contact at a time, confirm by phone, or cancel with a reason. Nothing pops up.
 */
export default function VisitsPage() {
  const api = useApi();
  const me = useMe();
  const manages = may(me.data, 'visit.manage');
  const branchId = manages ? me.data?.branchId : undefined;
  const visits = useBranchVisits(branchId);
  const contacts = useBranchContacts(branchId);
  const now = useMemo(() => deviceNow(), []);
  // Each write answers the whole request: it replaces the loaded one until the next reload.
  const [fresh, setFresh] = useState<Record<string, VisitRequest>>({});
  const [panel, setPanel] = useState<{ id: string; panel: VisitPanel } | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [outcomes, setOutcomes] = useState<Record<string, VisitOutcome>>({});
  useReloadOnReturn(() => {
    setFresh({});
    visits.reload();
  });

  // The secretary may go too: they are offered after the paired contacts.
  const choices: BranchContact[] = useMemo(() => {
    const list = [...(contacts.data ?? [])];
    if (me.data && !list.some((c) => c.userId === me.data?.userId)) list.push({ userId: me.data.userId, name: `我自己（${me.data.displayName}）` });
    return list;
  }, [contacts.data, me.data]);

  const list = visits.data ? secretaryOrder(visits.data.map((v) => fresh[v.id] ?? v)) : undefined;

  const run = async (id: string, work: () => Promise<VisitRequest>, okMessage: (v: VisitRequest) => string) => {
    setBusy(id);
    setOutcomes((o) => ({ ...o, [id]: { errors: {} } }));
    try {
      const v = await work();
      setFresh((f) => ({ ...f, [id]: v }));
      setOutcomes((o) => ({ ...o, [id]: { errors: {}, okMessage: okMessage(v) } }));
      setPanel(undefined);
    } catch (e) {
      const fields = e instanceof ApiError ? scheduleErrorsFromApi(e.fieldMessages()) : {};
      setOutcomes((o) => ({ ...o, [id]: { errors: fields, formError: messageOf(e) } }));
      // Someone else moved it on meanwhile: show where it stands now.
      if (e instanceof ApiError && e.code === 'VISIT_STATE') {
        setPanel(undefined);
        setFresh((f) => {
          const rest = { ...f };
          delete rest[id];
          return rest;
        });
        visits.reload();
      }
    } finally {
      setBusy(undefined);
    }
  };

  const schedule = (v: VisitRequest, input: VisitScheduleInput) =>
    void run(v.id, () => api.scheduleVisit(v.id, input), (r) => (v.scheduled ? `✓ 已改期。${r.statusText}` : `✓ ${r.statusText}`));

  return (
    <ElderPage title='送学上门'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !manages ? <Message kind='error' text='只有支部书记可以安排送学上门。' /> : null}
      <LoadState loading={visits.loading && !list} error={visits.error} onRetry={visits.reload} />
      {contacts.error ? <Message kind='error' text={`联系人名单没有读出来：${contacts.error}`} /> : null}
      {list && list.length === 0 ? <Text className='text text--large'>现在没有未完成的送学上门申请。</Text> : null}
      {list && list.length > 0 ? (
        <Text className='text strong'>
          共 {list.length} 件未完成{list.some((v) => v.overdue) ? `，其中 ${list.filter((v) => v.overdue).length} 件已逾期（排在最前面）` : ''}。
        </Text>
      ) : null}
      {list?.map((v) => (
        <SecretaryVisitCard
          key={v.id}
          visit={v}
          panel={panel?.id === v.id ? panel.panel : 'none'}
          onPanel={(p) => {
            setPanel(p === 'none' ? undefined : { id: v.id, panel: p });
            setOutcomes((o) => ({ ...o, [v.id]: { errors: {} } }));
          }}
          contacts={choices}
          scheduleInitial={defaultScheduleForm(v, now, contacts.data ?? [])}
          busy={busy === v.id}
          outcome={outcomes[v.id] ?? { errors: {} }}
          onAccept={() => void run(v.id, () => api.acceptVisit(v.id), () => '已确认，请接着安排联系人和时间。')}
          onSchedule={(input) => schedule(v, input)}
          onConfirmByPhone={() => void run(v.id, () => api.confirmVisit(v.id, { byPhone: true }), () => '✓ 已电话确认送学，出席登记为“送学上门”。')}
          onCancel={(reason) => void run(v.id, () => api.cancelVisit(v.id, { reason }), (r) => r.statusText)}
          onOpenMember={() => openPage(withQuery(pages.memberDetail, { id: v.memberId }))}
        />
      ))}
    </ElderPage>
  );
}
