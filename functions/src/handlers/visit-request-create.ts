import { VisitRequestInput } from '@ltx/shared/schemas/visit';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { idempotencyKey, parseBody, pathParam } from '../http/request';
import { created, ok, route } from '../http/route';

/** A repeat with the same Idempotency-Key (a double tap, a retry on a weak network) answers the same request. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const key = idempotencyKey(event);
  const input = parseBody(event, VisitRequestInput);
  const outcome = await ctx.visits.request(actor, memberId, input, key);
  return outcome.created ? created(outcome.visit) : ok(outcome.visit);
});
