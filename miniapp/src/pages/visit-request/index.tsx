import { Text } from '@tarojs/components';
import { goBack } from '@/adapters/navigation';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { useMe } from '@/hooks/use-me';

/**
 * "请支部送学上门". The request form arrives with the 送学上门 work; until then this page says so
 * plainly and tells the member what to do meanwhile, instead of pretending to take the request.
 */
export default function VisitRequestPage() {
  const me = useMe();
  const secretary = me.data?.secretaryName;
  return (
    <ElderPage title='请支部送学上门'>
      <Text className='text text--large'>在手机上申请送学上门的功能正在准备中，还不能在这里提交。</Text>
      <Text className='text text--large spaced-top'>
        现在请直接告诉支部书记{secretary ? ` ${secretary} ` : ''}或您的联系人，说明您来不了、希望有人上门送学。
      </Text>
      <Text className='text spaced-top'>也可以先回到上一页点“请假”，写明原因。</Text>
      <BigButton onClick={goBack}>返回上一页</BigButton>
    </ElderPage>
  );
}
