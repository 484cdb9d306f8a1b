export default definePageConfig({ navigationBarTitleText: '绑定党员档案' });
