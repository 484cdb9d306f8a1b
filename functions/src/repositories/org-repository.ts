import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryIndex } from '../db/query-index';
import { rootOf, rootPath } from '@ltx/shared/domain/hierarchy';
import { BranchItem, orgPathOf, orgs, type BranchRecord, type OrgRecord } from './records';
import * as z from 'zod/mini';
import { TableRepository } from '../db/table-repository';

export interface OrgRepository {
  putOrg(org: OrgRecord): Promise<void>;
  getOrg(orgId: string): Promise<OrgRecord | undefined>;
  /** Creates an organisation; false when its id is taken. */
  createOrg(org: OrgRecord): Promise<boolean>;
  /** Renames or closes an organisation still open; false when it was closed meanwhile. */
  updateOpenOrg(org: OrgRecord): Promise<boolean>;
  /** The child organisations of an organisation (one Query on gsi1). */
  listChildOrgs(orgId: string): Promise<OrgRecord[]>;
  /** Every organisation and branch under (and including) an organisation: one Query on gsi2 by its path. */
  subtree(org: OrgRecord): Promise<{ orgs: OrgRecord[]; branches: BranchRecord[] }>;
  /** The branches of an organisation's whole subtree, also those stored before the hierarchy (two Queries). */
  subtreeBranches(org: OrgRecord): Promise<BranchRecord[]>;
  putBranch(branch: Omit<BranchRecord, 'memberCount' | 'healthClassCounts' | 'orgPath'> & { orgPath?: string }): Promise<void>;
  /** Creates a branch; false when its id is taken. */
  createBranch(branch: Omit<BranchRecord, 'memberCount' | 'healthClassCounts' | 'secretaryName'>): Promise<boolean>;
  /** Renames, closes or moves an open branch, conditioned on the organisation it was read under; false otherwise. */
  updateOpenBranch(branch: BranchRecord, fromOrgId: string): Promise<boolean>;
  getBranch(branchId: string): Promise<BranchRecord | undefined>;
  listBranches(orgId: string): Promise<BranchRecord[]>;
  /** Adds to the branch's counters; ADD is exact under concurrent writers. */
  adjustCounts(branchId: string, deltas: { members?: number; healthClass?: Record<string, number> }): Promise<void>;
  /**
   * Adds to the branch's counters once per `token` (e.g. a transfer's id): the token joins a set on the
   * branch in the same conditional write, so a retried step never counts twice. Answers whether it counted.
   */
  adjustCountsOnce(branchId: string, deltas: { members?: number; healthClass?: Record<string, number> }, token: string): Promise<boolean>;
  /** The branch's secretary as members read it, set when a secretary takes up the role. */
  setSecretaryName(branchId: string, name: string): Promise<void>;
  /** Clears the secretary's name if it is still `name` (a withdrawn secretary). */
  clearSecretaryName(branchId: string, name: string): Promise<void>;
  /** Names of orgs and branches in one request, for the `me` view. */
  namesOf(orgId?: string, branchId?: string): Promise<{ orgName?: string; branchName?: string; secretaryName?: string }>;
}

const healthPrefix = 'hc_';

/** The branch attribute that remembers which once-only counter changes (`adjustCountsOnce`) were applied. */
const countedOnceAttribute = 'countedOnce';

/** `ADD` of the member and health-class counters; undefined when nothing changes. */
function counterUpdate(deltas: { members?: number; healthClass?: Record<string, number> }) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  if (deltas.members) {
    names['#m'] = 'memberCount';
    values[':m'] = deltas.members;
    parts.push('#m :m');
  }
  Object.entries(deltas.healthClass ?? {}).forEach(([cls, delta], i) => {
    if (!delta) return;
    names[`#h${i}`] = `${healthPrefix}${cls}`;
    values[`:h${i}`] = delta;
    parts.push(`#h${i} :h${i}`);
  });
  if (parts.length === 0) return undefined;
  return { UpdateExpression: `ADD ${parts.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/** A branch item and the counters beside it (`memberCount`, `hc_<class>`) as one record. */
function branchFromItem(item: Record<string, unknown>): BranchRecord {
  const { secretaryName, memberCount, orgPath, ...branch } = z.parse(BranchItem, item);
  const healthClassCounts: Record<string, number> = {};
  for (const [k, v] of Object.entries(item)) if (k.startsWith(healthPrefix)) healthClassCounts[k.slice(healthPrefix.length)] = Number(v);
  return { ...branch, orgPath: orgPath ?? rootPath(branch.orgId), secretaryName: secretaryName ?? undefined, memberCount: memberCount ?? 0, healthClassCounts };
}

/** The attributes that place a branch in the hierarchy: its organisation, that one's path, and both indexes. */
function branchPlacement(b: { id: string; orgId: string; orgPath: string; name: string }) {
  return {
    orgId: b.orgId, orgPath: b.orgPath, name: b.name,
    gsi1pk: keys.branchesOfOrg(b.orgId), gsi1sk: b.name,
    gsi2pk: keys.treeOf(rootOf(b.orgPath)), gsi2sk: keys.branchTreeSortKey(b.orgPath, b.id),
  };
}

/** `SET a = :a, …` for the given attributes (names through `#a` so reserved words are safe). */
function setAll(values: Record<string, unknown>) {
  const entries = Object.entries(values);
  return {
    UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
  };
}

export class DynamoOrgRepository extends TableRepository implements OrgRepository {
  async putOrg(org: OrgRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: orgs.toItem(org) }));
  }

  async getOrg(orgId: string): Promise<OrgRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.org(orgId) }));
    return Item ? orgs.fromItem(Item) : undefined;
  }

  async createOrg(org: OrgRecord): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: orgs.toItem(org), ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async updateOpenOrg(org: OrgRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: orgs.toItem(org), ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedOn)' }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async listChildOrgs(orgId: string): Promise<OrgRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.childrenOfOrg(orgId) },
    });
    return items.map((i) => orgs.fromItem(i));
  }

  async subtree(org: OrgRecord): Promise<{ orgs: OrgRecord[]; branches: BranchRecord[] }> {
    const path = orgPathOf(org);
    const items = await queryIndex(this.db, {
      TableName: this.table, IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
      ExpressionAttributeValues: { ':pk': keys.treeOf(rootOf(path)), ':path': path },
    });
    return {
      orgs: items.filter((i) => i.type === 'Org').map((i) => orgs.fromItem(i)),
      branches: items.filter((i) => i.type === 'Branch').map(branchFromItem),
    };
  }

  async subtreeBranches(org: OrgRecord): Promise<BranchRecord[]> {
    // Branches written before the hierarchy have no tree key: the org's own gsi1 list finds them.
    const [tree, direct] = await Promise.all([this.subtree(org), this.listBranches(org.id)]);
    const seen = new Set(tree.branches.map((b) => b.id));
    return [...tree.branches, ...direct.filter((b) => !seen.has(b.id))];
  }

  async putBranch(branch: Omit<BranchRecord, 'memberCount' | 'healthClassCounts' | 'orgPath'> & { orgPath?: string }): Promise<void> {
    // Update, not Put: the counters beside the branch must survive a rename.
    const orgPath = branch.orgPath ?? rootPath(branch.orgId);
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.branch(branch.id),
        ...setAll({ type: 'Branch', id: branch.id, secretaryName: branch.secretaryName ?? null, ...branchPlacement({ ...branch, orgPath }) }),
      }),
    );
  }

  async createBranch(branch: Omit<BranchRecord, 'memberCount' | 'healthClassCounts' | 'secretaryName'>): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table, ConditionExpression: 'attribute_not_exists(pk)',
          Item: { ...keys.branch(branch.id), type: 'Branch', id: branch.id, secretaryName: null, memberCount: 0, ...branchPlacement(branch) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async updateOpenBranch(branch: BranchRecord, fromOrgId: string): Promise<boolean> {
    const set = setAll({
      ...branchPlacement(branch),
      ...Object.fromEntries(Object.entries({ closedOn: branch.closedOn, closedAt: branch.closedAt, closedBy: branch.closedBy }).filter(([, v]) => v !== undefined)),
    });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table, Key: keys.branch(branch.id), ...set,
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedOn) AND #orgId = :fromOrg',
          ExpressionAttributeValues: { ...set.ExpressionAttributeValues, ':fromOrg': fromOrgId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async getBranch(branchId: string): Promise<BranchRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.branch(branchId) }));
    return Item ? branchFromItem(Item) : undefined;
  }

  async listBranches(orgId: string): Promise<BranchRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.branchesOfOrg(orgId) },
    });
    return items.map(branchFromItem);
  }

  async adjustCounts(branchId: string, deltas: { members?: number; healthClass?: Record<string, number> }): Promise<void> {
    const update = counterUpdate(deltas);
    if (!update) return;
    await this.db.send(new UpdateCommand({ TableName: this.table, Key: keys.branch(branchId), ...update }));
  }

  async adjustCountsOnce(branchId: string, deltas: { members?: number; healthClass?: Record<string, number> }, token: string): Promise<boolean> {
    const update = counterUpdate(deltas);
    if (!update) return false;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.branch(branchId),
          UpdateExpression: `${update.UpdateExpression}, #once :once`,
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(#once, :token)',
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#once': countedOnceAttribute },
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':once': new Set([token]), ':token': token },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false; // counted already by an earlier try
      throw error;
    }
  }

  async setSecretaryName(branchId: string, name: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table, Key: keys.branch(branchId), UpdateExpression: 'SET secretaryName = :n',
        ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':n': name },
      }),
    );
  }

  async clearSecretaryName(branchId: string, name: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table, Key: keys.branch(branchId), UpdateExpression: 'SET secretaryName = :none',
          ConditionExpression: 'secretaryName = :n', ExpressionAttributeValues: { ':n': name, ':none': null },
        }),
      );
    } catch (error) {
      // Another secretary's name is there already: leave it.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async namesOf(orgId?: string, branchId?: string) {
    const wanted = [orgId && keys.org(orgId), branchId && keys.branch(branchId)].filter(Boolean) as { pk: string; sk: string }[];
    if (wanted.length === 0) return {};
    const result = await this.db.send(
      new BatchGetCommand({ RequestItems: { [this.table]: { Keys: wanted, ProjectionExpression: 'pk, #n, secretaryName', ExpressionAttributeNames: { '#n': 'name' } } } }),
    );
    const items = result.Responses?.[this.table] ?? [];
    const org = items.find((i) => String(i.pk).startsWith('ORG#'));
    const branch = items.find((i) => String(i.pk).startsWith('BRANCH#'));
    return { orgName: org?.name, branchName: branch?.name, secretaryName: branch?.secretaryName ?? undefined };
  }
}
