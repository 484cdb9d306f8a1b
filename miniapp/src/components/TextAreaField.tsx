import { Text, Textarea, View } from '@tarojs/components';
import { Message } from './Message';

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
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      <Textarea
        className={error ? 'textarea input--error' : 'textarea'}
        value={value}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Message kind='error' text={error} />
    </View>
  );
}
