import { VisitListQuery } from '@ltx/shared/schemas/visit';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseQuery, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const { status } = parseQuery(event, VisitListQuery);
  return ok({ items: await ctx.visits.list(actor, pathParam(event, 'branchId'), status) });
});
