import { Input, Text, View } from '@tarojs/components';
import { Message } from './Message';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'number';
  maxlength?: number;
  placeholder?: string;
}

/** A labelled text box with its error right below it. */
export function TextField({ label, value, onChange, error, hint, type = 'text', maxlength = 50, placeholder }: Props) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      <Input
        className={error ? 'input input--error' : 'input'}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Message kind='error' text={error} />
    </View>
  );
}
