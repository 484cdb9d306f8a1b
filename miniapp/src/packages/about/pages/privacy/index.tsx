import { Text, View } from '@tarojs/components';
import { goBack } from '@/adapters/navigation';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { operator } from '@/config/operator';
import { privacyPolicy } from '@ltx/shared/domain/privacy-policy';

/**
 * 个人信息保护政策: the versioned text of shared/src/domain/privacy-policy.ts, with the operator the deployment names.
 * Opened from the privacy popup, the login page and every start page; it leaves the popup out, so it can be read
 * while a request waits on the page below.
 */
export default function PrivacyPolicyPage() {
  const policy = privacyPolicy(operator);
  return (
    <ElderPage title={policy.title} privacyPopup={false}>
      <Text className='text text--muted'>{policy.versionLine}</Text>
      {policy.sections.map((section) => (
        <View key={section.title} className='policy-section'>
          <Text className='h2'>{section.title}</Text>
          {section.paragraphs.map((p) => (
            <Text key={p} className='text'>
              {p}
            </Text>
          ))}
          {section.items?.map((item) => (
            <Text key={item} className='text policy-item'>
              {`· ${item}`}
            </Text>
          ))}
        </View>
      ))}
      <BigButton variant='secondary' onClick={goBack}>
        返回
      </BigButton>
    </ElderPage>
  );
}
