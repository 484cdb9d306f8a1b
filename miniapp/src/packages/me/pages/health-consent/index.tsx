import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { pickPhoto, sendFile } from '@/adapters/files';
import { goBack } from '@/adapters/navigation';
import { usePageParam } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ConfirmStep } from '@/components/ConfirmStep';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { useHealthConsent } from '@/hooks/use-health-consent';
import { useMe } from '@/hooks/use-me';
import { useUpload } from '@/hooks/use-upload';
import { agreeLabel, consentStateText, historyLines, readLines, withdrawQuestion } from '@/services/health-consent';
import { may } from '@/services/permissions';
import { isMemberOrProxy } from '@ltx/shared/domain/roles';
import { proxyNameOf } from '@/services/speaker';

/**
 * The member's own consent to keep their health and care information: the words in large type, agree in
 * one tap, withdraw in two (the button, then the confirm step). The member or their proxy agree here; the
 * secretary records a signed paper form with its photo (`?id=` names the member).
 */
export default function HealthConsentPage() {
  const me = useMe();
  const id = usePageParam('id') ?? me.data?.memberId;
  const consent = useHealthConsent(id);
  const paper = useUpload(pickPhoto, sendFile);
  const [confirming, setConfirming] = useState(false);
  const page = consent.page.data;
  const who = me.data;

  const recordPaper = async () => {
    const photo = await paper.upload();
    if (photo) await consent.give(photo.uploadId);
  };

  return (
    <ElderPage title='健康信息同意' proxyFor={proxyNameOf(me.data)}>
      <LoadState loading={me.loading || (consent.page.loading && !page)} error={me.error ?? consent.page.error} onRetry={consent.page.reload} />
      {page && who ? (
        <View>
          <Text className='h2'>{page.terms.title}</Text>
          {page.terms.points.map((point, i) => (
            <Text key={i} className='text text--large'>
              {i + 1}. {point}
            </Text>
          ))}
          <Text className='h2'>现在的情况</Text>
          <Text className='text text--large strong'>{consentStateText(page, who)}</Text>
          <Message kind='ok' text={consent.done} />
          <Message kind='error' text={consent.error ?? paper.error} />

          {!page.consent && isMemberOrProxy(who) ? (
            <BigButton onClick={() => void consent.give()} disabled={consent.busy}>
              {consent.busy ? '正在登记…' : agreeLabel(page, who)}
            </BigButton>
          ) : null}
          {!page.consent && !isMemberOrProxy(who) && may(who, 'consent.give') ? (
            <>
              <Text className='text'>本人在纸质同意书上签字后，请拍下签字的同意书登记。</Text>
              <BigButton onClick={() => void recordPaper()} disabled={consent.busy || paper.busy}>
                {paper.busy || consent.busy ? '正在登记…' : '拍照登记签字的同意书'}
              </BigButton>
            </>
          ) : null}

          {page.consent && !confirming ? (
            <BigButton variant='secondary' onClick={() => setConfirming(true)} disabled={consent.busy}>
              撤回同意
            </BigButton>
          ) : null}
          {page.consent && confirming ? (
            <ConfirmStep
              text={withdrawQuestion(page, who)}
              busy={consent.busy}
              confirmLabel='确定撤回'
              busyLabel='正在撤回…'
              onConfirm={() => void consent.withdraw().then((ok) => ok && setConfirming(false))}
              onBack={() => setConfirming(false)}
              backLabel='不撤回'
            />
          ) : null}

          <Text className='h2'>谁看过健康信息</Text>
          {page.reads.length ? (
            readLines(page).map((line, i) => (
              <Text key={i} className='text'>
                {line}
              </Text>
            ))
          ) : (
            <Text className='text'>还没有人看过。</Text>
          )}

          {page.history.length ? (
            <>
              <Text className='h2'>历次同意和撤回</Text>
              {historyLines(page).map((line, i) => (
                <Text key={i} className='text'>
                  {line}
                </Text>
              ))}
            </>
          ) : null}
        </View>
      ) : null}
      <BigButton variant='secondary' onClick={goBack}>
        返回
      </BigButton>
    </ElderPage>
  );
}
