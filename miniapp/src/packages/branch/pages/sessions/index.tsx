import { Text } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { SessionRow } from '@/components/SessionRow';
import { useMe } from '@/hooks/use-me';
import { useBranchSessions } from '@/hooks/use-sessions';
import { countByYear, newestFirst, sessionListWindow } from '@/services/session-list';
import { deviceNow } from '@/adapters/clock';
import { chinaDay } from '@ltx/shared/time/china-day';
import { pages, withQuery } from '@/services/routes';
import { may } from '@/services/permissions';

/** This year's sessions of the branch and those planned for early next year, newest first. Contacts read; the secretary also plans. */
export default function SessionsPage() {
  const me = useMe();
  const today = chinaDay(deviceNow());
  const sessions = useBranchSessions(me.data?.branchId, sessionListWindow(today));
  useReloadOnReturn(sessions.reload);
  const list = sessions.data ? newestFirst(sessions.data) : undefined;
  return (
    <ElderPage title='组织生活记录'>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {may(me.data, 'session.write') ? <BigButton onClick={() => openPage(pages.sessionNew)}>＋ 新建组织生活</BigButton> : null}
      <LoadState loading={sessions.loading && !list} error={sessions.error} onRetry={sessions.reload} />
      {list ? <Text className='text spaced-top'>{yearText(countByYear(list, today))}</Text> : null}
      {list?.map((s) => <SessionRow key={s.id} session={s} onOpen={() => openPage(withQuery(pages.session, { id: s.id }))} />)}
    </ElderPage>
  );
}

const yearText = ({ thisYear, later }: { thisYear: number; later: number }) =>
  `今年共 ${thisYear} 次${later ? `，另有明年已安排的 ${later} 次` : ''}，最新的在最上面。`;
