export default definePageConfig({ navigationBarTitleText: '组织的规定' });
