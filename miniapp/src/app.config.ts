export default defineAppConfig({
  // The first page is where every session starts: it signs in and routes by role.
  pages: ['pages/login/index', 'pages/home/index', 'pages/bind/index', 'pages/console-login/index', 'pages/visit-request/index', 'pages/points/index'],
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
        'pages/visit-handout/index',
        'pages/points/index',
        'pages/member-points/index',
        'pages/roster-import/index',
      ],
    },
    // The member's own matters beside the next study: consent to keep health data, the care card (爱心卡).
    { root: 'packages/me', pages: ['pages/health-consent/index', 'pages/care-card/index'] },
    { root: 'packages/inspector', pages: ['pages/branches/index', 'pages/compliance/index', 'pages/ledger/index', 'pages/staff/index', 'pages/tree/index', 'pages/admin-home/index', 'pages/rules/index'] },
    // What everyone may read: the privacy policy.
    { root: 'packages/about', pages: ['pages/privacy/index'] },
    // 意见反馈 (国办函〔2026〕12号): writing, the writer's own messages with answers, the administrator's answers.
    { root: 'packages/feedback', pages: ['pages/write/index', 'pages/mine/index', 'pages/answer/index'] },
  ],
  // WeChat's privacy check: privacy APIs (photos, files) wait until the person agrees to the 隐私保护指引. On since
  // 17 October 2023 whatever this says; the flag turns it on for the base libraries from before. The popup that asks
  // is components/PrivacyPopup (docs/privacy.md).
  __usePrivacyCheck__: true,
  // "读给我听" in WeChat: the 同声传译 plugin's text-to-speech (adapters/wechat-si.ts; why it: docs/architecture.md).
  // It must also be added in the admin (设置 → 第三方设置 → 插件管理). H5 has no plugins: the browser's voices read there.
  ...(process.env.TARO_ENV === 'weapp' ? { plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } } } : {}),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#a31515',
    navigationBarTitleText: '支部之家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#ffffff',
  },
});
