import { Textarea } from '@tarojs/components';
import { Field, type TextFieldProps } from './Field';

/**
 * A labelled box for longer text (a reason, the minutes), its error right below it. `tall` for a message
 * someone may dictate with the keyboard's voice input: what was heard stays in view to be checked.
 */
export function TextAreaField({ label, value, onChange, error, hint, maxlength = 500, tall = false }: TextFieldProps & { tall?: boolean }) {
  return (
    <Field label={label} hint={hint} error={error}>
      <Textarea
        className={`textarea${tall ? ' textarea--tall' : ''}${error ? ' input--error' : ''}`}
        value={value}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}
