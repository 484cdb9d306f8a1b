import { ManualAwardInput } from '@ltx/shared/schemas/points';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { idempotencyKey, parseBody, pathParam } from '../http/request';
import { created, ok, route } from '../http/route';

/** A repeat with the same Idempotency-Key answers the same entry instead of adding a second. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const key = idempotencyKey(event);
  const input = parseBody(event, ManualAwardInput);
  const outcome = await ctx.points.award(actor, memberId, input, key);
  return outcome.created ? created(outcome.entry) : ok(outcome.entry);
});
