import { ReversalInput } from '@ltx/shared/schemas/points';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { created, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const entryId = pathParam(event, 'entryId');
  const input = parseBody(event, ReversalInput);
  return created(await ctx.points.reverse(actor, entryId, input));
});
