import { Text } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { SessionRow } from '@/components/SessionRow';
import { useMe } from '@/hooks/use-me';
import { useBranchSessions } from '@/hooks/use-sessions';
import { newestFirst } from '@/services/session-list';
import { pages, withQuery } from '@/services/routes';
import { may } from '@/services/permissions';

/** This year's sessions of the branch, newest first. Contacts read; the secretary also plans. */
export default function SessionsPage() {
  const me = useMe();
  const sessions = useBranchSessions(me.data?.branchId);
  useReloadOnReturn(sessions.reload);
  const list = sessions.data ? newestFirst(sessions.data) : undefined;
  return (
    <ElderPage title='组织生活记录'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {may(me.data, 'session.write') ? <BigButton onClick={() => openPage(pages.sessionNew)}>＋ 新建组织生活</BigButton> : null}
      <LoadState loading={sessions.loading && !list} error={sessions.error} onRetry={sessions.reload} />
      {list ? <Text className='text spaced-top'>今年共 {list.length} 次，最新的在最上面。</Text> : null}
      {list?.map((s) => <SessionRow key={s.id} session={s} onOpen={() => openPage(withQuery(pages.session, { id: s.id }))} />)}
    </ElderPage>
  );
}
