import { Text } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { PendingUploads } from '@/components/PendingUploads';
import { LoadState } from '@/components/LoadState';
import { useOwnHome } from '@/hooks/use-own-home';
import { useMyVisits } from '@/hooks/use-visits';
import { pages } from '@/services/routes';
import { LogoutButton } from '@/components/LogoutButton';
import { FooterLinks } from '@/components/FooterLinks';

/** A paired contact's first page: the visits to make, then the roll and the branch's records. */
export default function ContactHomePage() {
  const { me, misplaced } = useOwnHome(pages.contactHome);
  const visits = useMyVisits(me.data !== undefined && !misplaced);
  useReloadOnReturn(visits.reload);

  const todo = visits.data?.filter((v) => v.status === 'scheduled').length ?? 0;
  return (
    <ElderPage title={me.data ? `${me.data.displayName}，您好` : '联系人工作'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data?.branchName ? <Text className='text'>{me.data.branchName} 结对联系人</Text> : null}
      <LoadState loading={visits.loading && !visits.data} error={visits.error} onRetry={visits.reload} />
      {visits.data ? (
        <Text className='text text--large strong spaced-top'>{todo ? `有 ${todo} 次送学上门等您去。` : '现在没有要去的送学上门。'}</Text>
      ) : null}
      <PendingUploads kinds={['deliver']} onSent={visits.reload} />
      <BigButton onClick={() => openPage(pages.myVisits)}>我的送学任务</BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.members)}>
        党员名单
      </BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.sessions)}>
        组织生活记录
      </BigButton>
      <FooterLinks me={me.data} />
      <LogoutButton />
    </ElderPage>
  );
}
