import { Image, Text, View } from '@tarojs/components';
import { startSession } from '@/adapters/session';
import { useConsoleLogin } from '@/hooks/use-console-login';
import { BigButton } from './BigButton';
import { Message } from './Message';

/**
 * The web console's way in (a computer cannot sign in with WeChat itself): a mini-program code to scan
 * with the phone, where the signed-in secretary, inspector or administrator confirms; the page then
 * signs in by itself, for 8 hours.
 */
export function ConsoleQrLogin() {
  const view = useConsoleLogin(true, startSession);
  return (
    <View className='section'>
      <Text className='text text--large'>用手机扫码登录</Text>
      <Text className='text'>请用手机微信“扫一扫”扫描下面的小程序码，在手机上点“确认登录”，这里就会自动登录。</Text>
      {view.codeImage && !view.expired ? <Image className='console-code' src={view.codeImage} mode='aspectFit' ariaLabel='登录用的小程序码' /> : null}
      {!view.codeImage && !view.expired && !view.error ? <Text className='text text--muted'>正在生成二维码……</Text> : null}
      {view.expired ? (
        <>
          <Text className='text'>这个二维码已经失效。</Text>
          <BigButton onClick={view.renew}>换一个二维码</BigButton>
        </>
      ) : null}
      <Message kind='error' text={view.error} />
      {view.error && !view.codeImage ? <BigButton onClick={view.renew}>重试</BigButton> : null}
    </View>
  );
}
