import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Actor } from '@ltx/shared/domain/roles';
import type { TokenService } from '../services/tokens';
import { UnauthenticatedError } from './errors';
import { header } from './request';

/** The actor behind the bearer token; 401 when it is missing, forged or expired. */
export async function requireActor(event: APIGatewayProxyEventV2, tokens: TokenService): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header(event, 'authorization') ?? '');
  if (!match?.[1]) throw new UnauthenticatedError();
  return tokens.verify(match[1]);
}
