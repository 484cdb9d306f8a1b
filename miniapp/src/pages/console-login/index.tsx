import { Text } from '@tarojs/components';
import { roleLabels } from '@ltx/shared/domain/roles';
import { useEffect, useState } from 'react';
import { wechatLoginCode } from '@/adapters/login';
import { goHome } from '@/adapters/navigation';
import { usePageParam } from '@/adapters/page-hooks';
import { getToken, setToken } from '@/adapters/storage';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { useApi } from '@/hooks/api-context';
import { messageOf } from '@/services/api-error';
import type { Me } from '@/services/types';

/**
 * Opened by scanning the QR code on the web console's login page (a mini-program code whose `scene` names
 * the login): asks the signed-in person whether to sign that computer in as them, and tells the API so.
 * Opened straight from the scan, the mini-program has not been through the login page: it signs in here.
 */
export default function ConsoleLoginPage() {
  const api = useApi();
  const scene = usePageParam('scene');
  const [me, setMe] = useState<Me | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const load = async () => {
    setLoadError(undefined);
    try {
      if (!getToken()) setToken((await api.wechatLogin(await wechatLoginCode())).token);
      setMe(await api.me());
    } catch (e) {
      setLoadError(messageOf(e));
    }
  };

  useEffect(() => {
    void load();
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirm = async () => {
    if (!scene) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.confirmConsoleLogin(scene);
      setDone(true);
    } catch (e) {
      setError(messageOf(e));
    }
    setBusy(false);
  };

  const who = me ? `${me.displayName}（${roleLabels[me.role]}）` : '';
  return (
    <ElderPage title='在电脑上登录'>
      <LoadState loading={!me && !loadError} error={loadError} onRetry={() => void load()} />
      {me && !scene ? <Text className='text'>没有读到电脑上的二维码，请在电脑上刷新页面后重新扫码。</Text> : null}
      {me && scene && !me.can['console.signIn'] ? <Text className='text'>电脑网页版供支部书记、督导和管理员打印台账、处理表格使用，您的账号在手机上办理即可。</Text> : null}
      {me && scene && me.can['console.signIn'] && !done ? (
        <>
          <Text className='text text--large'>{`在电脑上登录 ${who}？`}</Text>
          <Text className='text'>确认后，刚才扫码的那台电脑就以您的身份登录，8 小时内有效。不是您本人在电脑前，请点“取消”。</Text>
          <BigButton onClick={() => void confirm()} disabled={busy}>{busy ? '正在确认……' : '确认登录'}</BigButton>
          <BigButton variant='secondary' onClick={() => goHome(me.role)} disabled={busy}>取消</BigButton>
        </>
      ) : null}
      {done ? <Text className='text text--large'>已确认，请在电脑上继续操作。</Text> : null}
      <Message kind='error' text={error} />
      {done || error || (me && (!scene || !me.can['console.signIn'])) ? (
        <BigButton variant='secondary' onClick={() => me && goHome(me.role)}>回到首页</BigButton>
      ) : null}
    </ElderPage>
  );
}
