import { can } from '@ltx/shared/domain/authz';
import type { Actor } from '@ltx/shared/domain/roles';
import type { Branch } from '@ltx/shared/schemas/org';
import { NotFoundError } from '@ltx/shared/domain/errors';
import type { OrgRepository } from '../repositories/org-repository';
import type { BranchRecord } from '../repositories/records';
import { authorize } from './authorize';

export class OrgService {
  constructor(private readonly orgs: OrgRepository) {}

  async listBranches(actor: Actor, orgId: string): Promise<Branch[]> {
    authorize(actor, 'org.listBranches', { type: 'org', orgId });
    const branches = await this.orgs.listBranches(orgId);
    return branches.map((b) => toBranch(b, true));
  }

  async getBranch(actor: Actor, branchId: string): Promise<Branch> {
    const branch = await this.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    const resource = { type: 'branch', orgId: branch.orgId, branchId } as const;
    authorize(actor, 'branch.read', resource);
    return toBranch(branch, can(actor, 'branch.listMembers', resource));
  }
}

/** Health classes appear only as counts, and only to those who may list the branch's members. */
function toBranch(b: BranchRecord, withCounts: boolean): Branch {
  return {
    id: b.id,
    orgId: b.orgId,
    name: b.name,
    ...(b.secretaryName ? { secretaryName: b.secretaryName } : {}),
    memberCount: b.memberCount,
    ...(withCounts ? { healthClassCounts: b.healthClassCounts } : {}),
  };
}
