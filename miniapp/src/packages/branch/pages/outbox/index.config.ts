export default definePageConfig({ navigationBarTitleText: '待发提醒' });
