import { ManualAwardInput } from '@ltx/shared/schemas/points';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { idempotent } from '../http/idempotency';
import { idempotencyKey, parseBody, pathParam } from '../http/request';
import { created, ok, route } from '../http/route';

/** A repeat with the same Idempotency-Key answers the same entry instead of adding a second. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const input = parseBody(event, ManualAwardInput);
  return idempotent(ctx, event, actor, input, async () => {
    // The service derives the entry's id from the key too: an award taken over after a crash lands on the same entry.
    const outcome = await ctx.points.award(actor, memberId, input, idempotencyKey(event));
    return outcome.created ? created(outcome.entry) : ok(outcome.entry);
  });
});
