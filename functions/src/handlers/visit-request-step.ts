import { VisitCancelInput, VisitConfirmInput, VisitDeliverInput, VisitScheduleInput } from '@ltx/shared/schemas/visit';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { RouteNotFoundError } from '../http/errors';
import { parseBody, pathParam } from '../http/request';
import { ok, route } from '../http/route';

/** The state machine's steps: one module, since each is parse, authorise (in the service) and one call. */
export const handler = route(async (event: APIGatewayProxyEventV2) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const id = pathParam(event, 'requestId');
  const step = event.routeKey.split('/').at(-1);
  switch (step) {
    case 'accept':
      return ok(await ctx.visits.accept(actor, id));
    case 'schedule':
      return ok(await ctx.visits.schedule(actor, id, parseBody(event, VisitScheduleInput)));
    case 'deliver':
      return ok(await ctx.visits.deliver(actor, id, parseBody(event, VisitDeliverInput)));
    case 'confirm':
      return ok(await ctx.visits.confirm(actor, id, parseBody(event, VisitConfirmInput)));
    case 'cancel':
      return ok(await ctx.visits.cancel(actor, id, parseBody(event, VisitCancelInput)));
    default:
      throw new RouteNotFoundError();
  }
});
