import { Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { usePageParam } from '@/adapters/page-hooks';
import { AwardForm } from '@/components/AwardForm';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { PointsEntryRow } from '@/components/PointsEntryRow';
import { PointsSummary } from '@/components/PointsSummary';
import { ReversalPanel } from '@/components/ReversalPanel';
import { useApi } from '@/hooks/api-context';
import { useMe } from '@/hooks/use-me';
import { useMemberPoints } from '@/hooks/use-points';
import { useSubmission } from '@/hooks/use-submission';
import { ApiError, messageOf } from '@/services/api-error';
import { awardErrorsFromApi, categoryText, pointsText, pointsView, thisYear, type AwardErrors } from '@/services/points-view';
import type { ManualAwardInput } from '@/services/types';
import { may } from '@/services/permissions';
import { deviceNow } from '@/adapters/clock';

/**
 * One member's points for the secretary: the entries, "记分" (with an Idempotency-Key kept for
 * retries and double taps, renewed after each recorded entry) and "更正" with a required reason.
 */
export default function MemberPointsPage() {
  const api = useApi();
  const id = usePageParam('id');
  const yearParam = Number(usePageParam('year'));
  const year = useMemo(() => (yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear(deviceNow())), [yearParam]);
  const me = useMe();
  const points = useMemberPoints(id, year);
  const canWrite = may(me.data, 'points.write');
  const [awardBusy, setAwardBusy] = useState(false);
  const [awardOutcome, setAwardOutcome] = useState<{ errors: AwardErrors; formError?: string; okMessage?: string }>({ errors: {} });
  const [reversing, setReversing] = useState<string | undefined>();
  const [busyEntry, setBusyEntry] = useState<string | undefined>();
  const [entryErrors, setEntryErrors] = useState<Record<string, string>>({});
  const award = useSubmission((input: ManualAwardInput, key: string) => api.awardPoints(id as string, input, key));
  // A reversal is bound to its entry: a double tap reverses once and both taps see the same answer.
  const reversal = useSubmission((a: { entryId: string; reason: string }, key: string) => api.reversePoints(a.entryId, { reason: a.reason }, key));

  const submitAward = async (input: ManualAwardInput): Promise<boolean> => {
    setAwardBusy(true);
    setAwardOutcome({ errors: {} });
    try {
      const entry = await award.submit(input);
      award.renew();
      setAwardOutcome({ errors: {}, okMessage: `已记分：${categoryText(entry.category)}，${pointsText(entry.points)}。` });
      points.reload();
      return true;
    } catch (e) {
      setAwardOutcome({ errors: e instanceof ApiError ? awardErrorsFromApi(e.fieldMessages()) : {}, formError: messageOf(e) });
      return false;
    } finally {
      setAwardBusy(false);
    }
  };

  const reverse = async (entryId: string, reason: string) => {
    setBusyEntry(entryId);
    setEntryErrors((x) => ({ ...x, [entryId]: '' }));
    try {
      await reversal.submit({ entryId, reason });
      setReversing(undefined);
      points.reload();
    } catch (e) {
      // 409: already reversed, or the period is signed off. Said under the entry itself.
      setEntryErrors((x) => ({ ...x, [entryId]: messageOf(e) }));
      if (e instanceof ApiError && e.code === 'ALREADY_REVERSED') points.reload();
    } finally {
      setBusyEntry(undefined);
    }
  };

  if (!id) return <ElderPage title='党员积分明细'><Message kind='error' text='没有指定党员。请返回积分表重新选择。' /></ElderPage>;
  const view = points.data ? pointsView(points.data) : undefined;
  return (
    <ElderPage title={points.data ? `${points.data.memberName} 的积分` : '党员积分明细'}>
      <LoadState loading={points.loading && !view} error={points.error} onRetry={points.reload} />
      {view ? <PointsSummary view={view} whose='' /> : null}
      {view && canWrite && !view.off ? (
        <>
          <Text className='h2'>记分</Text>
          <Text className='text text--muted'>参加会议、送学上门的分由出席登记自动记；这里记志愿服务、正能量活动和更正。</Text>
          <AwardForm busy={awardBusy} outcome={awardOutcome} onSubmit={submitAward} />
        </>
      ) : null}
      {view ? <Text className='h2'>积分明细（最新的在最上面）</Text> : null}
      {view?.empty ? <Text className='text'>这一年还没有积分记录。</Text> : null}
      {view?.entries.map((line) => (
        <PointsEntryRow key={line.id} line={line}>
          {canWrite && line.reversible ? (
            <ReversalPanel
              open={reversing === line.id}
              onOpen={(open) => setReversing(open ? line.id : undefined)}
              busy={busyEntry === line.id}
              error={entryErrors[line.id] || undefined}
              onReverse={(reason) => void reverse(line.id, reason)}
            />
          ) : null}
          {canWrite && !line.reversible && entryErrors[line.id] ? <Message kind='error' text={entryErrors[line.id]} /> : null}
        </PointsEntryRow>
      ))}
    </ElderPage>
  );
}
