import { SessionCreateInput } from '@ltx/shared/schemas/session';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { created, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const branchId = pathParam(event, 'branchId');
  const input = parseBody(event, SessionCreateInput);
  return created(await ctx.sessions.create(actor, branchId, input));
});
