import { Text } from '@tarojs/components';
import { isH5 } from '@/adapters/login';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { endSession } from '@/adapters/session';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { MemberRow } from '@/components/MemberRow';
import { useMe } from '@/hooks/use-me';
import { useMembers } from '@/hooks/use-members';
import { pages, withQuery } from '@/services/routes';

/** The branch's roll for the secretary and paired contacts. */
export default function MembersPage() {
  const me = useMe();
  const members = useMembers(me.data?.branchId);
  useReloadOnReturn(members.reload);
  const isSecretary = me.data?.role === 'secretary';

  return (
    <ElderPage title={me.data?.branchName ? `${me.data.branchName} 党员名单` : '党员名单'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !me.data.branchId ? <Text className='text'>您的账号还没有所属支部，请联系管理员。</Text> : null}
      {isSecretary ? <BigButton onClick={() => openPage(pages.memberEdit)}>＋ 新增党员</BigButton> : null}
      {/* The secretary comes here from the branch home; a paired contact starts here and reads the sessions from here. */}
      {me.data?.role === 'contact' ? (
        <BigButton variant='secondary' onClick={() => openPage(pages.sessions)}>
          组织生活记录
        </BigButton>
      ) : null}
      <LoadState loading={members.loading && !members.data} error={members.error} onRetry={members.reload} />
      {members.data ? <Text className='text spaced-top'>共 {members.data.length} 人</Text> : null}
      {members.data?.map((m) => (
        <MemberRow key={m.id} member={m} onOpen={() => openPage(withQuery(pages.memberDetail, { id: m.id }))} />
      ))}
      {isH5 ? (
        <BigButton variant='secondary' onClick={endSession}>
          退出登录
        </BigButton>
      ) : null}
    </ElderPage>
  );
}
