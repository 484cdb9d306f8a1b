import { View } from '@tarojs/components';
import type { DateParts } from '@/services/date-parts';
import { Field, NumberBox } from './Field';

interface Props {
  label: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string;
}

/** Year, month and day in three number boxes: a number pad, no scrolling wheel, no pop-up. */
export function DateField({ label, value, onChange, error }: Props) {
  const box = (part: keyof DateParts, unit: string, maxlength: number) => (
    <NumberBox group={`date-row__group--${part}`} value={value[part]} unit={unit} maxlength={maxlength} error={error} onChange={(v) => onChange({ ...value, [part]: v })} />
  );
  return (
    <Field label={label} error={error}>
      <View className='date-row'>
        {box('year', '年', 4)}
        {box('month', '月', 2)}
        {box('day', '日', 2)}
      </View>
    </Field>
  );
}
