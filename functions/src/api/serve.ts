import { NotFoundError as RouterNotFoundError, ParameterValidationError, Router } from '@aws-lambda-powertools/event-handler/http';
import type { RequestContext } from '@aws-lambda-powertools/event-handler/types';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { env, secretIdOf } from '../config/env';
import { appBase, appClock, coreOf, type AppContext, type Base, type Services } from '../context';
import { confirmStanding, readToken } from '../http/auth';
import { MalformedPathError, RouteNotFoundError } from '../http/errors';
import { idempotent } from '../http/idempotency';
import { logger } from '../http/logger';
import { badPathParam, idempotencyKey, parseBody, parseQuery, pathParam } from '../http/request';
import { errorResponse, proxyResult, type HttpResult, type LambdaHandler } from '../http/route';
import { flushCounts } from '../observability/metrics';
import { logRequest, noteRole, noteRoute } from '../observability/request-log';
import { paramNames, Reply, type AnyRoute } from './declare';

/**
 * The services a domain's routes use, built from the function's base (context.ts): a function bundles
 * only these (tests/unit/domain-wiring.test.ts checks that every `ctx.…` a domain's routes read is wired).
 */
export type DomainWiring = (base: Base) => Partial<Services>;

/**
 * A domain Lambda: one Powertools router holding the domain's declared routes. The router
 * matches the event's method and raw path (API Gateway has matched them too; the local server
 * sends the same events), each route runs our pipeline (`run`), and every error, the router's
 * own included, becomes a response through our one error map (http/route.ts `errorResponse`).
 */
export function serve(routes: readonly AnyRoute[], wire: DomainWiring): LambdaHandler {
  // The domain's services, over the function's base (rebuilt when a test starts a fresh stack).
  let built: { base: Base; ctx: AppContext } | undefined;
  const secretNeeds = [...new Set(routes.flatMap((r) => r.secrets ?? []))];
  const context = (): AppContext => {
    const base = appBase();
    if (built?.base !== base) {
      // A function whose routes read a secret refuses to start without its id, as env() does for the rest.
      for (const need of secretNeeds) secretIdOf(need);
      built = { base, ctx: { stage: env().stage, ...coreOf(base), ...wire(base) } as AppContext };
    }
    return built.ctx;
  };
  const app = new Router({ logger });
  for (const declared of routes) {
    // Our templates say `{id}` (API Gateway's syntax, and the OpenAPI document's); the router's say `:id`.
    const path = declared.path.replace(/\{(\w+)\}/g, ':$1') as `/${string}`;
    app.route(async (reqCtx) => {
      noteRoute(reqCtx.event, declared);
      return answer(await run(declared, reqCtx, context()), reqCtx);
    }, { method: declared.method, path });
  }
  app.notFound(async () => errorResponse(new RouteNotFoundError()));
  app.errorHandler(Error, async (error, reqCtx) => errorResponse(ourError(error, reqCtx)));

  return async (event, context) => {
    // A duration, not a time of day: the monotonic clock, which no test needs to move.
    const started = performance.now();
    // Whatever is logged while this request is served (an unexpected fault) carries API Gateway's request id.
    logger.appendKeys({ requestId: event.requestContext?.requestId });
    // The router builds a web Request from the event, which may not carry a body on GET: our GET routes read none.
    const routed = event.body !== undefined && event.requestContext.http.method === 'GET' ? { ...event, body: undefined } : event;
    // A failure before routing (an event the router cannot read) still answers in our words.
    const response = await app.resolve(routed, context ?? ({} as Context)).catch(errorResponse);
    const at = appClock().now();
    // API Gateway answers 200 for a result without a status.
    logRequest(routed, context, response.statusCode ?? 200, performance.now() - started, at);
    flushCounts(at);
    logger.removeKeys(['requestId']);
    return response;
  };
}

/**
 * The router's failures while matching, in our words: a path segment that decodes to blank is no
 * id (422 naming it, as before), a broken `%` escape is the caller's mistake (400).
 */
function ourError(error: Error, reqCtx: RequestContext): unknown {
  if (error instanceof ParameterValidationError) return badPathParam(/'(\w+)'/.exec(error.issues[0] ?? '')?.[1] ?? 'path');
  if (error instanceof URIError && reqCtx.route === null) return new MalformedPathError();
  if (error instanceof RouterNotFoundError) return new RouteNotFoundError();
  return error;
}

/**
 * Token, path ids, query, body (in that order: 401 before 422 before 400), then the work, once per
 * Idempotency-Key. Whether the caller's role still stands is one read of their user record: a write
 * waits for it before anything else; a read (GET routes never write) does its work meanwhile, to save
 * the round trip, and its answer waits for that check, whose refusal wins over the answer or its error.
 */
async function run(declared: AnyRoute, reqCtx: RequestContext, ctx: AppContext): Promise<HttpResult> {
  const event = reqCtx.event as APIGatewayProxyEventV2;
  if (declared.localOnly && ctx.stage !== 'local' && ctx.stage !== 'test') throw new RouteNotFoundError();
  const claims = declared.auth === 'token' ? await readToken(event, ctx.tokens) : undefined;
  if (claims) noteRole(event, claims.actor.role);
  const standing = claims ? confirmStanding(claims, ctx.repositories.users) : Promise.resolve();
  if (declared.method !== 'GET') await standing;
  else standing.catch(() => undefined); // awaited below; this only keeps Node from calling it unhandled meanwhile
  const actor = claims?.actor;
  try {
    const params = Object.fromEntries(paramNames(declared.path).map((name) => [name, pathParam(name, reqCtx.params[name])]));
    const query = declared.query ? parseQuery(event, declared.query) : undefined;
    const body = declared.body ? parseBody(event, declared.body) : undefined;
    const work = async (): Promise<HttpResult> => {
      const answer = await declared.handle({ ctx, actor, params, query, body, event, idempotencyKey: declared.idempotent ? idempotencyKey(event) : undefined } as never);
      return answer instanceof Reply ? answer.result : { status: declared.status ?? 200, body: answer };
    };
    const result = await (declared.idempotent && actor ? idempotent(ctx, event, actor, body, work) : work());
    await standing;
    return result;
  } catch (error) {
    await standing;
    throw error;
  }
}

/**
 * Our result as the router's answer. The router base64-encodes a body only when the request
 * context says so, and then encodes the bytes it is given: a binary file goes to it as bytes.
 */
function answer(result: HttpResult, reqCtx: RequestContext) {
  const response = proxyResult(result);
  if (!response.isBase64Encoded) return response;
  reqCtx.isBase64Encoded = true;
  return new Response(Buffer.from(response.body ?? '', 'base64'), { status: response.statusCode, headers: response.headers as Record<string, string> });
}
