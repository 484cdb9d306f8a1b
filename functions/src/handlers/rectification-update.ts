import { RectificationPatch } from '@ltx/shared/schemas/inspection';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const itemId = pathParam(event, 'itemId');
  return ok(await ctx.inspection.rectify(actor, itemId, parseBody(event, RectificationPatch)));
});
