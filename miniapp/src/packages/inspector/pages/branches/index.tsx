import { Text } from '@tarojs/components';
import { BranchCard } from '@/components/BranchCard';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { useBranches } from '@/hooks/use-branches';
import { useMe } from '@/hooks/use-me';
import { LogoutButton } from '@/components/LogoutButton';

/** The branches of the inspector's organisation, with counts only. */
export default function BranchesPage() {
  const me = useMe();
  const branches = useBranches(me.data?.orgId);
  return (
    <ElderPage title={me.data?.orgName ? `${me.data.orgName} 各支部` : '各支部概况'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !me.data.orgId ? <Text className='text'>您的账号还没有所属组织，请联系管理员。</Text> : null}
      <LoadState loading={branches.loading} error={branches.error} onRetry={branches.reload} />
      {branches.data?.length === 0 ? <Text className='text'>还没有支部。</Text> : null}
      {branches.data?.map((b) => <BranchCard key={b.id} branch={b} />)}
      <LogoutButton />
    </ElderPage>
  );
}
