/** Who a signed-in person is, as carried in the session token. */
export const roles = ['member', 'proxy', 'secretary', 'contact', 'inspector', 'admin', 'visitor'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  member: '党员',
  proxy: '家属代办',
  secretary: '支部书记',
  contact: '结对联系人',
  inspector: '督导',
  admin: '管理员',
  visitor: '未绑定用户',
};

/**
 * The actor of a request. `visitor` is a WeChat identity not yet bound to a member record:
 * it may only bind itself with an invite code.
 */
export interface Actor {
  userId: string;
  role: Role;
  orgId?: string;
  branchId?: string;
  /** member: themselves; proxy: the one member they act for. */
  memberId?: string;
}

/*
 * Who someone is, for wording and records only. What they may do is `can()`'s to decide
 * (shared/src/domain/authz.ts); these never grant or refuse anything.
 */

/** A WeChat identity not yet bound to a member record. */
export function isVisitor(who: { role: Role }): boolean {
  return who.role === 'visitor';
}

/** A family member acting for the member: pages say "您在代…办理", records say 家属. */
export function isProxy(who: { role: Role }): boolean {
  return who.role === 'proxy';
}

/** How a delivered 送学上门 was confirmed, as recorded: by the member, their proxy, or the secretary after a phone call. */
export function confirmationVia(who: { role: Role }): 'member' | 'proxy' | 'secretary_phone' {
  return who.role === 'secretary' ? 'secretary_phone' : isProxy(who) ? 'proxy' : 'member';
}

/** The member reading or writing their own record (not their proxy, whose reads of health data are logged for the member). */
export function isSelf(who: { role: Role; memberId?: string }, memberId: string): boolean {
  return who.role === 'member' && who.memberId === memberId;
}

/** The member themselves or their proxy: a line they recorded is their own word, not the branch's. */
export function isMemberOrProxy(who: { role: Role }): boolean {
  return who.role === 'member' || isProxy(who);
}

/** The roles an administrator invites (staff, as opposed to members and their families). */
export const staffRoles = ['secretary', 'contact', 'inspector', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (staffRoles as readonly Role[]).includes(role);
}

/** What a staff role is held over: a branch (secretary, contact) or the whole organisation (inspector, administrator). */
export function staffScopeOf(role: StaffRole): 'branch' | 'org' {
  return role === 'secretary' || role === 'contact' ? 'branch' : 'org';
}
