import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { goBack, openPage } from '@/adapters/navigation';
import { canPrint, printPage } from '@/adapters/print';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { TextField } from '@/components/TextField';
import { ToggleField } from '@/components/ToggleField';
import { useCareCard } from '@/hooks/use-care-card';
import { useMe } from '@/hooks/use-me';
import { careCardItems, formErrors, formOf, inputOf, missingItems, previewLines, type CareCardForm } from '@/services/care-card';
import { pages } from '@/services/routes';
import { proxyNameOf } from '@/services/speaker';
import { careCardItemLabels } from '@ltx/shared/labels';
import { careCardLimits } from '@ltx/shared/limits';

/**
 * 爱心卡: the card an elderly member carries (or keeps by the door), in large type, printable on H5. The member or
 * their proxy decides what is on it: the page shows the card as it prints, and 修改卡上内容 ticks items in or out.
 */
export default function CareCardPage() {
  const me = useMe();
  const memberId = me.data?.memberId;
  const card = useCareCard(memberId);
  const page = card.page.data;
  const [form, setForm] = useState<CareCardForm | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [tried, setTried] = useState(false);

  const editing = !!(page && form);
  const shown = page ? (form ?? formOf(page)) : undefined;
  const errors = page && form && tried ? formErrors(page, form) : {};
  const save = async () => {
    if (!page || !form) return;
    setTried(true);
    if (Object.keys(formErrors(page, form)).length) return;
    if (await card.save(inputOf(page, form))) {
      setForm(undefined);
      setTried(false);
      setDone('爱心卡已保存。');
    }
  };

  return (
    <ElderPage title='爱心卡' proxyFor={proxyNameOf(me.data)}>
      <LoadState loading={me.loading || (card.page.loading && !page)} error={me.error ?? card.page.error} onRetry={card.page.reload} />
      {me.data && !memberId ? <Message kind='error' text='爱心卡是党员本人的卡，由本人或家属在自己的手机上查看。' /> : null}
      {page && shown ? (
        <View>
          <View className='care-card'>
            <Text className='care-card__title'>爱心卡</Text>
            <Text className='care-card__name'>{page.memberName}</Text>
            {page.branchName ? <Text className='care-card__line'>所在支部：{page.branchName}</Text> : null}
            {previewLines(page, shown).map((line) => (
              <View key={line.item} className='care-card__item'>
                <Text className='care-card__label'>{line.label}：</Text>
                {line.texts.map((text, i) => (
                  <Text key={i} className='care-card__line'>
                    {text}
                  </Text>
                ))}
              </View>
            ))}
            <Text className='care-card__foot'>如果老人需要帮助，请打卡上的电话，谢谢您！</Text>
          </View>

          <View className='no-print'>
            <Message kind='ok' text={done} />
            <Message kind='error' text={card.error} />
            {missingItems(page, shown).map((m) => (
              <Text key={m.label} className='text'>
                {m.label}没有印上：{m.why}。
              </Text>
            ))}
            {!editing && canPrint() ? <BigButton onClick={printPage}>打印爱心卡</BigButton> : null}
            {!editing && !canPrint() ? <Text className='text'>微信里不能打印。请家人在电脑上打开本页打印，或请支部帮忙打印。</Text> : null}
            {!editing ? (
              <BigButton variant='secondary' onClick={() => { setDone(undefined); setForm(formOf(page)); }}>
                修改卡上内容
              </BigButton>
            ) : null}
            {editing && form ? (
              <View>
                <Text className='h2'>卡上印哪些内容</Text>
                <Text className='text'>姓名和所在支部总在卡上。下面勾选的才印上，随时可以改。</Text>
                {careCardItems.map((item) => (
                  <ToggleField key={item} label={careCardItemLabels[item]} checked={form.show[item]} onChange={(on) => setForm({ ...form, show: { ...form.show, [item]: on } })} />
                ))}
                {page.healthConsent ? (
                  <>
                    <TextField label='身体情况（自己的话，例如：高血压，左腿不便）' value={form.conditions} maxlength={careCardLimits.conditions} error={errors.conditions}
                      onChange={(conditions) => setForm({ ...form, conditions })} />
                    <TextField label='常用药（例如：硝苯地平，每天早上一片）' value={form.medicines} maxlength={careCardLimits.medicines} error={errors.medicines}
                      onChange={(medicines) => setForm({ ...form, medicines })} />
                  </>
                ) : (
                  <>
                    <Text className='text'>身体情况和常用药是健康信息：先同意保存健康信息，才能写在卡上。</Text>
                    <BigButton variant='secondary' onClick={() => openPage(pages.healthConsent)}>
                      去看“健康信息同意”
                    </BigButton>
                  </>
                )}
                <BigButton onClick={() => void save()} disabled={card.busy}>
                  {card.busy ? '正在保存…' : '保存爱心卡'}
                </BigButton>
                <BigButton variant='secondary' onClick={() => { setForm(undefined); setTried(false); }} disabled={card.busy}>
                  先不改
                </BigButton>
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      <View className='no-print'>
        <BigButton variant='secondary' onClick={goBack}>
          返回
        </BigButton>
      </View>
    </ElderPage>
  );
}
