import { SessionCloseInput } from '@ltx/shared/schemas/session';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  return ok(await ctx.sessions.close(actor, pathParam(event, 'sessionId'), parseBody(event, SessionCloseInput)));
});
