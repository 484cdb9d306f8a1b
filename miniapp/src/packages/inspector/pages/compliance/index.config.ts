export default definePageConfig({ navigationBarTitleText: '各支部达标情况' });
