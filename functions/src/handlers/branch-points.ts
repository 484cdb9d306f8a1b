import { BranchPointsQuery } from '@ltx/shared/schemas/points';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseQuery, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const { year, sort } = parseQuery(event, BranchPointsQuery);
  return ok(await ctx.points.branchPoints(actor, pathParam(event, 'branchId'), year, sort));
});
