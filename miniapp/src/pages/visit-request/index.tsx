import { ReminderSubscribe } from '@/components/ReminderSubscribe';
import { useReminderSubscribe } from '@/hooks/use-reminder-subscribe';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { goBack } from '@/adapters/navigation';
import { usePageParam } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ChoiceField } from '@/components/ChoiceField';
import { ElderPage } from '@/components/ElderPage';
import { PendingUploads } from '@/components/PendingUploads';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { TextAreaField } from '@/components/TextAreaField';
import { useApi } from '@/hooks/api-context';
import { useAsync } from '@/hooks/use-async';
import { useMe } from '@/hooks/use-me';
import { useSubmission } from '@/hooks/use-submission';
import { usePendingQueue } from '@/hooks/use-pending-queue';
import { KeptOnPhone, keptWords, sendKept } from '@/services/pending-queue';
import { useMemberVisits } from '@/hooks/use-visits';
import { ApiError, messageOf } from '@/services/api-error';
import { nextSession } from '@/services/next-session';
import { clockText, sessionDateText } from '@/services/session-time';
import { kindText } from '@/services/session-words';
import type { VisitRequest, VisitRequestInput } from '@/services/types';
import { defaultVisitRequestForm, toVisitRequestInput, type VisitRequestForm } from '@/services/visit-forms';
import { slotOrder, slotText } from '@/services/visit-words';
import { visitLimits } from '@ltx/shared/limits';
import { deviceNow } from '@/adapters/clock';
import { proxyNameOf } from '@/services/speaker';

const slotChoices = slotOrder.map((value) => ({ value, label: slotText(value) }));

/**
 * "请支部送学上门": everything is already filled in (the next study, "上午下午都行"), so one tap on
 * "提交申请" asks. The request carries one Idempotency-Key for as long as the page is open: a
 * double tap or a retry makes one request, never two.
 */
export default function VisitRequestPage() {
  const api = useApi();
  const me = useMe();
  const wanted = usePageParam('session');
  const memberId = me.data?.memberId;
  const now = useMemo(() => deviceNow(), []);
  const sessions = useAsync(() => api.memberSessions(memberId as string), memberId ? `member-sessions:${memberId}` : null);
  const visits = useMemberVisits(memberId);
  const [form, setForm] = useState<VisitRequestForm>(defaultVisitRequestForm);
  const [noteError, setNoteError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<VisitRequest | undefined>();
  const subscribe = useReminderSubscribe(memberId);
  const queue = usePendingQueue();
  const [kept, setKept] = useState(false);
  // Kept on the phone first under the submission's key (待上传 with no network); a double tap joins the try under way.
  const submission = useSubmission((input: VisitRequestInput, key: string) =>
    sendKept(queue, { kind: 'visit-request', target: { memberId: memberId as string }, body: input, title: `送学上门申请：${session?.topic ?? ''}` }, key) as Promise<VisitRequest>,
  );

  const session = sessions.data ? (sessions.data.find((s) => s.id === wanted) ?? nextSession(sessions.data, now)) : undefined;
  const already = visits.data?.find((v) => session && v.sessionId === session.id && v.status !== 'cancelled');
  // Delivered and confirmed already: the request is closed, and the session says so.
  const credited = session?.myStatus === 'home_delivered';

  const submit = async () => {
    const checked = toVisitRequestInput(form, session?.id);
    setNoteError(checked.ok ? undefined : checked.errors.note);
    setError(undefined);
    if (!checked.ok || !memberId) return;
    setBusy(true);
    try {
      setSent(await submission.submit(checked.value));
    } catch (e) {
      if (e instanceof KeptOnPhone) return setKept(true);
      setNoteError(e instanceof ApiError ? e.fieldMessages().note : undefined);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const loading = me.loading || sessions.loading || visits.loading;
  return (
    <ElderPage title='请支部送学上门' proxyFor={proxyNameOf(me.data)}>
      <LoadState loading={loading && !sent} error={me.error ?? sessions.error} onRetry={me.error ? me.reload : sessions.reload} />
      {me.data && !memberId ? <Message kind='error' text='只有党员本人或代办家属可以申请送学上门。' /> : null}

      {sent ? (
        <View>
          <Text className='banner banner--ok'>✓ 已提交申请</Text>
          <Text className='text text--large strong'>{sent.statusText}</Text>
          <Text className='text spaced-top'>支部安排好后，首页会写明谁、哪天来。</Text>
          <Text className='text spaced-top'>想在下次学习的前一天收到微信提醒，请点下面的按钮。</Text>
          <ReminderSubscribe onSubscribe={subscribe} />
          <BigButton onClick={goBack}>返回首页</BigButton>
        </View>
      ) : null}

      {kept ? (
        <View>
          <Text className='banner banner--status'>送学上门申请：待上传</Text>
          <Text className='text text--large'>{keptWords}。</Text>
          <PendingUploads kinds={['visit-request']} />
          <BigButton onClick={goBack}>返回首页</BigButton>
        </View>
      ) : null}

      {!sent && !kept && !loading && sessions.data && !session ? (
        <View>
          <Text className='text text--large'>近期还没有安排学习，暂时不用申请送学上门。</Text>
          <BigButton onClick={goBack}>返回首页</BigButton>
        </View>
      ) : null}

      {!sent && !kept && !loading && session && already ? (
        <View>
          <Text className='text text--large'>这次学习已经申请过送学上门：</Text>
          <Text className='banner banner--status'>{already.statusText}</Text>
          <BigButton onClick={goBack}>返回首页</BigButton>
        </View>
      ) : null}

      {!sent && !kept && !loading && session && !already && credited ? (
        <View>
          <Text className='text text--large'>这次学习已经送学上门，支部已登记。</Text>
          <BigButton onClick={goBack}>返回首页</BigButton>
        </View>
      ) : null}

      {!sent && !kept && !loading && session && !already && !credited ? (
        <View>
          <View className='next-session'>
            <Text className='next-session__fact'>送学内容：{kindText(session.kind)}</Text>
            <Text className='next-session__fact'>主题：{session.topic}</Text>
            <Text className='next-session__fact'>
              原定时间：{sessionDateText(session.startsAt)} {clockText(session.startsAt)}
            </Text>
          </View>
          <ChoiceField label='希望上午还是下午来？' choices={slotChoices} value={form.slot} onChange={(slot) => setForm({ ...form, slot })} />
          <TextAreaField
            label='备注（可以不填）'
            hint='如：这次来不了，下午三点以后方便'
            value={form.note}
            maxlength={visitLimits.note}
            onChange={(note) => setForm({ ...form, note })}
            error={noteError}
          />
          <Message kind='error' text={error} />
          <BigButton onClick={() => void submit()} disabled={busy}>
            {busy ? '正在提交……' : '提交申请'}
          </BigButton>
        </View>
      ) : null}
    </ElderPage>
  );
}
