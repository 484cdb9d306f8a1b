import { appContext } from '../context';
import { RouteNotFoundError } from '../http/errors';
import { ok, route } from '../http/route';

/** Local stage only: the demo accounts the login page offers. */
export const handler = route(async () => {
  const ctx = appContext();
  if (ctx.stage !== 'local' && ctx.stage !== 'test') throw new RouteNotFoundError();
  return ok({ items: await ctx.auth.demoAccounts() });
});
