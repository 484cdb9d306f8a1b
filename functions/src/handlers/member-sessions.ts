import { SessionListQuery } from '@ltx/shared/schemas/session';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseQuery, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const query = parseQuery(event, SessionListQuery);
  return ok({ items: await ctx.sessions.memberSessions(actor, memberId, query) });
});
