import { Text, View } from '@tarojs/components';
import { useSubmission } from '@/hooks/use-submission';
import { useState } from 'react';
import { openFile } from '@/adapters/files';
import { exportLedger } from '@/adapters/ledger-export';
import { usePageParam } from '@/adapters/page-hooks';
import type { OpenableFile } from '@/components/Attachments';
import { ElderPage } from '@/components/ElderPage';
import { ExportPanel } from '@/components/ExportPanel';
import { AuditSection, EducationSection, LifeSection, PhotosSection, PointsSection, SetupSection } from '@/components/LedgerSections';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { ReviewForm } from '@/components/ReviewForm';
import { ReviewList } from '@/components/ReviewList';
import { SectionTabs } from '@/components/SectionTabs';
import { SignoffPanel } from '@/components/SignoffPanel';
import { useApi } from '@/hooks/api-context';
import { useLedger, useSignoffCheck } from '@/hooks/use-inspection';
import { ApiError, messageOf } from '@/services/api-error';
import { periodWords, todayInChina, validPeriod } from '@/services/inspection-periods';
import { signoffText } from '@/services/inspection-words';
import { ledgerTabs, type LedgerTab } from '@/services/ledger-words';
import { withNewer } from '@/services/rectification-list';
import { reviewErrorsFromApi, type ReviewFormState } from '@/services/review-form';
import type { Rectification, Review, ReviewInput, Signoff } from '@/services/types';

/**
 * A branch's ledger (台账) for one period, in its sections; the inspector's opinion with
 * rectification items, decisions on answered items, the sign-off, and the two exports.
 */
export default function LedgerPage() {
  const api = useApi();
  const reviewing = useSubmission((a: { branchId: string; input: ReviewInput }, key: string) => api.createReview(a.branchId, a.input, key));
  const signing = useSubmission((a: { branchId: string; period: string; acknowledged: string[] }, key: string) => api.signoff(a.branchId, a.period, a.acknowledged, key));
  const branchId = usePageParam('branch');
  const period = validPeriod(usePageParam('period'));
  const ledger = useLedger(branchId, period);
  const [tab, setTab] = useState<LedgerTab>('setup');
  const check = useSignoffCheck(branchId, period, tab === 'signoff');
  const [today] = useState(() => todayInChina());
  // What the writes answered, shown at once; the reload that follows brings the rest (counts, audit).
  const [fresh, setFresh] = useState<Rectification[]>([]);
  const [added, setAdded] = useState<Review[]>([]);
  const [signed, setSigned] = useState<Signoff | undefined>();
  const l = ledger.data;
  const reviews = l
    ? [...l.reviews, ...added.filter((a) => a.branchId === l.branchId && a.period === l.period && !l.reviews.some((r) => r.id === a.id))].map((r) => ({ ...r, items: withNewer(r.items, fresh) }))
    : [];
  const signoff = l ? (l.signoff ?? (signed?.branchId === l.branchId && signed.period === l.period ? signed : null)) : null;

  if (!branchId || !period) {
    return (
      <ElderPage title='支部台账'>
        <Message kind='error' text='没有指定支部或期间。请返回上一页重新选择。' />
      </ElderPage>
    );
  }

  const submitReview = async (input: ReviewInput, form: ReviewFormState) => {
    try {
      const review = await reviewing.submit({ branchId, input });
      reviewing.renew(); // the next opinion is a new one
      setAdded((a) => [...a, review]);
      ledger.reload();
      return undefined;
    } catch (e) {
      return { errors: e instanceof ApiError ? reviewErrorsFromApi(e.fieldMessages(), form) : {}, message: messageOf(e) };
    }
  };
  const accept = async (itemId: string) => {
    const next = await api.rectify(itemId, { action: 'accept' });
    setFresh((f) => [...f, next]);
    ledger.reload();
  };
  const sendBack = async (itemId: string, reason: string) => {
    const next = await api.rectify(itemId, { action: 'return', reason });
    setFresh((f) => [...f, next]);
    ledger.reload();
  };
  const sign = async (acknowledged: string[]) => {
    setSigned(await signing.submit({ branchId, period, acknowledged }));
    ledger.reload();
  };
  const open = (f: OpenableFile) => void openFile(f);

  const words = periodWords(period);
  return (
    <ElderPage title={l ? `${l.branchName} 台账` : '支部台账'}>
      <Text className='text text--large strong'>{`期间：${words}`}</Text>
      {l ? <Text className='text text--muted'>{l.orgName}</Text> : null}
      <LoadState loading={ledger.loading && !l} error={ledger.error} onRetry={ledger.reload} />
      {l ? (
        <View>
          <Text className={signoff ? 'banner banner--ok banner--status' : 'banner banner--status'}>
            {signoff ? `✓ ${signoffText({ by: signoff.byName, at: signoff.at })}，本期已锁定` : '○ 未签字'}
          </Text>
          <SectionTabs tabs={ledgerTabs} value={tab} onChange={setTab} />

          {tab === 'setup' ? <SetupSection setup={l.setup} /> : null}
          {tab === 'life' ? (
            <View>
              <Text className='h2'>组织生活</Text>
              <LifeSection sessions={l.sessions} />
            </View>
          ) : null}
          {tab === 'education' ? <EducationSection education={l.education} /> : null}
          {tab === 'points' ? <PointsSection points={l.points} year={period.slice(0, 4)} /> : null}
          {tab === 'photos' ? (
            <View>
              <Text className='h2'>影像资料</Text>
              <PhotosSection photos={l.photos} onOpen={(p) => void openFile(p)} />
            </View>
          ) : null}
          {tab === 'audit' ? (
            <View>
              <Text className='h2'>填报审核记录</Text>
              <AuditSection audit={l.audit} />
            </View>
          ) : null}
          {tab === 'reviews' ? (
            <View>
              <Text className='h2'>督导意见与整改</Text>
              <ReviewList reviews={reviews} onOpen={open} onAccept={accept} onReturn={sendBack} />
              <Text className='h2'>写督导意见</Text>
              <ReviewForm period={period} today={today} onSubmit={submitReview} />
            </View>
          ) : null}
          {tab === 'signoff' ? (
            <View>
              <Text className='h2'>督导签字</Text>
              <SignoffPanel signoff={signoff} periodText={words} check={check} onSign={sign} />
              <Text className='h2'>导出台账</Text>
              <ExportPanel onExport={(format) => exportLedger(l, format)} />
            </View>
          ) : null}
        </View>
      ) : null}
    </ElderPage>
  );
}
