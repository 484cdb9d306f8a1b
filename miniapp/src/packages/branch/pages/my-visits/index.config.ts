export default definePageConfig({ navigationBarTitleText: '我的送学任务' });
