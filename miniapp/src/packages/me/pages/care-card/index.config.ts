export default definePageConfig({ navigationBarTitleText: '爱心卡' });
