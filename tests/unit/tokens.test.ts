import { describe, expect, it } from 'vitest';
import { ManualClock } from '@ltx/shared/time/clock';
import type { Actor } from '@ltx/shared/domain/roles';
import { TokenService } from '../../functions/src/services/tokens';

/** Session tokens: HS256 JWTs we sign and check ourselves (functions/src/services/tokens.ts). */
const secretary: Actor = { userId: 'u-1', role: 'secretary', orgId: 'org-1', branchId: 'br-1' };
const day = 24 * 3600_000;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

function service(secret = 'a-long-enough-test-secret') {
  const clock = new ManualClock('2026-12-31T15:50:00.000Z');
  return { clock, tokens: new TokenService(async () => secret, clock) };
}

describe('session tokens', () => {
  it('carry the actor and the session version, and expire seven days after the clock says they were issued', async () => {
    const { clock, tokens } = service();
    const token = await tokens.issue(secretary, 3);
    expect(await tokens.verifySession(token)).toEqual({ actor: { ...secretary, memberId: undefined }, sessionVersion: 3 });
    expect(claimsOf(token)).toMatchObject({ iat: Date.parse('2026-12-31T15:50:00.000Z') / 1000, exp: Date.parse('2027-01-07T15:50:00.000Z') / 1000 });
    clock.advance(7 * day - 1000);
    await expect(tokens.verify(token)).resolves.toMatchObject({ userId: 'u-1' });
    clock.advance(1000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuse a changed claim, another key, another algorithm, and anything that is not a token', async () => {
    const { tokens } = service();
    const token = await tokens.issue(secretary);
    const [head, , signature] = token.split('.');
    const promoted = `${head}.${b64({ ...claimsOf(token), role: 'admin' })}.${signature}`;
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`;
    const otherKey = await service('another-secret-entirely').tokens.issue(secretary);
    const truncated = token.slice(0, -4);
    for (const bad of [promoted, unsigned, otherKey, truncated, '', 'a.b', 'a.b.c', `${token}.x`]) {
      await expect(tokens.verify(bad), bad).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuse a well-signed token for another audience or with an unknown role', async () => {
    const { tokens } = service();
    const token = await tokens.issue(secretary);
    const { createHmac } = await import('node:crypto');
    const resign = (claims: Record<string, unknown>) => {
      const signed = `${token.split('.')[0]}.${b64(claims)}`;
      return `${signed}.${createHmac('sha256', 'a-long-enough-test-secret').update(signed).digest('base64url')}`;
    };
    await expect(tokens.verify(resign(claimsOf(token)))).resolves.toMatchObject({ role: 'secretary' });
    await expect(tokens.verify(resign({ ...claimsOf(token), aud: 'someone-else' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(tokens.verify(resign({ ...claimsOf(token), role: 'root' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(tokens.verify(resign({ ...claimsOf(token), sub: '' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
