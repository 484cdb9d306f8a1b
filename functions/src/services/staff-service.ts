import { createHash } from 'node:crypto';
import { isUnder } from '@ltx/shared/domain/hierarchy';
import { bindPagePath } from '@ltx/shared/domain/invites';
import { isStaffRole, roleLabels, staffScopeOf, type Actor } from '@ltx/shared/domain/roles';
import { NotFoundError, SelfWithdrawError, ConflictError, ValidationError } from '@ltx/shared/domain/errors';
import type { StaffInvite, StaffInviteInput, StaffList, StaffMember, StaffRoleChangeInput } from '@ltx/shared/schemas/staff';
import type { Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { OrgRecord, StaffInviteRecord, UserRecord } from '../repositories/records';
import type { UserRepository } from '../repositories/user-repository';
import { authorize } from './authorize';
import { orgPlace } from './places';
import { inviteExpiry, putWithFreshCode } from './invite-code';

/** Who the bootstrap command is in the audit trail: the person deploying, not a user of the product. */
const deployer = { actorUserId: 'system-bootstrap', actorName: '部署人员' } as const;

/**
 * The top organisation's id, derived from its name: running the bootstrap twice finds the same
 * organisation instead of making a second one.
 */
export function topOrgId(name: string): string {
  return `org-${createHash('sha256').update(name.trim()).digest('hex').slice(0, 16)}`;
}

/**
 * Staff of an organisation: invites to a role (secretary or contact of a branch, inspector or
 * administrator of the organisation), who holds which role, and withdrawals, which take effect at once
 * (the user's session version grows, so `confirmStanding` refuses their older tokens).
 */
export class StaffService {
  constructor(
    private readonly deps: { users: UserRepository; orgs: OrgRepository; audit: AuditRepository; clock: Clock },
  ) {}

  async invite(actor: Actor, orgId: string, input: StaffInviteInput): Promise<StaffInvite> {
    authorize(actor, 'staff.invite', await orgPlace(this.deps.orgs, orgId));
    const org = await this.deps.orgs.getOrg(orgId);
    if (!org) throw new NotFoundError();
    const scopeText = await this.scopeOf(org, input);
    const invite = await this.createInvite({ orgId, branchId: input.branchId, role: input.role, name: input.name, createdBy: actor.userId });
    await this.deps.audit.append(invite.branchId ?? orgId, {
      at: invite.createdAt, actorUserId: actor.userId, actorRole: actor.role, action: 'staff.invite', targetType: 'staff', targetId: invite.code,
      staff: { name: invite.name, role: invite.role, scope: scopeText },
    });
    return inviteView(invite, scopeText);
  }

  async list(actor: Actor, orgId: string): Promise<StaffList> {
    authorize(actor, 'staff.list', await orgPlace(this.deps.orgs, orgId));
    const [org, staff, invites] = await Promise.all([
      this.deps.orgs.getOrg(orgId),
      this.deps.users.listStaff(orgId),
      this.deps.users.listPendingStaffInvites(orgId, this.deps.clock.now().toISOString()),
    ]);
    if (!org) throw new NotFoundError();
    const branches = await this.deps.orgs.subtreeBranches(org);
    const scope = (branchId?: string) => (branchId ? (branches.find((b) => b.id === branchId)?.name ?? '已撤销的支部') : org.name);
    return {
      staff: staff.filter((u) => isStaffRole(u.role)).map((u) => memberView(u, scope(u.branchId))),
      pendingInvites: invites.map((i) => inviteView(i, scope(i.branchId))),
    };
  }

  /** Withdraws a staff role at once. Withdrawing one already withdrawn answers the same (a retry changes nothing). */
  async withdraw(actor: Actor, orgId: string, userId: string): Promise<StaffMember> {
    authorize(actor, 'staff.withdraw', await orgPlace(this.deps.orgs, orgId));
    const user = await this.deps.users.getUser(userId);
    if (!user || user.orgId !== orgId || !isStaffRole(user.role)) throw new NotFoundError();
    if (userId === actor.userId) throw new SelfWithdrawError();
    const names = await this.deps.orgs.namesOf(orgId, user.branchId);
    const scopeText = (user.branchId ? names.branchName : names.orgName) ?? '';
    const at = this.deps.clock.now().toISOString();
    const version = user.sessionVersion ?? 0;
    const withdrawn: UserRecord = user.withdrawnAt ? user : { ...user, withdrawnAt: at, withdrawnBy: actor.userId, sessionVersion: version + 1 };
    if (!user.withdrawnAt && (await this.deps.users.replaceUser(withdrawn, version)) === 'conflict') throw new ConflictError();
    // Also on a retry: a crash after the withdrawal may have left the branch naming them.
    if (user.role === 'secretary' && user.branchId) await this.deps.orgs.clearSecretaryName(user.branchId, user.displayName);
    if (user.withdrawnAt) return memberView(user, scopeText);
    await this.deps.audit.append(user.branchId ?? orgId, {
      at, actorUserId: actor.userId, actorRole: actor.role, action: 'staff.withdraw', targetType: 'staff', targetId: userId,
      staff: { name: user.displayName, role: user.role, scope: scopeText },
    });
    return memberView(withdrawn, scopeText);
  }

  /**
   * Changes a held role (and its scope). Like a withdrawal it takes effect at once: the session version
   * grows, the person's next request answers 401 and their next login carries the new role.
   */
  async changeRole(actor: Actor, orgId: string, userId: string, input: StaffRoleChangeInput): Promise<StaffMember> {
    authorize(actor, 'staff.changeRole', await orgPlace(this.deps.orgs, orgId));
    const [org, user] = await Promise.all([this.deps.orgs.getOrg(orgId), this.deps.users.getUser(userId)]);
    if (!org || !user || user.orgId !== orgId || !isStaffRole(user.role) || user.withdrawnAt) throw new NotFoundError();
    if (userId === actor.userId) throw new SelfWithdrawError();
    const scopeText = await this.scopeOf(org, input);
    const fromScope = (user.branchId ? (await this.deps.orgs.getBranch(user.branchId))?.name : org.name) ?? '';
    const version = user.sessionVersion ?? 0;
    const { branchId: _old, ...rest } = user;
    const changed: UserRecord = { ...rest, role: input.role, ...(input.branchId ? { branchId: input.branchId } : {}), sessionVersion: version + 1 };
    if ((await this.deps.users.replaceUser(changed, version)) === 'conflict') throw new ConflictError();
    if (user.role === 'secretary' && user.branchId) await this.deps.orgs.clearSecretaryName(user.branchId, user.displayName);
    if (changed.role === 'secretary' && changed.branchId) await this.deps.orgs.setSecretaryName(changed.branchId, changed.displayName);
    await this.deps.audit.append(changed.branchId ?? orgId, {
      at: this.deps.clock.now().toISOString(), actorUserId: actor.userId, actorRole: actor.role, action: 'staff.change', targetType: 'staff', targetId: userId,
      staff: { name: user.displayName, role: input.role, scope: scopeText, from: { role: user.role, scope: fromScope } },
    });
    return memberView(changed, scopeText);
  }

  /**
   * The first administrator of a fresh deployment (scripts/admin.ts): the top organisation, created
   * if absent (its id comes from its name, so a second run finds it), and a one-time, expiring
   * administrator invite. No actor: whoever holds the deployment's AWS credentials runs it.
   */
  async bootstrap(input: { orgName: string; adminName: string }): Promise<{ org: OrgRecord; created: boolean; invite: StaffInvite }> {
    const orgName = input.orgName.trim();
    const orgId = topOrgId(orgName);
    const at = this.deps.clock.now().toISOString();
    let org = await this.deps.orgs.getOrg(orgId);
    const created = !org;
    if (!org) {
      org = { id: orgId, name: orgName };
      await this.deps.orgs.putOrg(org);
      await this.deps.audit.append(orgId, { at, ...deployer, action: 'org.create', targetType: 'org', targetId: orgId, orgName });
    }
    const invite = await this.createInvite({ orgId, role: 'admin', name: input.adminName.trim(), createdBy: deployer.actorUserId });
    await this.deps.audit.append(orgId, {
      at: invite.createdAt, ...deployer, action: 'staff.invite', targetType: 'staff', targetId: invite.code,
      staff: { name: invite.name, role: 'admin', scope: org.name },
    });
    return { org, created, invite: inviteView(invite, org.name) };
  }

  /** The words of the scope the input asks for; 422 naming `branchId` when it does not fit the role. */
  private async scopeOf(org: OrgRecord, input: StaffRoleChangeInput): Promise<string> {
    const label = roleLabels[input.role];
    if (staffScopeOf(input.role) === 'org') {
      if (input.branchId) throw new ValidationError([{ path: 'branchId', message: `支部：${label}负责整个组织，不用选支部` }]);
      return org.name;
    }
    if (!input.branchId) throw new ValidationError([{ path: 'branchId', message: `支部：邀请${label}要选择所在的支部` }]);
    const branch = await this.deps.orgs.getBranch(input.branchId);
    // Anywhere in the organisation's subtree: an administrator of a 工委 invites the secretary of a branch of its 党工委.
    if (!branch || !isUnder(branch.orgPath, org.id)) throw new ValidationError([{ path: 'branchId', message: '支部：本组织（含下级组织）没有这个支部' }]);
    if (branch.closedOn) throw new ValidationError([{ path: 'branchId', message: `支部：「${branch.name}」已撤销，不能再邀请` }]);
    return branch.name;
  }

  private async createInvite(what: Pick<StaffInviteRecord, 'orgId' | 'branchId' | 'role' | 'name' | 'createdBy'>): Promise<StaffInviteRecord> {
    const now = this.deps.clock.now();
    return putWithFreshCode(async (code) => {
      const invite: StaffInviteRecord = {
        code, orgId: what.orgId, ...(what.branchId ? { branchId: what.branchId } : {}), role: what.role, name: what.name,
        expiresAt: inviteExpiry(now), createdBy: what.createdBy, createdAt: now.toISOString(),
      };
      await this.deps.users.putStaffInvite(invite);
      return invite;
    });
  }
}

function inviteView(i: StaffInviteRecord, scopeText: string): StaffInvite {
  return {
    code: i.code, name: i.name, role: i.role, roleText: roleLabels[i.role], scopeText,
    ...(i.branchId ? { branchId: i.branchId } : {}), expiresAt: i.expiresAt, path: bindPagePath(i.code),
  };
}

function memberView(u: UserRecord, scopeText: string): StaffMember {
  if (!isStaffRole(u.role)) throw new NotFoundError();
  return {
    userId: u.id, name: u.displayName, role: u.role, roleText: roleLabels[u.role], scopeText,
    ...(u.branchId ? { branchId: u.branchId } : {}), ...(u.withdrawnAt ? { withdrawnAt: u.withdrawnAt } : {}),
  };
}
