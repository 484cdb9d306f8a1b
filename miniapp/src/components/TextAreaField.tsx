import { Textarea } from '@tarojs/components';
import { Field } from './Field';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  maxlength?: number;
}

/** A labelled box for longer text (a reason, the minutes), its error right below it. */
export function TextAreaField({ label, value, onChange, error, hint, maxlength = 500 }: Props) {
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
