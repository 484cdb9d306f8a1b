import { Textarea } from '@tarojs/components';
import { Field, type TextFieldProps } from './Field';

/** A labelled box for longer text (a reason, the minutes), its error right below it. */
export function TextAreaField({ label, value, onChange, error, hint, maxlength = 500 }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      <Textarea
        className={error ? 'textarea input--error' : 'textarea'}
        value={value}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}
