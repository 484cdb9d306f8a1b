import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiPrefix, deployedRoutes, domains, routes } from '../../functions/src/api';
import { resetEnvForTests, secretVariables, type SecretNeed } from '../../functions/src/config/env';
import { resetAppContext } from '../../functions/src/context';
import type { RouteTypes } from '../../functions/src/api/types';
import { buildOpenApi } from '../../scripts/openapi-document';

/**
 * A route is declared once, in its domain module (functions/src/api/<domain>.ts). These tests show
 * that everything else follows from the declaration: the domain's router serves it, the OpenAPI
 * document lists it, and no other file names a route. (tests/infra/api.test.ts shows the deployed
 * API has exactly the declared routes, each on its domain's function.)
 */
const eventFor = (method: string, routePath: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: `${method} ${routePath}`,
    rawPath: routePath,
    rawQueryString: '',
    headers: {},
    pathParameters: Object.fromEntries([...routePath.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'id-1'])),
    isBase64Encoded: false,
    requestContext: { http: { method, path: routePath } },
  }) as unknown as APIGatewayProxyEventV2;

beforeAll(() => {
  // The routers build the app context (clients only, no request is sent) before they answer.
  Object.assign(process.env, {
    STAGE: 'test', TABLE_NAME: 'unused', SIGNING_KEY_SECRET_ID: 'unused', WECHAT_SECRET_ID: 'unused', WECHAT_TOKEN_SECRET_ID: 'unused', WECHAT_PUSH_TOKEN_SECRET_ID: 'unused', WECHAT_APP_ID: 'wx0000000000000000',
    WECHAT_API_BASE: 'http://127.0.0.1:9', SECRETS_FILE: '/nonexistent', DYNAMO_ENDPOINT: 'http://127.0.0.1:9', UPLOADS_DIR: '/nonexistent', UPLOADS_BASE_URL: 'http://127.0.0.1:9',
  });
});

describe('route declarations', () => {
  it('are unique by method and path and by id, all under the API prefix', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = routes.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(routes.every((r) => r.path.startsWith(`${apiPrefix}/`))).toBe(true);
  });

  it('are each served by their domain router, which answers 404 to any route it does not declare', async () => {
    for (const r of routes) {
      const handler = domains[r.domain]!.handler;
      const answer = await handler(eventFor(r.method, r.path));
      // Without a token a token route answers 401; a public route runs (and may fail on its body, never 404).
      if (r.auth === 'token') expect(answer.statusCode, `${r.method} ${r.path}`).toBe(401);
      else expect(answer.statusCode, `${r.method} ${r.path}`).not.toBe(404);
    }
    for (const [name, d] of Object.entries(domains)) {
      const other = routes.find((r) => r.domain !== name)!;
      const answer = await d.handler(eventFor(other.method, other.path));
      expect(answer.statusCode, `${name} serving ${other.method} ${other.path}`).toBe(404);
      expect(JSON.parse(answer.body ?? '{}')).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    }
  });

  it("answer the router's own failures in our words: a blank id 422 naming it, a broken escape 400, a GET body ignored", async () => {
    const at = (method: string, rawPath: string, extra: Partial<APIGatewayProxyEventV2> = {}) => ({ ...eventFor(method, rawPath), rawPath, ...extra });
    const blank = await domains.members!.handler(at('GET', '/api/v1/members/%20'));
    expect(blank.statusCode).toBe(422);
    expect(JSON.parse(blank.body!)).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: [{ path: 'memberId', message: 'memberId：编号格式不正确' }] } });
    const broken = await domains.members!.handler(at('GET', '/api/v1/members/%E0%A4%A'));
    expect(broken.statusCode).toBe(400);
    expect(JSON.parse(broken.body!)).toMatchObject({ error: { code: 'MALFORMED_PATH' } });
    const health = await domains.auth!.handler(at('GET', '/api/v1/health', { body: 'ignored' }));
    expect([health.statusCode, JSON.parse(health.body!)]).toEqual([200, { status: 'ok' }]);
    expect(health.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  });

  it('refuse to serve from a function not given the id of a secret its routes declare; a function declaring none needs no id', async () => {
    for (const need of Object.keys(secretVariables) as SecretNeed[]) {
      const variable = secretVariables[need];
      const given = process.env[variable];
      delete process.env[variable];
      resetEnvForTests();
      resetAppContext();
      try {
        for (const [name, d] of Object.entries(domains)) {
          const declared = routes.some((r) => r.domain === name && r.secrets?.includes(need));
          const route = routes.find((r) => r.domain === name && r.auth === 'token') ?? routes.find((r) => r.domain === name)!;
          const answer = await d.handler(eventFor(route.method, route.path));
          // Refused before anything runs; otherwise as usual (a token route without a token: 401).
          if (declared) expect(answer.statusCode, `${name} without ${variable}`).toBe(500);
          else if (route.auth === 'token') expect(answer.statusCode, `${name} without ${variable}`).toBe(401);
        }
      } finally {
        process.env[variable] = given;
        resetEnvForTests();
        resetAppContext();
      }
    }
    expect((await domains.auth!.handler(eventFor('GET', '/api/v1/health'))).statusCode).toBe(200);
  });

  it('each appear in the OpenAPI document with their schemas and success status', () => {
    const doc = buildOpenApi();
    for (const r of routes) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()] as { operationId: string; responses: Record<string, unknown>; requestBody?: unknown } | undefined;
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op!.operationId).toBe(r.id);
      expect(op!.responses).toHaveProperty(String(r.status ?? 200));
      expect(op!.requestBody !== undefined, r.id).toBe(r.body !== undefined);
    }
  });

  it('are the only list of routes: no other source file names a route path', () => {
    // Route templates are written in functions/src/api/<domain>.ts only. Tests and the
    // mini-program's api-client (which calls the paths) are the exceptions by nature.
    const roots = ['functions/src', 'infra/src', 'local', 'scripts', 'bench'];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? (e.name === 'node_modules' || e.name.startsWith('cdk.out') || e.name === 'results' ? [] : walk(path.join(dir, e.name))) : /\.(ts|mjs)$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    const files = roots.flatMap(walk);
    // scripts/new-route-drill.ts writes a route into a copy of the tree: it holds one as text.
    const declaring = files.filter((f) => f !== path.join('scripts', 'new-route-drill.ts') && /'\/api\/v1\/[a-z]/.test(readFileSync(f, 'utf8')));
    expect(declaring.every((f) => f.startsWith(path.join('functions', 'src', 'api') + path.sep)), declaring.join(', ')).toBe(true);
    expect(declaring.length).toBeGreaterThan(0);
  });

  it('keeps dev login and the demo accounts out of the cloud', () => {
    expect(deployedRoutes.some((r) => r.path.includes('dev-login') || r.path.includes('demo-accounts'))).toBe(false);
    expect(routes.filter((r) => r.localOnly).map((r) => r.id).sort()).toEqual(['auth-demo-accounts', 'auth-dev-login']);
  });

  it('keeps the public contract paths', () => {
    const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const key of [
      'GET /api/v1/me', 'GET /api/v1/orgs/{orgId}/branches', 'GET /api/v1/branches/{branchId}', 'GET /api/v1/branches/{branchId}/members',
      'POST /api/v1/branches/{branchId}/members', 'GET /api/v1/members/{memberId}', 'PATCH /api/v1/members/{memberId}',
      'POST /api/v1/members/{memberId}/invites', 'POST /api/v1/bindings', 'GET /api/v1/health', 'POST /api/v1/auth/wechat', 'POST /api/v1/auth/dev-login',
    ]) expect(keys.has(key), key).toBe(true);
  });
});

describe('RouteTypes (the mini-program\'s types, from the declarations)', () => {
  it('types each route by its schemas', () => {
    type Member = RouteTypes['GET /api/v1/members/{memberId}'];
    const params: Member['params'] = { memberId: 'm-1' };
    // @ts-expect-error: a route that is not declared has no types
    const missing: RouteTypes['GET /api/v1/nowhere'] = undefined;
    const body: RouteTypes['POST /api/v1/bindings']['body'] = { inviteCode: 'ABC123' };
    expect([params.memberId, missing, body.inviteCode]).toEqual(['m-1', undefined, 'ABC123']);
  });
});
