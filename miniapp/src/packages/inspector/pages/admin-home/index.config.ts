export default definePageConfig({ navigationBarTitleText: '管理首页' });
