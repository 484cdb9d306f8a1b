import { VisitRequestInput } from '@ltx/shared/schemas/visit';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { idempotent } from '../http/idempotency';
import { idempotencyKey, parseBody, pathParam } from '../http/request';
import { created, ok, route } from '../http/route';

/** A repeat with the same Idempotency-Key (a double tap, a retry on a weak network) answers the same request. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const input = parseBody(event, VisitRequestInput);
  return idempotent(ctx, event, actor, input, async () => {
    // The service derives the request's id from the key too: a request taken over after a crash lands on the same record.
    const outcome = await ctx.visits.request(actor, memberId, input, idempotencyKey(event));
    return outcome.created ? created(outcome.visit) : ok(outcome.visit);
  });
});
