export default definePageConfig({ navigationBarTitleText: '在电脑上登录' });
