import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { wechatLoginCode, isH5 } from '@/adapters/login';
import { goHome } from '@/adapters/navigation';
import { startSession } from '@/adapters/session';
import { getToken, takeSignOutNote } from '@/adapters/storage';
import { BigButton } from '@/components/BigButton';
import { ConsoleQrLogin } from '@/components/ConsoleQrLogin';
import { DemoAccountList } from '@/components/DemoAccountList';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { PrivacyPolicyLink } from '@/components/PrivacyPolicyLink';
import { useApi } from '@/hooks/api-context';
import { useDemoAccounts } from '@/hooks/use-demo-accounts';
import { messageOf } from '@/services/api-error';

/**
 * The first page. A stored session goes straight on; otherwise the mini-program signs in with WeChat,
 * which needs no typing at all, and H5 lists the demo accounts where they exist (the local stack) or,
 * on a deployed stage (the web console), shows a code to scan with the mini-program.
 */
export default function LoginPage() {
  const api = useApi();
  const [checking, setChecking] = useState(true);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Said once, after a request found the session gone (a role withdrawn or changed): the mini-program
  // then waits for a tap instead of signing in again by itself, so the words stay on screen.
  const [signedOutBecause] = useState(takeSignOutNote);
  const demo = useDemoAccounts(isH5 && !checking);

  const signInWithWechat = async () => {
    setBusy('wechat');
    setError(undefined);
    try {
      startSession(await api.wechatLogin(await wechatLoginCode()));
    } catch (e) {
      setError(messageOf(e));
      setBusy(undefined);
    }
  };

  const signInAs = async (account: string) => {
    setBusy(account);
    setError(undefined);
    try {
      startSession(await api.devLogin(account));
    } catch (e) {
      setError(messageOf(e));
      setBusy(undefined);
    }
  };

  useEffect(() => {
    const afterCheck = () => {
      setChecking(false);
      if (!isH5 && !signedOutBecause) void signInWithWechat();
    };
    if (!getToken()) return afterCheck();
    // A 401 here clears the stale token (the client's onUnauthorized) and we sign in afresh.
    api.me().then((me) => goHome(me.role), afterCheck);
    // Runs once when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <ElderPage title='支部之家'>
      <Text className='text text--large'>离退休干部党支部</Text>
      {checking ? <Text className='text text--muted'>正在确认登录状态……</Text> : null}
      {!checking && isH5 ? (
        <>
          <LoadState loading={demo.loading} error={demo.error} onRetry={demo.reload} />
          {demo.data && demo.data.length > 0 ? <DemoAccountList accounts={demo.data} onPick={(a) => void signInAs(a)} busyAccount={busy} /> : null}
          {demo.data && demo.data.length === 0 ? <ConsoleQrLogin /> : null}
        </>
      ) : null}
      {!checking && !isH5 ? (
        <>
          {busy ? <Text className='text'>正在用微信登录，请稍候……</Text> : null}
          {error || signedOutBecause ? (
            <BigButton onClick={() => void signInWithWechat()} disabled={busy !== undefined}>
              重新用微信登录
            </BigButton>
          ) : null}
        </>
      ) : null}
      <Message kind='error' text={error ?? signedOutBecause} />
      <PrivacyPolicyLink />
    </ElderPage>
  );
}
