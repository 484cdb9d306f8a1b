import { SignoffInput } from '@ltx/shared/schemas/inspection';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { created, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const branchId = pathParam(event, 'branchId');
  return created(await ctx.inspection.signoff(actor, branchId, parseBody(event, SignoffInput)));
});
