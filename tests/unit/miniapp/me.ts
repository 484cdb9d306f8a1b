import { capabilities } from '@ltx/shared/domain/authz';
import type { Me } from '@ltx/shared/schemas/auth';

/**
 * A signed-in person as GET /me answers them: what they may do is the real `can()`'s answer for
 * their role and scope (organisation o1 unless given), so pages are tested against the real matrix.
 */
export function meOf(fields: Omit<Me, 'can'> & { can?: Me['can'] }): Me {
  const { can: _stale, ...rest } = fields;
  return { ...rest, can: capabilities({ userId: rest.userId, role: rest.role, orgId: rest.orgId ?? 'o1', branchId: rest.branchId, memberId: rest.memberId }) };
}
