import type { Role } from './roles';

/**
 * The member's own, separate consent to keep their health and care information (PIPL Art. 28–29):
 * the words they read, versioned. A new version changes the words shown from then on; a consent given
 * to an earlier version stays valid for what that version said, and the page says which one was agreed.
 * Keep the sentences short and plain: they are read by people in their eighties, often aloud.
 */
export const healthConsentTerms = {
  version: '2026-12',
  title: '同意保存我的健康和照护信息',
  points: [
    '支部想记下您的身体情况（比如行动不便、卧床）、照护提示（比如听力、最好的上门时间）和紧急联系人。',
    '记下这些，是为了安排送学上门、上门看望时更周到。',
    '只有您本人、代您办事的家属、支部书记和您的结对联系人能看到。督导和管理员看不到。',
    '谁看过这些信息，都有记录，您自己也能查看。',
    '不同意也没关系：开会、学习、积分等其他事情都照常办。',
    '您随时可以撤回同意。撤回后，这些信息马上删除，以后也不再记录。',
  ],
} as const;

/** Why someone read a member's health data: the page that showed it. */
export const healthReadPurposes = ['member_page', 'home_visit'] as const;
export type HealthReadPurpose = (typeof healthReadPurposes)[number];

/** How a consent or its withdrawal was given: in the app by the member or their family proxy, or on a signed paper form the secretary recorded. */
export const consentWays = ['member', 'proxy', 'secretary_paper'] as const;
export type ConsentWay = (typeof consentWays)[number];

/** The way follows from who records it: the secretary only ever records what the member signed or asked for. */
export function consentWayOf(who: { role: Role }): ConsentWay {
  return who.role === 'proxy' ? 'proxy' : who.role === 'member' ? 'member' : 'secretary_paper';
}
