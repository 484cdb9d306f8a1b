import { View } from '@tarojs/components';
import { BigButton } from './BigButton';
import { Message } from './Message';

interface Props {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}

/** A yes/no box as one big button that states its state in words. */
export function ToggleField({ label, checked, onChange, error }: Props) {
  return (
    <View className='field'>
      <BigButton variant={checked ? 'selected' : 'secondary'} onClick={() => onChange(!checked)}>
        {checked ? `☑ 已勾选：${label}` : `☐ 未勾选：${label}`}
      </BigButton>
      <Message kind='error' text={error} />
    </View>
  );
}
