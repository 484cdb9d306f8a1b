import * as z from 'zod/mini';
import { staffRoles } from '../domain/roles';
import { staffLimits } from '../limits';
import { Id, Text, Timestamp, titled } from './common';

export const StaffRole = titled(z.enum(staffRoles), '职务');

/**
 * An administrator invites a person by name to a role: a secretary or contact of a branch (`branchId`
 * required), an inspector or administrator of the organisation (no `branchId`).
 */
export const StaffInviteInput = z.strictObject({
  name: Text('姓名', staffLimits.name, staffLimits.nameMin),
  role: StaffRole,
  branchId: z.optional(titled(Id, '支部')),
});
export type StaffInviteInput = z.infer<typeof StaffInviteInput>;

/** A held role changed to another (and its scope, as for an invite). */
export const StaffRoleChangeInput = z.strictObject({
  role: StaffRole,
  branchId: z.optional(titled(Id, '支部')),
});
export type StaffRoleChangeInput = z.infer<typeof StaffRoleChangeInput>;

/** A staff invite as the administrator reads it: the code to pass on, the page to open, in words. */
export const StaffInvite = z.object({
  code: z.string(),
  name: z.string(),
  role: StaffRole,
  /** 支部书记, 督导…: the role in words. */
  roleText: z.string(),
  /** The organisation's or the branch's name. */
  scopeText: z.string(),
  branchId: z.optional(Id),
  expiresAt: Timestamp,
  /** The mini-program page that binds with this code, to send as a link. */
  path: z.string(),
});
export type StaffInvite = z.infer<typeof StaffInvite>;

/** Someone holding a staff role. */
export const StaffMember = z.object({
  userId: Id,
  name: z.string(),
  role: StaffRole,
  roleText: z.string(),
  scopeText: z.string(),
  branchId: z.optional(Id),
  /** Set once the role was withdrawn (the answer of a withdrawal). */
  withdrawnAt: z.optional(Timestamp),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffList = z.object({ staff: z.array(StaffMember), pendingInvites: z.array(StaffInvite) });
export type StaffList = z.infer<typeof StaffList>;
