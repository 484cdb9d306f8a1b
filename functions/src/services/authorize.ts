import { decide, decideWithin, type Action, type Resource } from '@ltx/shared/domain/authz';
import type { Actor } from '@ltx/shared/domain/roles';
import { ForbiddenError, NotFoundError } from '../http/errors';

/** Throws unless `decide` allows: 404 for what the actor may not even see, 403 for the rest. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const decision = decide(actor, action, resource);
  if (decision === 'not_found') throw new NotFoundError();
  if (decision === 'forbidden') throw new ForbiddenError();
}

/** Like `authorize`, for a part of a visible whole (see `decideWithin`): 404 only when the whole is hidden. */
export function authorizeWithin(actor: Actor, action: Action, whole: Resource, part: Resource): void {
  const decision = decideWithin(actor, action, whole, part);
  if (decision === 'not_found') throw new NotFoundError();
  if (decision === 'forbidden') throw new ForbiddenError();
}
