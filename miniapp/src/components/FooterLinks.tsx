import { openPage } from '@/adapters/navigation';
import { may } from '@/services/permissions';
import { pages } from '@/services/routes';
import type { Me } from '@/services/types';
import { BigButton } from './BigButton';
import { PrivacyPolicyLink } from './PrivacyPolicyLink';

/**
 * At the foot of every start page, one tap each: 意见反馈 for those who may write to the administrators, the
 * administrators' own list to answer, and the privacy policy. Offered as `can()` answered in GET /me.
 */
export function FooterLinks({ me }: { me: Pick<Me, 'can'> | undefined }) {
  return (
    <>
      {may(me, 'feedback.send') ? (
        <BigButton variant='secondary' onClick={() => openPage(pages.feedbackWrite)}>
          意见反馈
        </BigButton>
      ) : null}
      {may(me, 'feedback.list') ? (
        <BigButton variant='secondary' onClick={() => openPage(pages.feedbackAnswer)}>
          处理意见反馈
        </BigButton>
      ) : null}
      <PrivacyPolicyLink />
    </>
  );
}
