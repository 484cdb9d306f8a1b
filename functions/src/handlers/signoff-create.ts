import { SignoffInput } from '@ltx/shared/schemas/inspection';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { idempotent } from '../http/idempotency';
import { parseBody, pathParam } from '../http/request';
import { created, route } from '../http/route';

/** A repeat with the same Idempotency-Key answers the first result; the key reused for another request, 422. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const branchId = pathParam(event, 'branchId');
  const input = parseBody(event, SignoffInput);
  return idempotent(ctx, event, actor, input, async () => created(await ctx.inspection.signoff(actor, branchId, input)));
});
