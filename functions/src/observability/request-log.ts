import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { Role } from '@ltx/shared/domain/roles';
import { logger } from '../http/logger';
import { writeMetrics } from './metrics';

/**
 * What the request log line and the per-route metrics say about one request, learned while it is served:
 * the declared route (never the concrete path, whose ids would let a log reader follow a person) and the
 * caller's role (never who they are). Kept per event object, since the local server serves many at once.
 */
interface Facts {
  routeId?: string;
  route?: string;
  role?: Role;
}
const factsOf = new WeakMap<object, Facts>();

/** The declared route that matched the event: its id and its template (`GET /api/v1/members/{memberId}`). */
export function noteRoute(event: object, declared: { id: string; method: string; path: string }): void {
  factsOf.set(event, { ...factsOf.get(event), routeId: declared.id, route: `${declared.method} ${declared.path}` });
}

/** The role the caller's valid token carries. */
export function noteRole(event: object, role: Role): void {
  factsOf.set(event, { ...factsOf.get(event), role });
}

/**
 * The one line logged for every request, and its metrics. `requestId` is API Gateway's (the access log's
 * `requestId`), `lambdaRequestId` the function's (its START/END/REPORT lines): together they join the two logs.
 * A request no declared route matched is `unmatched`; one without a valid token is `anonymous`.
 */
export function logRequest(event: APIGatewayProxyEventV2, context: Context | undefined, status: number, latencyMs: number, at: Date): void {
  const facts = factsOf.get(event) ?? {};
  const route = facts.route ?? 'unmatched';
  const ms = Math.round(latencyMs * 10) / 10;
  logger.info('request', {
    requestId: event.requestContext?.requestId,
    lambdaRequestId: context?.awsRequestId,
    routeId: facts.routeId ?? 'unmatched',
    route,
    role: facts.role ?? 'anonymous',
    status,
    latencyMs: ms,
  });
  writeMetrics(at, { Requests: 1, Errors: status >= 500 ? 1 : 0, Latency: ms }, { Route: route });
}
