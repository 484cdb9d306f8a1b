/**
 * The API's types for the mini-program, derived from the route declarations: import it with
 * `import type` only (nothing here exists at run time, so zod and the back end stay out of the
 * weapp bundle). Keyed by `METHOD /api/v1/path/{template}`, as API Gateway names routes.
 */
import type * as z from 'zod/mini';
import type { RouteDeclaration, PathParams } from './declare';
import type { routes as auth } from './auth';
import type { routes as exportsRoutes } from './exports';
import type { routes as inspection } from './inspection';
import type { routes as members } from './members';
import type { routes as orgs } from './orgs';
import type { routes as points } from './points';
import type { routes as sessions } from './sessions';
import type { routes as uploads } from './uploads';
import type { routes as visits } from './visits';

type Declared = (typeof auth | typeof orgs | typeof members | typeof sessions | typeof uploads | typeof visits | typeof points | typeof inspection | typeof exportsRoutes)[number];
type In<S> = S extends z.core.$ZodType ? z.input<S> : undefined;

export type RouteTypes = {
  [R in Declared as `${R['method']} ${R['path']}`]: R extends RouteDeclaration<infer _M, infer P, infer _A, infer Q, infer B, infer Res>
    ? { params: Record<PathParams<P>, string>; query: In<Q>; body: In<B>; response: z.output<Res> }
    : never;
};

export type RouteKey = keyof RouteTypes;
