import type { Action } from '@ltx/shared/domain/authz';
import type { Me } from './types';

/**
 * Whether the signed-in person may do `action` within their own scope, as the server's `can()`
 * answered in GET /me. Pages decide what to offer from this, never from the role's name; the
 * server decides again on every request.
 */
export function may(me: Pick<Me, 'can'> | undefined, action: Action): boolean {
  return me?.can[action] === true;
}
