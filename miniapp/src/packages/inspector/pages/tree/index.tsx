import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { orgKinds, type OrgKind } from '@ltx/shared/domain/hierarchy';
import { orgKindLabels } from '@ltx/shared/labels';
import { orgLimits } from '@ltx/shared/limits';
import { openPage } from '@/adapters/navigation';
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
import { useSubmission } from '@/hooks/use-submission';
import { ApiError, messageOf } from '@/services/api-error';
import { may } from '@/services/permissions';
import { pages, withQuery } from '@/services/routes';
import type { BranchCreateInput, OrgChildInput } from '@/services/types';

/** A child organisation is a 党工委, 党委 or 党总支: the 工委 is the top. */
const kindChoices = orgKinds.filter((k) => k !== 'gongwei').map((k) => ({ value: k, label: orgKindLabels[k] }));

/**
 * The hierarchy for administrators and inspectors: an organisation, its child organisations (tap to go
 * down, and back up to the parent) and its branches; administrators add a child organisation or a branch.
 */
export default function OrgTreePage() {
  const api = useApi();
  const me = useMe();
  const orgId = usePageParam('org') ?? me.data?.orgId;
  const org = useAsync(() => api.org(orgId as string), may(me.data, 'org.read') ? (orgId ?? null) : null);
  const manages = may(me.data, 'org.manage') && !org.data?.closed;

  return (
    <ElderPage title='组织架构'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !may(me.data, 'org.read') ? <Text className='text'>只有管理员和督导可以查看组织架构。</Text> : null}
      <LoadState loading={org.loading} error={org.error} onRetry={org.reload} />
      {org.data ? (
        <View className='section'>
          <Text className='h2'>{org.data.name}</Text>
          <Text className='text'>{[org.data.kindText, org.data.closed?.text].filter(Boolean).join('，')}</Text>
          {org.data.parent ? (
            <BigButton variant='secondary' onClick={() => openPage(withQuery(pages.orgTree, { org: org.data?.parent?.id }))}>
              返回上级：{org.data.parent.name}
            </BigButton>
          ) : null}

          <Text className='h2'>下级组织（{org.data.children.length} 个）</Text>
          {org.data.children.length === 0 ? <Text className='text'>没有下级组织。</Text> : null}
          {org.data.children.map((c) => (
            <BigButton key={c.id} variant='secondary' onClick={() => openPage(withQuery(pages.orgTree, { org: c.id }))}>
              {c.name}（{[c.kindText, c.closed?.text].filter(Boolean).join('，')}）
            </BigButton>
          ))}

          <Text className='h2'>直属支部（{org.data.branches.length} 个）</Text>
          {org.data.branches.length === 0 ? <Text className='text'>没有直属支部。</Text> : null}
          {org.data.branches.map((b) => (
            <View key={b.id} className='row'>
              <Text className='row__title'>{b.name}</Text>
              <Text className='text'>{b.closed ? b.closed.text : `党员 ${b.memberCount} 人`}</Text>
              {may(me.data, 'branch.listAllMembers') ? (
                <BigButton variant='secondary' onClick={() => openPage(withQuery(pages.members, { branch: b.id, name: b.name }))}>
                  党员名单
                </BigButton>
              ) : null}
              {!b.closed && may(me.data, 'roster.import') ? (
                <BigButton variant='secondary' onClick={() => openPage(withQuery(pages.rosterImport, { branch: b.id, name: b.name }))}>
                  导入或导出花名册
                </BigButton>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {manages && orgId ? <CreateForms orgId={orgId} onDone={org.reload} /> : null}
    </ElderPage>
  );
}

/** Adding a child organisation (name and kind) or a branch (name); each keeps its Idempotency-Key for retries. */
function CreateForms({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrgKind | ''>('');
  const [branchName, setBranchName] = useState('');
  // Each form's own field messages: the server names a branch's name `name` too.
  const [childErrors, setChildErrors] = useState<Record<string, string>>({});
  const [branchErrors, setBranchErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const child = useSubmission((input: OrgChildInput, key: string) => api.createChildOrg(orgId, input, key));
  const branch = useSubmission((input: BranchCreateInput, key: string) => api.createBranch(orgId, input, key));
  const nameProblem = (value: string) => (value.trim().length < orgLimits.nameMin ? `名称：请填写 ${orgLimits.nameMin} 到 ${orgLimits.name} 个字` : undefined);

  const run = async (
    problems: Record<string, string | undefined>,
    setErrors: (errors: Record<string, string>) => void,
    send: () => Promise<{ name: string }>,
    reset: () => void,
  ) => {
    setError(undefined);
    setDone(undefined);
    setChildErrors({});
    setBranchErrors({});
    const found = Object.fromEntries(Object.entries(problems).filter((e): e is [string, string] => e[1] !== undefined));
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const made = await send();
      setDone(`已设立「${made.name}」。`);
      reset();
      onDone();
    } catch (e) {
      setErrors(e instanceof ApiError ? e.fieldMessages() : {});
      setError(messageOf(e));
    }
  };

  const addChild = () =>
    run({ name: nameProblem(name), kind: kind ? undefined : '组织类别：请选择' }, setChildErrors, () => child.submit({ name: name.trim(), kind: kind as OrgKind }), () => {
      child.renew();
      setName('');
      setKind('');
    });
  const addBranch = () =>
    run({ name: nameProblem(branchName) }, setBranchErrors, () => branch.submit({ name: branchName.trim() }), () => {
      branch.renew();
      setBranchName('');
    });

  return (
    <View className='section'>
      <Text className='h2'>设立下级组织</Text>
      <TextField label='组织名称' value={name} onChange={setName} maxlength={orgLimits.name} error={childErrors.name} />
      <ChoiceField label='组织类别' choices={kindChoices} value={kind} onChange={setKind} error={childErrors.kind} />
      <BigButton onClick={() => void addChild()}>设立下级组织</BigButton>
      <Text className='h2'>设立支部</Text>
      <TextField label='支部名称' value={branchName} onChange={setBranchName} maxlength={orgLimits.name} error={branchErrors.name} />
      <BigButton onClick={() => void addBranch()}>设立支部</BigButton>
      <Message kind='error' text={error} />
      {done ? <Text className='text strong'>{done}</Text> : null}
    </View>
  );
}
