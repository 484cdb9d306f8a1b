import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isVisitor, type Actor } from '@ltx/shared/domain/roles';
import { RoleWithdrawnError, SessionOutdatedError } from '@ltx/shared/domain/errors';
import type { UserRepository } from '../repositories/user-repository';
import type { TokenService } from '../services/tokens';
import { UnauthenticatedError } from './errors';
import { header } from './request';

/** What a valid bearer token says: who is calling, and the session version it was issued under. */
export interface TokenClaims {
  actor: Actor;
  sessionVersion?: number;
}

/** The claims of the bearer token; 401 when it is missing, forged or expired. No I/O but the signing key. */
export async function readToken(event: APIGatewayProxyEventV2, tokens: TokenService): Promise<TokenClaims> {
  const match = /^Bearer\s+(\S+)$/i.exec(header(event, 'authorization') ?? '');
  if (!match?.[1]) throw new UnauthenticatedError();
  return tokens.verifySession(match[1]);
}

/**
 * 401 at once when the user's role was withdrawn or changed since the token was issued: one
 * consistent GetItem of the user's session version (a visitor has no user record yet and may only bind).
 */
export async function confirmStanding({ actor, sessionVersion }: TokenClaims, users: Pick<UserRepository, 'sessionStateOf'>): Promise<void> {
  if (isVisitor(actor)) return;
  const state = await users.sessionStateOf(actor.userId);
  if (!state) throw new UnauthenticatedError();
  if (state.withdrawn) throw new RoleWithdrawnError();
  if (state.sessionVersion !== sessionVersion) throw new SessionOutdatedError();
}
