import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { frequencies, sessionKinds, type Frequency, type FrequencyRules, type SessionKind } from '@ltx/shared/schemas/session';
import type { RuleKind } from '@ltx/shared/domain/rule-inheritance';
import { frequencyLabels, pointsOffWords, pointsWords, ruleKindLabels, sessionKindLabels } from '@ltx/shared/labels';
import { usePageParam } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ChoiceField } from '@/components/ChoiceField';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { TextField } from '@/components/TextField';
import { useApi } from '@/hooks/api-context';
import { useAsync } from '@/hooks/use-async';
import { useMe } from '@/hooks/use-me';
import { messageOf } from '@/services/api-error';
import { may } from '@/services/permissions';
import type { EffectiveRulesView } from '@/services/types';

type Cadence = Frequency | 'none';
const cadenceChoices = [...frequencies.map((f) => ({ value: f as Cadence, label: frequencyLabels[f] })), { value: 'none' as Cadence, label: '不作要求' }];
const cadenceText = (f: Frequency | null) => (f ? frequencyLabels[f] : '不作要求');

/**
 * An organisation's rules, each with where it comes from (本组织自定 / 沿用上级 / 全国统一): inspectors read
 * them; administrators set this organisation's own (which its subtree follows unless it sets its own),
 * go back to following the superior's, and turn points off or on after a clear confirmation.
 */
export default function OrgRulesPage() {
  const api = useApi();
  const me = useMe();
  const orgId = usePageParam('org') ?? me.data?.orgId;
  const view = useAsync(() => api.orgRules(orgId as string), may(me.data, 'rules.read') ? (orgId ?? null) : null);
  const edits = may(me.data, 'rules.edit');
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<RuleKind>();
  const [confirming, setConfirming] = useState<'points' | RuleKind>();

  const act = async (work: () => Promise<unknown>, words: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(words);
      setEditing(undefined);
      setConfirming(undefined);
      view.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const v = view.data;

  return (
    <ElderPage title='组织的规定'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !may(me.data, 'rules.read') ? <Text className='text'>只有管理员和督导可以查看组织的规定。</Text> : null}
      <LoadState loading={view.loading} error={view.error} onRetry={view.reload} />
      <Message kind='error' text={error} />
      {done ? <Text className='text strong'>{done}</Text> : null}
      {v ? (
        <View className='section'>
          <Text className='h2'>{v.orgName}</Text>
          <Text className='text'>本组织自定的规定，下级组织和支部没有自定的，都照此执行。</Text>
          {(['frequency', 'visits', 'points'] as const).map((kind) => (
            <View key={kind} className='section'>
              <Text className='h2'>{ruleKindLabels[kind]}</Text>
              <Text className='text strong'>来源：{v[kind].words}</Text>
              <RuleLines view={v} kind={kind} />
              {edits && editing !== kind ? <BigButton variant='secondary' onClick={() => setEditing(kind)}>修改为本组织的规定</BigButton> : null}
              {edits && editing === kind ? (
                <RuleForm view={v} kind={kind} onCancel={() => setEditing(undefined)} onSave={(save) => void act(save, `已保存${ruleKindLabels[kind]}。`)} />
              ) : null}
              {edits && v[kind].origin === 'own' ? (
                confirming === kind ? (
                  <View>
                    <Text className='text'>确定不再使用本组织自定的{ruleKindLabels[kind]}，改为{v.hasParent ? '沿用上级规定' : '执行全国统一规定'}吗？</Text>
                    <BigButton onClick={() => void act(() => api.revertRules(v.orgId, kind), `已恢复${v.hasParent ? '沿用上级规定' : '全国统一规定'}。`)}>确定恢复</BigButton>
                    <BigButton variant='secondary' onClick={() => setConfirming(undefined)}>不恢复，返回</BigButton>
                  </View>
                ) : (
                  <BigButton variant='secondary' onClick={() => setConfirming(kind)}>{v.hasParent ? '恢复沿用上级规定' : '恢复全国统一规定'}</BigButton>
                )
              ) : null}
            </View>
          ))}
          {edits ? <PointsSwitch view={v} confirming={confirming === 'points'} onAsk={() => setConfirming('points')} onCancel={() => setConfirming(undefined)}
            onSwitch={(on) => void act(() => api.savePointsRules(v.orgId, { ...v.points.rules, enabled: on }), on ? '已恢复积分管理。' : `已停止积分管理：${pointsOffWords}。`)} /> : null}
        </View>
      ) : null}
    </ElderPage>
  );
}

function RuleLines({ view, kind }: { view: EffectiveRulesView; kind: RuleKind }) {
  if (kind === 'frequency') {
    return <>{sessionKinds.map((k) => <Text key={k} className='text'>{sessionKindLabels[k]}：{cadenceText(view.frequency.rules[k])}</Text>)}</>;
  }
  if (kind === 'visits') {
    const r = view.visits.rules;
    return (
      <>
        <Text className='text'>申请后 {r.scheduleWithinDays} 天内安排</Text>
        <Text className='text'>申请后 {r.deliverWithinDays} 天内送到</Text>
        <Text className='text'>送学可补记 {r.deliveryGraceDays} 天以内的</Text>
      </>
    );
  }
  const p = view.points.rules;
  return p.enabled === false ? <Text className='text strong'>{pointsOffWords}</Text> : <Text className='text'>实行积分管理，{pointsWords.basePerYear} {p.basePerYear} 分</Text>;
}

/** This organisation's own rules of one kind, starting from those in force. */
function RuleForm({ view, kind, onSave, onCancel }: { view: EffectiveRulesView; kind: 'frequency' | 'visits' | 'points'; onSave: (save: () => Promise<unknown>) => void; onCancel: () => void }) {
  const api = useApi();
  const [freq, setFreq] = useState<FrequencyRules>(view.frequency.rules);
  const [visits, setVisits] = useState(() => Object.fromEntries(Object.entries(view.visits.rules).map(([k, n]) => [k, String(n)])) as Record<keyof EffectiveRulesView['visits']['rules'], string>);
  const [base, setBase] = useState(String(view.points.rules.basePerYear));
  const save = () => {
    if (kind === 'frequency') return onSave(() => api.saveFrequencyRules(view.orgId, freq));
    if (kind === 'visits') {
      return onSave(() => api.saveVisitRules(view.orgId, { scheduleWithinDays: Number(visits.scheduleWithinDays), deliverWithinDays: Number(visits.deliverWithinDays), deliveryGraceDays: Number(visits.deliveryGraceDays) }));
    }
    return onSave(() => api.savePointsRules(view.orgId, { ...view.points.rules, basePerYear: Number(base) }));
  };
  return (
    <View>
      {kind === 'frequency'
        ? sessionKinds.map((k: SessionKind) => (
            <ChoiceField key={k} label={sessionKindLabels[k]} choices={cadenceChoices} value={freq[k] ?? 'none'} onChange={(c) => setFreq({ ...freq, [k]: c === 'none' ? null : c })} />
          ))
        : null}
      {kind === 'visits' ? (
        <>
          <TextField type='number' label='申请后几天内安排' value={visits.scheduleWithinDays} onChange={(t) => setVisits({ ...visits, scheduleWithinDays: t })} maxlength={3} />
          <TextField type='number' label='申请后几天内送到' value={visits.deliverWithinDays} onChange={(t) => setVisits({ ...visits, deliverWithinDays: t })} maxlength={3} />
          <TextField type='number' label='送学可补记天数' value={visits.deliveryGraceDays} onChange={(t) => setVisits({ ...visits, deliveryGraceDays: t })} maxlength={3} />
        </>
      ) : null}
      {kind === 'points' ? <TextField type='number' label={pointsWords.basePerYear} value={base} onChange={setBase} maxlength={4} /> : null}
      <BigButton onClick={save}>保存为本组织的规定</BigButton>
      <BigButton variant='secondary' onClick={onCancel}>不修改，返回</BigButton>
    </View>
  );
}

/** Turning points off (or on) for this organisation's subtree: a second, plain confirmation first. */
function PointsSwitch({ view, confirming, onAsk, onCancel, onSwitch }: { view: EffectiveRulesView; confirming: boolean; onAsk: () => void; onCancel: () => void; onSwitch: (on: boolean) => void }) {
  const on = view.points.rules.enabled !== false;
  return (
    <View className='section'>
      <Text className='h2'>积分管理</Text>
      <Text className='text'>{on ? '现在实行积分管理。' : `现在${pointsOffWords}。`}</Text>
      {confirming ? (
        <View>
          <Text className='text strong'>
            {on
              ? `确定停止积分管理吗？停止后，「${view.orgName}」及其下没有自定积分规则的组织和支部，出席、送学都不再记分；以前的积分记录仍然保留。`
              : `确定恢复积分管理吗？恢复后，出席、送学照常记分。`}
          </Text>
          <BigButton onClick={() => onSwitch(!on)}>{on ? '确定停止积分管理' : '确定恢复积分管理'}</BigButton>
          <BigButton variant='secondary' onClick={onCancel}>不改变，返回</BigButton>
        </View>
      ) : (
        <BigButton variant='secondary' onClick={onAsk}>{on ? '停止积分管理' : '恢复积分管理'}</BigButton>
      )}
    </View>
  );
}
