import { PointsRules } from '@ltx/shared/schemas/points';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const orgId = pathParam(event, 'orgId');
  return ok(await ctx.points.saveRules(actor, orgId, parseBody(event, PointsRules)));
});
