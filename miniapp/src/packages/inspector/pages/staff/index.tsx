import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { roleLabels, staffRoles, staffScopeOf, type StaffRole } from '@ltx/shared/domain/roles';
import { staffLimits } from '@ltx/shared/limits';
import { BigButton } from '@/components/BigButton';
import { ChoiceField } from '@/components/ChoiceField';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { TextField } from '@/components/TextField';
import { useApi } from '@/hooks/api-context';
import { useBranches } from '@/hooks/use-branches';
import { useMe } from '@/hooks/use-me';
import { useStaff } from '@/hooks/use-staff';
import { useSubmission } from '@/hooks/use-submission';
import { ApiError, messageOf } from '@/services/api-error';
import { whenText } from '@/services/session-time';
import { may } from '@/services/permissions';
import type { StaffInvite, StaffInviteInput, StaffMember } from '@/services/types';

const roleChoices = staffRoles.map((r) => ({ value: r, label: roleLabels[r] }));

/**
 * The administrator's staff page: who holds which role, the invites not yet taken up, a form to
 * invite someone (the code is shown in large type to read out or send), and withdrawing a role.
 */
export default function StaffPage() {
  const api = useApi();
  const me = useMe();
  const orgId = me.data?.orgId;
  const staff = useStaff(may(me.data, 'staff.list') ? orgId : undefined);
  const branches = useBranches(orgId);

  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole | ''>('');
  const [branchId, setBranchId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [made, setMade] = useState<StaffInvite>();
  const submission = useSubmission((input: StaffInviteInput, key: string) => api.inviteStaff(orgId as string, input, key));

  const needsBranch = role !== '' && staffScopeOf(role) === 'branch';
  const invite = async () => {
    setError(undefined);
    const problems: Record<string, string> = {};
    if (name.trim().length < staffLimits.nameMin) problems.name = `姓名：请填写 ${staffLimits.nameMin} 到 ${staffLimits.name} 个字`;
    if (!role) problems.role = '职务：请选择';
    if (needsBranch && !branchId) problems.branchId = '支部：请选择';
    setErrors(problems);
    if (Object.keys(problems).length || !role) return;
    try {
      setMade(await submission.submit({ name: name.trim(), role, ...(needsBranch ? { branchId } : {}) }));
      submission.renew();
      setName('');
      staff.reload();
    } catch (e) {
      setErrors(e instanceof ApiError ? e.fieldMessages() : {});
      setError(messageOf(e));
    }
  };

  return (
    <ElderPage title='工作人员和邀请'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !may(me.data, 'staff.list') ? <Text className='text'>只有组织的管理员可以管理工作人员。</Text> : null}
      <LoadState loading={staff.loading} error={staff.error} onRetry={staff.reload} />

      {staff.data ? (
        <View className='section'>
          <Text className='h2'>现有工作人员（{staff.data.staff.length} 人）</Text>
          {staff.data.staff.map((s) => (
            <StaffRow key={s.userId} person={s} canWithdraw={may(me.data, 'staff.withdraw') && s.userId !== me.data?.userId} orgId={orgId as string} onDone={staff.reload} />
          ))}
          <Text className='h2'>待接受的邀请（{staff.data.pendingInvites.length} 个）</Text>
          {staff.data.pendingInvites.length === 0 ? <Text className='text'>没有待接受的邀请。</Text> : null}
          {staff.data.pendingInvites.map((i) => (
            <View key={i.code} className='row'>
              <Text className='row__title'>{i.name}：{i.scopeText}的{i.roleText}</Text>
              <Text className='text'>邀请码 {i.code}，有效期至 {whenText(i.expiresAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {may(me.data, 'staff.invite') ? (
        <View className='section'>
          <Text className='h2'>邀请新的工作人员</Text>
          <TextField label='姓名' value={name} onChange={setName} maxlength={staffLimits.name} error={errors.name} />
          <ChoiceField label='职务' choices={roleChoices} value={role} onChange={setRole} error={errors.role} />
          {needsBranch ? (
            <ChoiceField
              label='所在支部'
              choices={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              value={branchId}
              onChange={setBranchId}
              error={errors.branchId}
            />
          ) : null}
          <Message kind='error' text={error} />
          <BigButton onClick={() => void invite()}>生成邀请码</BigButton>
        </View>
      ) : null}

      {made ? (
        <View className='section'>
          <Text className='text strong'>请把邀请码告诉{made.name}（{made.scopeText}的{made.roleText}）：</Text>
          <Text className='code'>{made.code}</Text>
          <Text className='text'>有效期至 {whenText(made.expiresAt)}，只能使用一次。</Text>
          <Text className='text text--muted'>请对方在微信中打开小程序，在“绑定”页面输入这 6 个字母或数字。</Text>
        </View>
      ) : null}
    </ElderPage>
  );
}

/** One person and their role; withdrawing asks once more before it is done. */
function StaffRow({ person, canWithdraw, orgId, onDone }: { person: StaffMember; canWithdraw: boolean; orgId: string; onDone: () => void }) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const withdraw = async () => {
    try {
      await api.withdrawStaff(orgId, person.userId);
      setAsking(false);
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <View className='row'>
      <Text className='row__title'>{person.name}</Text>
      <Text className='text'>{person.scopeText}的{person.roleText}</Text>
      {canWithdraw && !asking ? (
        <BigButton variant='secondary' onClick={() => setAsking(true)}>
          收回职务
        </BigButton>
      ) : null}
      {asking ? (
        <View>
          <Text className='text strong'>确定收回{person.name}的{person.roleText}职务吗？收回后他马上不能再办理。</Text>
          <BigButton onClick={() => void withdraw()}>确定收回</BigButton>
          <BigButton variant='secondary' onClick={() => setAsking(false)}>
            不收回，返回
          </BigButton>
        </View>
      ) : null}
      <Message kind='error' text={error} />
    </View>
  );
}
