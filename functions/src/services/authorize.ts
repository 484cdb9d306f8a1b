import { decide, decideWithin, type Action, type Decision, type Resource } from '@ltx/shared/domain/authz';
import type { Actor } from '@ltx/shared/domain/roles';
import type { UserRecord } from '../repositories/records';
import { ForbiddenError, HierarchyStateError, NotFoundError } from '@ltx/shared/domain/errors';

/** Throws unless `decide` allows: 404 for what the actor may not even see, 403 for the rest, 409 on a closed branch's records. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  refuse(decide(actor, action, resource));
}

function refuse(decision: Decision): void {
  if (decision === 'not_found') throw new NotFoundError();
  if (decision === 'forbidden') throw new ForbiddenError();
  if (decision === 'closed') throw new HierarchyStateError('ORG_CLOSED');
}

/** Like `authorize`, for a part of a visible whole (see `decideWithin`): 404 only when the whole is hidden. */
export function authorizeWithin(actor: Actor, action: Action, whole: Resource, part: Resource): void {
  refuse(decideWithin(actor, action, whole, part));
}

/** A stored account as `can()` sees it, e.g. to ask whether the person being assigned may take the task. */
export function actorOf(user: Pick<UserRecord, 'id' | 'role' | 'orgId' | 'branchId' | 'memberId'>): Actor {
  return { userId: user.id, role: user.role, orgId: user.orgId, branchId: user.branchId, memberId: user.memberId };
}
