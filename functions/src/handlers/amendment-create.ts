import { AmendmentInput } from '@ltx/shared/schemas/session';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { created, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const sessionId = pathParam(event, 'sessionId');
  const input = parseBody(event, AmendmentInput);
  return created(await ctx.sessions.amend(actor, sessionId, input));
});
