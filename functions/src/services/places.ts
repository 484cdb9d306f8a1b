import type { Resource } from '@ltx/shared/domain/authz';
import type { OrgRepository } from '../repositories/org-repository';
import { orgPathOf, type BranchRecord, type OrgRecord } from '../repositories/records';

/**
 * Where a record sits in the hierarchy, for `can()`: administrators and inspectors see a record when its
 * organisation's path names theirs (shared/src/domain/authz.ts). Records of a branch (members, sessions,
 * visits, items) take the branch's current place, so a moved branch takes its history with it.
 */
export type Place = { orgId: string; orgPath?: string };

export const orgResource = (org: Pick<OrgRecord, 'id' | 'path'>) => ({ type: 'org', orgId: org.id, orgPath: orgPathOf(org) }) as const;

export const branchResource = (b: Pick<BranchRecord, 'id' | 'orgId' | 'orgPath' | 'closedOn'>) =>
  ({ type: 'branch', orgId: b.orgId, orgPath: b.orgPath, branchId: b.id, ...(b.closedOn ? { closed: true } : {}) }) as const;

/** The place of an organisation by id (one GetItem); an unknown id stays as it is, and is then nobody's subtree but its own. */
export async function orgPlace(orgs: Pick<OrgRepository, 'getOrg'>, orgId: string): Promise<Extract<Resource, { type: 'org' }>> {
  const org = await orgs.getOrg(orgId);
  return org ? orgResource(org) : { type: 'org', orgId };
}


/** A branch's record as it sits now: the branch's current place replaces what the record says (one GetItem). */
export async function placed<R extends Resource & { branchId: string }>(orgs: Pick<OrgRepository, 'getBranch'>, resource: R): Promise<R> {
  const branch = await orgs.getBranch(resource.branchId);
  return branch ? { ...resource, orgId: branch.orgId, orgPath: branch.orgPath, ...(branch.closedOn ? { closed: true } : {}) } : resource;
}
