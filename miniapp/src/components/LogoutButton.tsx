import { isH5 } from '@/adapters/login';
import { endSession } from '@/adapters/session';
import { BigButton } from './BigButton';

/** 退出登录 at the foot of a start page. Only the local demo switches accounts; in WeChat the account is the WeChat user. */
export function LogoutButton() {
  if (!isH5) return null;
  return (
    <BigButton variant='secondary' onClick={endSession}>
      退出登录
    </BigButton>
  );
}
