export default definePageConfig({ navigationBarTitleText: '送学上门' });
