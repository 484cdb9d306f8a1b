import type { LambdaHandler } from '../http/route';
import * as auth from './auth';
import type { AnyRoute } from './declare';
import type { DomainWiring } from './serve';
import * as ledgerExport from './exports';
import * as inspection from './inspection';
import * as members from './members';
import * as orgs from './orgs';
import * as points from './points';
import * as sessions from './sessions';
import * as uploads from './uploads';
import * as visits from './visits';

/**
 * The domains: each module under api/ declares its routes and is one Lambda (its `handler`), in
 * the cloud and on the local server alike. A new route goes into its domain's `routes`; nothing
 * else lists routes. A new domain is one more line here, and one in types.ts (the mini-program's types).
 */
export const domains: Readonly<Record<string, { routes: readonly AnyRoute[]; wire: DomainWiring; handler: LambdaHandler }>> = {
  auth, orgs, members, sessions, uploads, visits, points, inspection, exports: ledgerExport,
};

/** A declared route and the domain (Lambda) that serves it. */
export type RouteSpec = AnyRoute & { domain: string };

export const apiPrefix = '/api/v1';

export const routes: readonly RouteSpec[] = Object.entries(domains).flatMap(([domain, d]) => d.routes.map((r) => ({ ...r, domain })));

/** Routes the cloud deployment serves: everything but the local-only ones. */
export const deployedRoutes = routes.filter((r) => !r.localOnly);
