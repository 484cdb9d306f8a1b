import { WechatLoginInput } from '@ltx/shared/schemas/auth';
import { appContext } from '../context';
import { parseBody } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const { code } = parseBody(event, WechatLoginInput);
  return ok(await appContext().auth.wechatLogin(code));
});
