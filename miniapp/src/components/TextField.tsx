import { Input } from '@tarojs/components';
import { Field, type TextFieldProps } from './Field';

interface Props extends TextFieldProps {
  type?: 'text' | 'number';
  placeholder?: string;
}

/** A labelled text box with its error right below it. */
export function TextField({ label, value, onChange, error, hint, type = 'text', maxlength = 50, placeholder }: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      <Input
        className={error ? 'input input--error' : 'input'}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}
