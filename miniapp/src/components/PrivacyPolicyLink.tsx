import { openPage } from '@/adapters/navigation';
import { pages } from '@/services/routes';
import { BigButton } from './BigButton';

/** The privacy policy, one tap away: at the foot of the login and bind pages, and of every start page (in FooterLinks). */
export function PrivacyPolicyLink() {
  return (
    <BigButton variant='secondary' onClick={() => openPage(pages.privacyPolicy)}>
      个人信息保护政策
    </BigButton>
  );
}
