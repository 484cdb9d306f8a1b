export default definePageConfig({ navigationBarTitleText: '记录送学' });
