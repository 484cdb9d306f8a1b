import { openPage } from '@/adapters/navigation';
import { pages } from '@/services/routes';
import { BigButton } from './BigButton';

/** At the foot of the login page and every start page: the privacy policy, one tap away. */
export function PrivacyPolicyLink() {
  return (
    <BigButton variant='secondary' onClick={() => openPage(pages.privacyPolicy)}>
      个人信息保护政策
    </BigButton>
  );
}
