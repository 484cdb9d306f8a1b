import { YearQuery } from '@ltx/shared/schemas/points';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseQuery, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const { year } = parseQuery(event, YearQuery);
  return ok(await ctx.points.memberPoints(actor, pathParam(event, 'memberId'), year));
});
