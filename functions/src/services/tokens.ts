import { createHmac, timingSafeEqual } from 'node:crypto';
import { roles, type Actor, type Role } from '@ltx/shared/domain/roles';
import { UnauthenticatedError } from '@ltx/shared/domain/errors';
import type { Clock } from '@ltx/shared/time/clock';

const issuer = 'ltx-branch';
const audience = 'ltx-miniapp';
/** Long enough that an elderly member is not sent back to log in every day; WeChat logs in silently anyway. */
const lifetimeSeconds = 7 * 24 * 3600;
/** The only header we make and the only one we accept: no `alg` negotiation, so no algorithm confusion. */
const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

interface Claims {
  sub: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  role: Role;
  org?: string;
  branch?: string;
  member?: string;
  ver: number;
}

/**
 * Signs and verifies session tokens: HS256 JWTs (RFC 7519) made with Node's own HMAC. A library
 * would add 17 KB to every function for one algorithm we fix ourselves. Times come from the
 * injected clock, so a token's life is tested like every other time.
 */
export class TokenService {
  private key?: Promise<Buffer>;
  constructor(
    private readonly loadSecret: () => Promise<string>,
    private readonly clock: Clock,
  ) {}

  private signingKey(): Promise<Buffer> {
    this.key ??= this.loadSecret().then((s) => Buffer.from(s, 'utf8'));
    return this.key;
  }

  private async signature(signed: string): Promise<Buffer> {
    return createHmac('sha256', await this.signingKey()).update(signed).digest();
  }

  /**
   * `sessionVersion`: the user's at issue time; a token older than the user's current one is refused (http/auth.ts).
   * `seconds`: a shorter life than the phone's, for a computer's session (the web console).
   */
  async issue(actor: Actor, sessionVersion = 0, seconds = lifetimeSeconds): Promise<string> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: Claims = {
      sub: actor.userId, iss: issuer, aud: audience, iat, exp: iat + seconds,
      role: actor.role, org: actor.orgId, branch: actor.branchId, member: actor.memberId, ver: sessionVersion,
    };
    const signed = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signed}.${(await this.signature(signed)).toString('base64url')}`;
  }

  async verify(token: string): Promise<Actor> {
    return (await this.verifySession(token)).actor;
  }

  /** The actor and the session version the token was issued at (0 for tokens made before versions existed). */
  async verifySession(token: string): Promise<{ actor: Actor; sessionVersion: number }> {
    const claims = await this.claimsOf(token);
    if (!claims) throw new UnauthenticatedError();
    const actor: Actor = { userId: claims.sub, role: claims.role, orgId: claims.org, branchId: claims.branch, memberId: claims.member };
    return { actor, sessionVersion: typeof claims.ver === 'number' ? claims.ver : 0 };
  }

  /** The token's claims if we signed it, for us, and it has not expired; otherwise nothing. */
  private async claimsOf(token: string): Promise<Claims | undefined> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== header) return undefined;
    const given = Buffer.from(parts[2]!, 'base64url');
    const expected = await this.signature(`${parts[0]}.${parts[1]}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: Partial<Claims>;
    try {
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Partial<Claims>;
    } catch {
      return undefined;
    }
    const now = this.clock.now().getTime() / 1000;
    const valid =
      typeof claims === 'object' && claims !== null &&
      typeof claims.sub === 'string' && claims.sub !== '' &&
      claims.iss === issuer && claims.aud === audience &&
      typeof claims.exp === 'number' && now < claims.exp &&
      roles.includes(claims.role as Role);
    return valid ? (claims as Claims) : undefined;
  }
}
