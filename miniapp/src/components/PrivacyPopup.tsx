import { Button, Text, View } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { agreeButtonProps, openPrivacyGuide, privacyGate } from '@/adapters/privacy';
import { usePrivacyGate } from '@/hooks/use-privacy-gate';
import { agreeButtonId } from '@/services/privacy-gate';
import { pages } from '@/services/routes';
import { BigButton } from './BigButton';

/**
 * The privacy guide popup, on every page (ElderPage mounts it), shown only while WeChat holds a privacy API back
 * for the person's agreement: what it is for, the guide, agree, or decline with what will not work then.
 */
export function PrivacyPopup() {
  const { asking, need } = usePrivacyGate(privacyGate);
  if (!asking || !need) return null;
  return (
    <View className='privacy-popup'>
      <View className='privacy-popup__sheet'>
        <Text className='h2'>请先看一下隐私保护指引</Text>
        <Text className='text text--large'>您要{need.action}。按微信的规定，要先征得您的同意。</Text>
        <Text className='text'>{need.purpose}</Text>
        <BigButton variant='secondary' onClick={openPrivacyGuide}>
          查看《隐私保护指引》
        </BigButton>
        <BigButton variant='secondary' onClick={() => openPage(pages.privacyPolicy)}>
          查看个人信息保护政策
        </BigButton>
        <Button id={agreeButtonId} className='btn btn--primary' {...agreeButtonProps(privacyGate.agree)}>
          同意，继续
        </Button>
        <BigButton variant='secondary' onClick={privacyGate.disagree}>
          暂不同意
        </BigButton>
        <Text className='text spaced-top'>{need.withoutIt}</Text>
      </View>
    </View>
  );
}
