import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isVisitor, type Actor } from '@ltx/shared/domain/roles';
import { RoleWithdrawnError, SessionOutdatedError } from '@ltx/shared/domain/errors';
import type { UserRepository } from '../repositories/user-repository';
import type { TokenService } from '../services/tokens';
import { UnauthenticatedError } from './errors';
import { header } from './request';

/**
 * The actor behind the bearer token; 401 when it is missing, forged or expired, and at once when the
 * user's role was withdrawn or changed since the token was issued: one GetItem of the user's session
 * version per request (a visitor has no user record yet and may only bind).
 */
export async function requireActor(event: APIGatewayProxyEventV2, tokens: TokenService, users: Pick<UserRepository, 'sessionStateOf'>): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header(event, 'authorization') ?? '');
  if (!match?.[1]) throw new UnauthenticatedError();
  const { actor, sessionVersion } = await tokens.verifySession(match[1]);
  if (isVisitor(actor)) return actor;
  const state = await users.sessionStateOf(actor.userId);
  if (!state) throw new UnauthenticatedError();
  if (state.withdrawn) throw new RoleWithdrawnError();
  if (state.sessionVersion !== sessionVersion) throw new SessionOutdatedError();
  return actor;
}
