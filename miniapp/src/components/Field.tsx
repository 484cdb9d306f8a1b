import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Message } from './Message';

interface Props {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** What a one-line or a longer text field is given. */
export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  maxlength?: number;
}

/** A labelled field: its label, a hint when there is one, the boxes, and its error right below them. */
export function Field({ label, hint, error, children }: Props) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      {children}
      <Message kind='error' text={error} />
    </View>
  );
}

interface NumberBoxProps {
  value: string;
  unit: string;
  maxlength: number;
  onChange: (value: string) => void;
  error?: string;
  /** Extra class for the group, e.g. to size the year's box. */
  group?: string;
}

/** One number box of a date or a time with its unit after it (年, 月, 点…): a number pad, no wheel, no pop-up. */
export function NumberBox({ value, unit, maxlength, onChange, error, group }: NumberBoxProps) {
  return (
    <View className={group ? `date-row__group ${group}` : 'date-row__group'}>
      <Input
        className={error ? 'input date-row__input input--error' : 'input date-row__input'}
        type='number'
        maxlength={maxlength}
        value={value}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className='date-row__unit'>{unit}</Text>
    </View>
  );
}
