import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { RouteNotFoundError } from '../http/errors';
import { idempotent } from '../http/idempotency';
import { idempotencyKey, parseBody, parseQuery, pathParam } from '../http/request';
import { route, type HttpResult, type LambdaHandler } from '../http/route';
import { paramNames, Reply, type AnyRoute } from './declare';

/**
 * A domain Lambda: resolves the event to one of its declared routes and runs the pipeline every
 * route shares. API Gateway has already matched the request to a route, and says which in
 * `routeKey` (`METHOD /path/{template}`); the local server sets it the same way. So resolving is
 * an exact lookup, and the path parameters are API Gateway's. Errors become responses in one
 * place (http/route.ts `errorResponse`, through `route`).
 */
export function serve(routes: readonly AnyRoute[]): LambdaHandler {
  const byKey = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return route(async (event) => {
    const declared = byKey.get(event.routeKey);
    if (!declared) throw new RouteNotFoundError();
    return run(declared, event);
  });
}

/** Token, path ids, query, body (in that order: 401 before 422 before 400), then the work, once per Idempotency-Key. */
async function run(declared: AnyRoute, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const ctx = appContext();
  if (declared.localOnly && ctx.stage !== 'local' && ctx.stage !== 'test') throw new RouteNotFoundError();
  const actor = declared.auth === 'token' ? await requireActor(event, ctx.tokens) : undefined;
  const params = Object.fromEntries(paramNames(declared.path).map((name) => [name, pathParam(event, name)]));
  const query = declared.query ? parseQuery(event, declared.query) : undefined;
  const body = declared.body ? parseBody(event, declared.body) : undefined;
  const work = async (): Promise<HttpResult> => {
    const answer = await declared.handle({ ctx, actor, params, query, body, event, idempotencyKey: declared.idempotent ? idempotencyKey(event) : undefined } as never);
    return answer instanceof Reply ? answer.result : { status: declared.status ?? 200, body: answer };
  };
  return declared.idempotent && actor ? idempotent(ctx, event, actor, body, work) : work();
}
