export default definePageConfig({ navigationBarTitleText: '工作人员和邀请' });
