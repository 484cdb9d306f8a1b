import { Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';
import { Message } from './Message';

interface Props {
  /** What will happen, in one sentence. */
  text: string;
  note?: string;
  error?: string;
  busy: boolean;
  confirmLabel: string;
  busyLabel: string;
  onConfirm: () => void;
  onBack: () => void;
  /** The way back, when it is not a form to change (e.g. 不撤回). */
  backLabel?: string;
}

/** The second question before a weighty record (a departure, a transfer): what follows, then confirm or go back and change it. */
export function ConfirmStep({ text, note, error, busy, confirmLabel, busyLabel, onConfirm, onBack, backLabel = '返回修改' }: Props) {
  return (
    <View className='section section--confirm'>
      <Text className='text'>{text}</Text>
      {note ? <Text className='text'>备注：{note}</Text> : null}
      <Message kind='error' text={error} />
      <BigButton onClick={onConfirm} disabled={busy}>
        {busy ? busyLabel : confirmLabel}
      </BigButton>
      <BigButton variant='secondary' onClick={onBack} disabled={busy}>
        {backLabel}
      </BigButton>
    </View>
  );
}
