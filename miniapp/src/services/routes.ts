import type { Role } from '@ltx/shared/domain/roles';

/** Every page of the app, by what it is for. Subpackage pages live under /packages. */
export const pages = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  bind: '/pages/bind/index',
  /** Opened by scanning the web console's QR code (scene in its options): confirms signing the computer in. */
  consoleLogin: '/pages/console-login/index',
  visitRequest: '/pages/visit-request/index',
  myPoints: '/pages/points/index',
  healthConsent: '/packages/me/pages/health-consent/index',
  careCard: '/packages/me/pages/care-card/index',
  branchHome: '/packages/branch/pages/home/index',
  sessions: '/packages/branch/pages/sessions/index',
  sessionNew: '/packages/branch/pages/session-new/index',
  session: '/packages/branch/pages/session/index',
  outbox: '/packages/branch/pages/outbox/index',
  members: '/packages/branch/pages/members/index',
  memberDetail: '/packages/branch/pages/member-detail/index',
  memberEdit: '/packages/branch/pages/member-edit/index',
  rosterImport: '/packages/branch/pages/roster-import/index',
  visits: '/packages/branch/pages/visits/index',
  contactHome: '/packages/branch/pages/contact-home/index',
  myVisits: '/packages/branch/pages/my-visits/index',
  visitDeliver: '/packages/branch/pages/visit-deliver/index',
  visitHandout: '/packages/branch/pages/visit-handout/index',
  branchPoints: '/packages/branch/pages/points/index',
  memberPoints: '/packages/branch/pages/member-points/index',
  branches: '/packages/inspector/pages/branches/index',
  compliance: '/packages/inspector/pages/compliance/index',
  ledger: '/packages/inspector/pages/ledger/index',
  staff: '/packages/inspector/pages/staff/index',
  orgTree: '/packages/inspector/pages/tree/index',
  adminHome: '/packages/inspector/pages/admin-home/index',
  orgRules: '/packages/inspector/pages/rules/index',
  privacyPolicy: '/packages/about/pages/privacy/index',
  feedbackWrite: '/packages/feedback/pages/write/index',
  myFeedback: '/packages/feedback/pages/mine/index',
  feedbackAnswer: '/packages/feedback/pages/answer/index',
} as const;

export type PagePath = (typeof pages)[keyof typeof pages];

/**
 * Where a signed-in person starts: members see their own page with the next study, the secretary
 * the branch's home (warnings, next sessions), paired contacts their own small home (visits to make, the roll).
 */
export function homeFor(role: Role): PagePath {
  switch (role) {
    case 'member':
    case 'proxy':
      return pages.home;
    case 'secretary':
      return pages.branchHome;
    case 'contact':
      return pages.contactHome;
    case 'inspector':
      // Which branch falls short this period; the plain branch list is one tap from there.
      return pages.compliance;
    case 'admin':
      // Their tree, who holds which role, the invites not yet taken up; compliance is one tap from there.
      return pages.adminHome;
    case 'visitor':
      return pages.bind;
  }
}

export function withQuery(path: PagePath, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}
