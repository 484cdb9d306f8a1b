import { Input, Text, View } from '@tarojs/components';
import type { DateParts } from '@/services/date-parts';
import { Message } from './Message';

interface Props {
  label: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string;
}

/** Year, month and day in three number boxes: a number pad, no scrolling wheel, no pop-up. */
export function DateField({ label, value, onChange, error }: Props) {
  const box = (part: keyof DateParts, unit: string, maxlength: number) => (
    <View className={`date-row__group date-row__group--${part}`}>
      <Input
        className={error ? 'input date-row__input input--error' : 'input date-row__input'}
        type='number'
        maxlength={maxlength}
        value={value[part]}
        onInput={(e) => onChange({ ...value, [part]: e.detail.value })}
      />
      <Text className='date-row__unit'>{unit}</Text>
    </View>
  );
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className='date-row'>
        {box('year', '年', 4)}
        {box('month', '月', 2)}
        {box('day', '日', 2)}
      </View>
      <Message kind='error' text={error} />
    </View>
  );
}
