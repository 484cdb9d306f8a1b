import { useEffect } from 'react';
import { isH5 } from '@/adapters/login';
import { goHome } from '@/adapters/navigation';
import { endSession } from '@/adapters/session';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { MemberHome } from '@/components/MemberHome';
import { useMe } from '@/hooks/use-me';

/** The member's (or their proxy's) own page. */
export default function HomePage() {
  const me = useMe();
  const role = me.data?.role;
  const misplaced = role !== undefined && role !== 'member' && role !== 'proxy';

  useEffect(() => {
    // Someone else's start page was opened (a bookmark, a shared link): send them to theirs.
    if (misplaced) goHome(role);
  }, [misplaced, role]);

  return (
    <ElderPage>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !misplaced ? <MemberHome me={me.data} /> : null}
      {/* Only the local demo switches accounts; in WeChat the account is the WeChat user. */}
      {isH5 ? (
        <BigButton variant='secondary' onClick={endSession}>
          退出登录
        </BigButton>
      ) : null}
    </ElderPage>
  );
}
