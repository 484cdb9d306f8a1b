import { Text, View } from '@tarojs/components';
import { roleLabels } from '@ltx/shared/domain/roles';
import type { DemoAccount } from '@/services/types';
import { BigButton } from './BigButton';

interface Props {
  accounts: DemoAccount[];
  onPick: (account: string) => void;
  /** The account being signed in, so a second tap does nothing. */
  busyAccount?: string;
}

/** The local stack's demo accounts, one big button each: one tap signs in. */
export function DemoAccountList({ accounts, onPick, busyAccount }: Props) {
  if (accounts.length === 0) return <Text className='text'>没有可用的演示账号。</Text>;
  return (
    <View>
      <Text className='text'>请点一下您的账号登录：</Text>
      {accounts.map((a) => (
        <BigButton
          key={a.account}
          variant='secondary'
          disabled={busyAccount !== undefined}
          onClick={() => onPick(a.account)}
        >
          {busyAccount === a.account ? `正在登录：${a.label}……` : `${a.label}（${roleLabels[a.role]}）`}
        </BigButton>
      ))}
    </View>
  );
}
