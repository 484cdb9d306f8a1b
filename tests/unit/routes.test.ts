import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiPrefix, deployedRoutes, routes } from '../../functions/src/routes';

describe('route table', () => {
  it('has a handler module for every route, once per method and path', () => {
    for (const r of routes) expect(existsSync(`functions/src/handlers/${r.handler}.ts`), r.handler).toBe(true);
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(routes.every((r) => r.path.startsWith(`${apiPrefix}/`))).toBe(true);
  });

  it('keeps dev login and the demo accounts out of the cloud', () => {
    expect(deployedRoutes.some((r) => r.path.includes('dev-login') || r.path.includes('demo-accounts'))).toBe(false);
    expect(routes.filter((r) => r.localOnly).map((r) => r.handler).sort()).toEqual(['auth-demo-accounts', 'auth-dev-login']);
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
