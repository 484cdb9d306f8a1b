import { View } from '@tarojs/components';
import { BigButton } from './BigButton';
import { Field } from './Field';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  label: string;
  choices: readonly Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error?: string;
}

/**
 * Every option visible as its own big button (no drop-down to open); the chosen one is
 * filled and says "已选", so the choice does not rest on colour alone.
 */
export function ChoiceField<T extends string>({ label, choices, value, onChange, error }: Props<T>) {
  return (
    <Field label={label} error={error}>
      <View className='choices'>
        {choices.map((c) => (
          <BigButton key={c.value} variant={c.value === value ? 'selected' : 'secondary'} onClick={() => onChange(c.value)}>
            {c.value === value ? `✓ ${c.label}（已选）` : c.label}
          </BigButton>
        ))}
      </View>
    </Field>
  );
}
