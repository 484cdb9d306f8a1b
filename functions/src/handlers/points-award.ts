import { ManualAwardInput } from '@ltx/shared/schemas/points';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { ValidationError } from '../http/errors';
import { header, parseBody, pathParam } from '../http/request';
import { created, ok, route } from '../http/route';

/** A repeat with the same Idempotency-Key answers the same entry instead of adding a second. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(key)) throw new ValidationError([{ path: 'Idempotency-Key', message: '请求编号格式不正确' }]);
  const input = parseBody(event, ManualAwardInput);
  const outcome = await ctx.points.award(actor, memberId, input, key);
  return outcome.created ? created(outcome.entry) : ok(outcome.entry);
});
