export default definePageConfig({ navigationBarTitleText: '新建组织生活' });
