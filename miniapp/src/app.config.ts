export default defineAppConfig({
  // The first page is where every session starts: it signs in and routes by role.
  pages: ['pages/login/index', 'pages/home/index', 'pages/bind/index', 'pages/visit-request/index', 'pages/points/index'],
  subPackages: [
    {
      root: 'packages/branch',
      pages: [
        'pages/home/index',
        'pages/members/index',
        'pages/member-detail/index',
        'pages/member-edit/index',
        'pages/sessions/index',
        'pages/session-new/index',
        'pages/session/index',
        'pages/outbox/index',
        'pages/visits/index',
        'pages/contact-home/index',
        'pages/my-visits/index',
        'pages/visit-deliver/index',
        'pages/points/index',
        'pages/member-points/index',
        'pages/roster-import/index',
      ],
    },
    // The member's own matters beside the next study: consent to keep health data.
    { root: 'packages/me', pages: ['pages/health-consent/index'] },
    { root: 'packages/inspector', pages: ['pages/branches/index', 'pages/compliance/index', 'pages/ledger/index', 'pages/staff/index', 'pages/tree/index', 'pages/admin-home/index', 'pages/rules/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#a31515',
    navigationBarTitleText: '支部之家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#ffffff',
  },
});
