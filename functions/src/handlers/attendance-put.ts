import { AttendanceInput } from '@ltx/shared/schemas/session';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const sessionId = pathParam(event, 'sessionId');
  const memberId = pathParam(event, 'memberId');
  const input = parseBody(event, AttendanceInput);
  return ok(await ctx.sessions.markAttendance(actor, sessionId, memberId, input));
});
