import { SignJWT, jwtVerify } from 'jose';
import { roles, type Actor, type Role } from '@ltx/shared/domain/roles';
import { UnauthenticatedError } from '@ltx/shared/domain/errors';

const issuer = 'ltx-branch';
const audience = 'ltx-miniapp';
/** Long enough that an elderly member is not sent back to log in every day; WeChat logs in silently anyway. */
const lifetime = '7d';

/** Signs and verifies session tokens (HS256 JWTs, by jose). */
export class TokenService {
  private key?: Promise<Uint8Array>;
  constructor(private readonly loadSecret: () => Promise<string>) {}

  private signingKey(): Promise<Uint8Array> {
    this.key ??= this.loadSecret().then((s) => new TextEncoder().encode(s));
    return this.key;
  }

  /** `sessionVersion`: the user's at issue time; a token older than the user's current one is refused (http/auth.ts). */
  async issue(actor: Actor, sessionVersion = 0): Promise<string> {
    return new SignJWT({ role: actor.role, org: actor.orgId, branch: actor.branchId, member: actor.memberId, ver: sessionVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .sign(await this.signingKey());
  }

  async verify(token: string): Promise<Actor> {
    return (await this.verifySession(token)).actor;
  }

  /** The actor and the session version the token was issued at (0 for tokens made before versions existed). */
  async verifySession(token: string): Promise<{ actor: Actor; sessionVersion: number }> {
    try {
      const { payload } = await jwtVerify(token, await this.signingKey(), { issuer, audience, algorithms: ['HS256'] });
      const role = payload.role as Role;
      if (!payload.sub || !roles.includes(role)) throw new UnauthenticatedError();
      const actor: Actor = {
        userId: payload.sub,
        role,
        orgId: payload.org as string | undefined,
        branchId: payload.branch as string | undefined,
        memberId: payload.member as string | undefined,
      };
      return { actor, sessionVersion: typeof payload.ver === 'number' ? payload.ver : 0 };
    } catch {
      throw new UnauthenticatedError();
    }
  }
}
