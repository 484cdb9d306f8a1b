export default definePageConfig({ navigationBarTitleText: '大字学习材料' });
