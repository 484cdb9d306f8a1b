import { PeriodQuery } from '@ltx/shared/schemas/inspection';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseQuery, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const { period } = parseQuery(event, PeriodQuery);
  return ok(await ctx.inspection.signoffCheck(actor, pathParam(event, 'branchId'), period));
});
