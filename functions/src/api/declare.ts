import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Action } from '@ltx/shared/domain/authz';
import type { Actor } from '@ltx/shared/domain/roles';
import type { SecretNeed } from '../config/env';
import type { AppContext } from '../context';
import type { HttpResult } from '../http/route';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT';

/**
 * What a route does with attachment files, and so which S3 grant its function's role gets
 * (infra/src/constructs/api.ts; least privilege: a route without it gets none):
 * - `presign`: signs POST upload forms (s3:PutObject).
 * - `read`: answers presigned GET links (s3:GetObject): every SessionDetail, a member's own
 *   sessions, a delivered visit, the ledger's photos, rectification items.
 * - `check`: `read`, plus HeadObject (s3:ListBucket, so a missing key is 404 not 403) before a
 *   record may refer to a file (UploadService.attach), and a presigned GET for WeChat to fetch an image it checks.
 * - `erase`: deletes files (s3:DeleteObject): a deleted member's signed consent form.
 * A route that starts answering attachment links must say so here, or its links answer AccessDenied.
 */
export type UploadAccess = 'presign' | 'read' | 'check' | 'erase';

/** `{a}/x/{b}` → `'a' | 'b'`: a route's path parameters, from its path template. */
export type PathParams<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | PathParams<Rest> : never;

type Out<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

/** What a route's `handle` receives: everything already checked and parsed by the pipeline (api/serve.ts). */
export interface Call<P extends string, A extends 'public' | 'token', Q, B> {
  ctx: AppContext;
  /** The caller behind the bearer token (token routes), verified before `handle` runs. */
  actor: A extends 'token' ? Actor : undefined;
  params: Record<PathParams<P>, string>;
  query: Out<Q>;
  body: Out<B>;
  /** The `Idempotency-Key` of an idempotent route, if the client sent one. */
  idempotencyKey: string | undefined;
  event: APIGatewayProxyEventV2;
}

/**
 * One route, declared once. Everything else derives from these: the domain Lambda's router
 * (api/serve.ts), the local server, the deployed HTTP API and its grants (infra), docs/openapi.json
 * and the mini-program's types (api/types.ts).
 */
export interface RouteDeclaration<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  A extends 'public' | 'token' = 'public' | 'token',
  Q extends z.core.$ZodType | undefined = z.core.$ZodType | undefined,
  B extends z.core.$ZodType | undefined = z.core.$ZodType | undefined,
  R extends z.core.$ZodType = z.core.$ZodType,
> {
  /** Unique; the OpenAPI operationId. */
  id: string;
  method: M;
  /** API Gateway path template, e.g. `/api/v1/members/{memberId}`. Each `{param}` must be an id. */
  path: P;
  /** `public` needs no token; `token` answers 401 without a valid bearer token. */
  auth: A;
  /** The one `can()` action that decides access, where it is a single one (the service asks it). */
  can?: Action;
  query?: Q;
  body?: B;
  /** What a success answers (for a file, what the document says it is). */
  response: R;
  /** Success status; 200 unless said. A `reply()` from `handle` may answer another. */
  status?: 200 | 201;
  /** Takes an `Idempotency-Key`: a repeat answers the first result (http/idempotency.ts). */
  idempotent?: true;
  uploads?: UploadAccess;
  /**
   * Secrets the route reads beside the session signing key (every function reads that one, for
   * tokens): `wechatAppSecret` for WeChat login; `wechatAccessToken`, the WeChat access token the
   * reminder job publishes ("WeChat access token"), for the content checks of the texts and images
   * the route stores (services/content-screen.ts); `wechatPushToken`, the token WeChat signs its
   * message pushes with (the push route). Only a function with such a route may read the secret and
   * is given its id (config/env.ts `secretVariables`; grants in infra/src/constructs/api.ts). A route
   * that starts checking content must declare `wechatAccessToken`, or its checks answer 503 in AWS.
   */
  secrets?: readonly SecretNeed[];
  /**
   * Deletes items (DeleteItem), like reverting a rules override. Only a function with such a route
   * gets dynamodb:DeleteItem; every other one only puts and updates (infra/src/constructs/api.ts).
   */
  deletes?: true;
  /** Exists only on the local stage: never deployed, and refused by the router anywhere else. */
  localOnly?: true;
  summary: string;
  /** The work: returns the response body, or a `reply()` for another status or a file. */
  handle(call: Call<P, A, Q, B>): Promise<unknown>;
}

export type AnyRoute = RouteDeclaration<HttpMethod, string, 'public' | 'token', z.core.$ZodType | undefined, z.core.$ZodType | undefined, z.core.$ZodType>;

/** Keeps the literal method and path (for the mini-program's types) and checks `handle` against the schemas. */
export function defineRoute<
  const M extends HttpMethod,
  const P extends string,
  const A extends 'public' | 'token',
  Q extends z.core.$ZodType | undefined = undefined,
  B extends z.core.$ZodType | undefined = undefined,
  R extends z.core.$ZodType = z.core.$ZodType,
>(route: RouteDeclaration<M, P, A, Q, B, R>): RouteDeclaration<M, P, A, Q, B, R> {
  return route;
}

/** An answer other than the declared status with the body: 202 with a pending change, 200 for a replayed create, a file. */
export class Reply {
  constructor(readonly result: HttpResult) {}
}

export const reply = (status: number, body: unknown) => new Reply({ status, body });
export const fileReply = (file: NonNullable<HttpResult['file']>) => new Reply({ status: 200, file });
/** Plain text instead of JSON (what WeChat's message push expects back). */
export const textReply = (text: string) => new Reply({ status: 200, text });

/** The names of a path template's parameters, in order. */
export const paramNames = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
