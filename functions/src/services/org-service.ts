import { randomUUID } from 'node:crypto';
import { can } from '@ltx/shared/domain/authz';
import { childPath } from '@ltx/shared/domain/hierarchy';
import { dateWords } from '@ltx/shared/wording/time-words';
import type { Actor } from '@ltx/shared/domain/roles';
import type { Branch, BranchCreateInput, BranchMoveInput, OrgChildInput, OrgDetail, OrgSummary, RenameInput } from '@ltx/shared/schemas/org';
import { closedLabel, orgKindLabels } from '@ltx/shared/labels';
import { ConflictError, HierarchyStateError, NotFoundError, ValidationError } from '@ltx/shared/domain/errors';
import { chinaDay } from '@ltx/shared/time/china-day';
import type { Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { OrgRepository } from '../repositories/org-repository';
import { orgPathOf, type BranchRecord, type OrgRecord } from '../repositories/records';
import { authorize } from './authorize';
import { branchResource, orgResource } from './places';

/**
 * The hierarchy: organisations nested to any depth (工委 → 党工委/党委 → 党总支), branches as leaves.
 * Administrators create, rename and close organisations and branches of their subtree and move a branch
 * to another organisation of it; nothing is deleted (a closed one stays, read-only, with its history), and
 * each change is audited in words. Access is `can()`'s, by each record's path.
 */
export class OrgService {
  constructor(private readonly deps: { orgs: OrgRepository; audit: AuditRepository; clock: Clock }) {}

  /** The branches of the organisation's whole subtree (two Queries, however deep). */
  async listBranches(actor: Actor, orgId: string): Promise<Branch[]> {
    const org = await this.deps.orgs.getOrg(orgId);
    authorize(actor, 'org.listBranches', org ? orgResource(org) : { type: 'org', orgId });
    const branches = org ? await this.deps.orgs.subtreeBranches(org) : await this.deps.orgs.listBranches(orgId);
    return branches.map((b) => toBranch(b, true));
  }

  async getBranch(actor: Actor, branchId: string): Promise<Branch> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    const resource = branchResource(branch);
    authorize(actor, 'branch.read', resource);
    return toBranch(branch, can(actor, 'branch.listMembers', resource));
  }

  /** An organisation with its direct children, and its parent when the reader may see it. */
  async getOrg(actor: Actor, orgId: string): Promise<OrgDetail> {
    const org = await this.readable(actor, 'org.read', orgId);
    const [children, branches, parent] = await Promise.all([
      this.deps.orgs.listChildOrgs(orgId),
      this.deps.orgs.listBranches(orgId),
      org.parentId ? this.deps.orgs.getOrg(org.parentId) : undefined,
    ]);
    return {
      ...toOrgSummary(org),
      ...(parent && can(actor, 'org.read', orgResource(parent)) ? { parent: { id: parent.id, name: parent.name } } : {}),
      children: children.map(toOrgSummary),
      branches: branches.map((b) => ({ id: b.id, name: b.name, kindText: '支部', memberCount: b.memberCount, ...closedOf(b) })),
    };
  }

  /** `fixedId`: the demo seed keeps its well-known ids (local/seed.ts); the API always draws a new one. */
  async createChild(actor: Actor, orgId: string, input: OrgChildInput, fixedId?: string): Promise<OrgDetail> {
    const parent = await this.openOrg(actor, orgId);
    const id = fixedId ?? randomUUID();
    const child: OrgRecord = { id, name: input.name, kind: input.kind, parentId: parent.id, path: childPath(orgPathOf(parent), id) };
    if (!(await this.deps.orgs.createOrg(child))) throw new ConflictError();
    await this.audit(actor, id, 'org.create', 'org', id, { name: child.name, kindText: orgKindLabels[input.kind], parent: parent.name });
    return { ...toOrgSummary(child), parent: { id: parent.id, name: parent.name }, children: [], branches: [] };
  }

  async createBranch(actor: Actor, orgId: string, input: BranchCreateInput, fixedId?: string): Promise<Branch> {
    const parent = await this.openOrg(actor, orgId);
    const branch: BranchRecord = { id: fixedId ?? randomUUID(), orgId: parent.id, orgPath: orgPathOf(parent), name: input.name, memberCount: 0, healthClassCounts: {} };
    if (!(await this.deps.orgs.createBranch(branch))) throw new ConflictError();
    await this.audit(actor, branch.id, 'branch.create', 'branch', branch.id, { name: branch.name, parent: parent.name });
    return toBranch(branch, true);
  }

  async renameOrg(actor: Actor, orgId: string, input: RenameInput): Promise<OrgSummary> {
    const org = await this.openOrg(actor, orgId);
    if (org.name === input.name) return toOrgSummary(org);
    const renamed = { ...org, name: input.name };
    if (!(await this.deps.orgs.updateOpenOrg(renamed))) throw new HierarchyStateError('ORG_CLOSED');
    await this.audit(actor, orgId, 'org.rename', 'org', orgId, { name: input.name, from: org.name, ...kindOf(org) });
    return toOrgSummary(renamed);
  }

  /** Closes an organisation with no open child left; a repeat answers the closed one and writes nothing. */
  async closeOrg(actor: Actor, orgId: string): Promise<OrgSummary> {
    const org = await this.readable(actor, 'org.manage', orgId);
    if (org.closedOn) return toOrgSummary(org);
    if (!org.parentId) throw new ValidationError([{ path: 'orgId', message: '组织：最上级的组织不能撤销' }]);
    const [children, branches] = await Promise.all([this.deps.orgs.listChildOrgs(orgId), this.deps.orgs.listBranches(orgId)]);
    if ([...children, ...branches].some((c) => !c.closedOn)) throw new HierarchyStateError('ORG_NOT_EMPTY');
    const closed = { ...org, ...this.closure(actor) };
    if (!(await this.deps.orgs.updateOpenOrg(closed))) throw new HierarchyStateError('ORG_CLOSED');
    await this.audit(actor, orgId, 'org.close', 'org', orgId, { name: org.name, on: closed.closedOn, ...kindOf(org) });
    return toOrgSummary(closed);
  }

  async renameBranch(actor: Actor, branchId: string, input: RenameInput): Promise<Branch> {
    const branch = await this.openBranch(actor, branchId);
    if (branch.name === input.name) return toBranch(branch, true);
    const renamed = { ...branch, name: input.name };
    if (!(await this.deps.orgs.updateOpenBranch(renamed, branch.orgId))) throw new ConflictError();
    await this.audit(actor, branchId, 'branch.rename', 'branch', branchId, { name: input.name, from: branch.name });
    return toBranch(renamed, true);
  }

  /** Closes a branch: it stays with its history, read-only. A repeat answers the closed one and writes nothing. */
  async closeBranch(actor: Actor, branchId: string): Promise<Branch> {
    const branch = await this.branchFor(actor, branchId);
    if (branch.closedOn) return toBranch(branch, true);
    const closed = { ...branch, ...this.closure(actor) };
    if (!(await this.deps.orgs.updateOpenBranch(closed, branch.orgId))) throw new ConflictError();
    await this.audit(actor, branchId, 'branch.close', 'branch', branchId, { name: branch.name, on: closed.closedOn });
    return toBranch(closed, true);
  }

  /**
   * Moves a branch under another open organisation of the actor's subtree. Its id stays, so its members,
   * sessions, ledgers and people go with it; from this write on it is seen by the new subtree only.
   */
  async moveBranch(actor: Actor, branchId: string, input: BranchMoveInput): Promise<Branch> {
    const branch = await this.openBranch(actor, branchId);
    const target = await this.deps.orgs.getOrg(input.toOrgId);
    if (!target || !can(actor, 'org.manage', orgResource(target))) {
      throw new ValidationError([{ path: 'toOrgId', message: '调入的组织：没有找到这个组织，或它不在您管理的范围内' }]);
    }
    if (target.closedOn) throw new ValidationError([{ path: 'toOrgId', message: `调入的组织：「${target.name}」已撤销，不能调入` }]);
    if (target.id === branch.orgId) return toBranch(branch, true);
    const from = await this.deps.orgs.getOrg(branch.orgId);
    const moved = { ...branch, orgId: target.id, orgPath: orgPathOf(target) };
    if (!(await this.deps.orgs.updateOpenBranch(moved, branch.orgId))) throw new ConflictError();
    await this.audit(actor, branchId, 'branch.move', 'branch', branchId, { name: branch.name, from: from?.name ?? '原组织', to: target.name });
    return toBranch(moved, true);
  }

  /** The organisation, if the actor may see it and do `action` on it (404, 403). */
  private async readable(actor: Actor, action: 'org.read' | 'org.manage', orgId: string): Promise<OrgRecord> {
    const org = await this.deps.orgs.getOrg(orgId);
    authorize(actor, action, org ? orgResource(org) : { type: 'org', orgId });
    if (!org) throw new NotFoundError();
    return org;
  }

  private async openOrg(actor: Actor, orgId: string): Promise<OrgRecord> {
    const org = await this.readable(actor, 'org.manage', orgId);
    if (org.closedOn) throw new HierarchyStateError('ORG_CLOSED');
    return org;
  }

  private async branchFor(actor: Actor, branchId: string): Promise<BranchRecord> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'branch.manage', branchResource(branch));
    return branch;
  }

  private async openBranch(actor: Actor, branchId: string): Promise<BranchRecord> {
    const branch = await this.branchFor(actor, branchId);
    if (branch.closedOn) throw new HierarchyStateError('ORG_CLOSED');
    return branch;
  }

  private closure(actor: Actor) {
    const at = this.deps.clock.now().toISOString();
    return { closedOn: chinaDay(at), closedAt: at, closedBy: actor.userId };
  }

  private async audit(actor: Actor, scope: string, action: 'org.create' | 'branch.create' | 'org.rename' | 'branch.rename' | 'org.close' | 'branch.close' | 'branch.move', targetType: string, targetId: string, hierarchy: NonNullable<Parameters<AuditRepository['append']>[1]['hierarchy']>) {
    await this.deps.audit.append(scope, { at: this.deps.clock.now().toISOString(), actorUserId: actor.userId, actorRole: actor.role, action, targetType, targetId, hierarchy });
  }
}

const kindOf = (o: OrgRecord) => (o.kind ? { kindText: orgKindLabels[o.kind] } : {});

/** 已撤销（2026年3月1日）: a closed one, with its day. */
function closedOf(o: { closedOn?: string }) {
  return o.closedOn ? { closed: { on: o.closedOn, text: `${closedLabel}（${dateWords(o.closedOn, { weekday: false })}）` } } : {};
}

function toOrgSummary(o: OrgRecord): OrgSummary {
  return { id: o.id, name: o.name, ...(o.kind ? { kind: o.kind } : {}), kindText: o.kind ? orgKindLabels[o.kind] : '', ...closedOf(o) };
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
    ...closedOf(b),
  };
}
