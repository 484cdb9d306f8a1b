import { BulkAttendanceInput, BulkUndoInput } from '@ltx/shared/schemas/session';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { RouteNotFoundError } from '../http/errors';
import { parseBody, pathParam } from '../http/request';
import { ok, route } from '../http/route';

/** "Everyone present": the write, its preview and its undo (one module: each is parse, one call, the same answer). */
export const handler = route(async (event: APIGatewayProxyEventV2) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const sessionId = pathParam(event, 'sessionId');
  switch (event.routeKey.split('/').at(-1)) {
    case 'attendance':
      return ok(await ctx.sessions.markMany(actor, sessionId, parseBody(event, BulkAttendanceInput)));
    case 'preview':
      return ok(await ctx.sessions.previewMany(actor, sessionId, parseBody(event, BulkAttendanceInput)));
    case 'undo':
      return ok(await ctx.sessions.undoBulk(actor, sessionId, parseBody(event, BulkUndoInput)));
    default:
      throw new RouteNotFoundError();
  }
});
