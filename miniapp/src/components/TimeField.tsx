import { Input, Text, View } from '@tarojs/components';
import { Message } from './Message';

export interface TimeParts {
  hour: string;
  minute: string;
}

interface Props {
  label: string;
  value: TimeParts;
  onChange: (value: TimeParts) => void;
  error?: string;
}

/** The hour (0 to 23) and minute in two number boxes: no wheel, no pop-up. */
export function TimeField({ label, value, onChange, error }: Props) {
  const box = (part: keyof TimeParts, unit: string) => (
    <View className='date-row__group'>
      <Input
        className={error ? 'input date-row__input input--error' : 'input date-row__input'}
        type='number'
        maxlength={2}
        value={value[part]}
        onInput={(e) => onChange({ ...value, [part]: e.detail.value })}
      />
      <Text className='date-row__unit'>{unit}</Text>
    </View>
  );
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Text className='field__hint'>按 24 小时填写，下午 2 点填 14</Text>
      <View className='date-row'>
        {box('hour', '点')}
        {box('minute', '分')}
      </View>
      <Message kind='error' text={error} />
    </View>
  );
}
