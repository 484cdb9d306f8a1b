import { DevLoginInput } from '@ltx/shared/schemas/auth';
import { appContext } from '../context';
import { RouteNotFoundError } from '../http/errors';
import { parseBody } from '../http/request';
import { ok, route } from '../http/route';

/** Local stage only. The CDK stacks never deploy this route, and it refuses to run anywhere else. */
export const handler = route(async (event) => {
  const ctx = appContext();
  if (ctx.stage !== 'local' && ctx.stage !== 'test') throw new RouteNotFoundError();
  const { account } = parseBody(event, DevLoginInput);
  return ok(await ctx.auth.devLogin(account));
});
