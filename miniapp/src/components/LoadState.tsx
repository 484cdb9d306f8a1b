import { Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';
import { Message } from './Message';

interface Props {
  loading: boolean;
  error: string | undefined;
  onRetry: () => void;
}

/** While loading: a sentence saying so; on failure: the reason and a retry button. */
export function LoadState({ loading, error, onRetry }: Props) {
  if (error) {
    return (
      <View>
        <Message kind='error' text={error} />
        <BigButton variant='secondary' onClick={onRetry}>
          再试一次
        </BigButton>
      </View>
    );
  }
  if (loading) return <Text className='text text--muted'>正在加载，请稍候……</Text>;
  return null;
}
