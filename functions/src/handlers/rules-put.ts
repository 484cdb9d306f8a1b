import { FrequencyRules } from '@ltx/shared/schemas/session';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const orgId = pathParam(event, 'orgId');
  const rules = parseBody(event, FrequencyRules);
  return ok(await ctx.overview.saveRules(actor, orgId, rules));
});
