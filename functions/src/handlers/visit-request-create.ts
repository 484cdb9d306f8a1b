import { VisitRequestInput } from '@ltx/shared/schemas/visit';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { ValidationError } from '../http/errors';
import { header, parseBody, pathParam } from '../http/request';
import { created, ok, route } from '../http/route';

/** A repeat with the same Idempotency-Key (a double tap, a retry on a weak network) answers the same request. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(key)) throw new ValidationError([{ path: 'Idempotency-Key', message: '请求编号格式不正确' }]);
  const input = parseBody(event, VisitRequestInput);
  const outcome = await ctx.visits.request(actor, memberId, input, key);
  return outcome.created ? created(outcome.visit) : ok(outcome.visit);
});
