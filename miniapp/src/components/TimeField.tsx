import { View } from '@tarojs/components';
import { Field, NumberBox } from './Field';

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
    <NumberBox value={value[part]} unit={unit} maxlength={2} error={error} onChange={(v) => onChange({ ...value, [part]: v })} />
  );
  return (
    <Field label={label} hint='按 24 小时填写，下午 2 点填 14' error={error}>
      <View className='date-row'>
        {box('hour', '点')}
        {box('minute', '分')}
      </View>
    </Field>
  );
}
