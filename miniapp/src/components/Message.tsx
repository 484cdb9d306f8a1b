import { Text } from '@tarojs/components';

interface Props {
  kind: 'error' | 'ok';
  text: string | undefined;
}

/** An inline message under what it concerns (never a pop-up); hidden when there is no text. */
export function Message({ kind, text }: Props) {
  if (!text) return null;
  return <Text className={`message message--${kind}`}>{text}</Text>;
}
