import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch-get';
import { isConditionalCheckFailed, putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { queryIndex } from '../db/query-index';
import { formerMembers, members, pendingChanges, type MemberRecord, type PendingChangeRecord } from './records';
import { TableRepository } from '../db/table-repository';

export type WriteResult = { kind: 'ok' } | { kind: 'conflict' };

export interface MemberRepository {
  create(member: MemberRecord): Promise<WriteResult>;
  get(memberId: string, options: { withSensitive: boolean }): Promise<MemberRecord | undefined>;
  /**
   * The branch's members, with those transferred out of it (their `FormerMember` record, which departs on the
   * transfer day): one Query. A member's own item wins over a former record of the same member.
   */
  listByBranch(branchId: string): Promise<MemberRecord[]>;
  /** Keeps what the sending branch holds of a member transferred out (idempotent: same key, same content). */
  putFormer(former: MemberRecord): Promise<void>;
  /** Several members in one BatchGetItem (health data included: callers cut views by permission). */
  getMany(memberIds: string[]): Promise<MemberRecord[]>;
  listByContact(contactUserId: string): Promise<MemberRecord[]>;
  /** Replaces the record if its stored version is still `expectedVersion`. */
  replace(next: MemberRecord, expectedVersion: number): Promise<WriteResult>;
  markBound(memberId: string): Promise<void>;
  /**
   * System updates beside the profile. Each bumps `version`, so a profile edit made from an older read
   * answers 409 instead of writing the old value back.
   */
  /** With `expected`, only if the stored value is still that (null: unset): answers whether it wrote. */
  setLastParticipation(memberId: string, at: string | null, expected?: string | null): Promise<boolean>;
  setSubscriptions(memberId: string, kinds: string[]): Promise<void>;
  /** Moves `lastParticipatedAt` forward to `at` if it is earlier (or unset): one conditional write, no read. */
  advanceLastParticipation(memberId: string, at: string): Promise<boolean>;
  putChange(change: PendingChangeRecord): Promise<void>;
  listPendingChanges(memberId: string): Promise<PendingChangeRecord[]>;
  getChange(memberId: string, changeId: string): Promise<PendingChangeRecord | undefined>;
  /** Marks a pending change approved; `conflict` if it was already resolved. */
  approveChange(memberId: string, changeId: string, by: string, at: string): Promise<WriteResult>;
}

/** Attributes a list may carry: everything but health and care data. */
const summaryAttributes = [
  'id', 'orgId', 'branchId', 'name', 'gender', 'birthDate', 'joinedPartyOn', 'partyGroup', 'committeeRole', 'phone',
  'livingSituation', 'livingCity', 'attendanceModeOverride', 'attendanceMode', 'contactUserId', 'bound', 'lastParticipatedAt', 'subscriptions', 'departure',
  'joinedBranchOn', 'transferredIn', 'erased', 'type', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy',
];
const summaryProjection = {
  ProjectionExpression: summaryAttributes.map((_, i) => `#a${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(summaryAttributes.map((a, i) => [`#a${i}`, a])),
};

export class DynamoMemberRepository extends TableRepository implements MemberRepository {
  async create(member: MemberRecord): Promise<WriteResult> {
    return (await putIfAbsent(this.db, this.table, members.toItem(member))) === 'created' ? { kind: 'ok' } : { kind: 'conflict' };
  }

  async get(memberId: string, { withSensitive }: { withSensitive: boolean }): Promise<MemberRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.member(memberId), ...(withSensitive ? {} : summaryProjection) }),
    );
    return Item ? members.fromItem(Item) : undefined;
  }

  async getMany(memberIds: string[]): Promise<MemberRecord[]> {
    return (await batchGetAll(this.db, this.table, memberIds.map((id) => keys.member(id)))).map(members.fromItem);
  }

  async listByBranch(branchId: string): Promise<MemberRecord[]> {
    const items = await queryIndex(
      this.db,
      { TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.membersOfBranch(branchId) } },
      summaryProjection,
    );
    const own = new Set(items.filter((i) => i.type !== formerMembers.type).map((i) => i.id));
    return items.filter((i) => i.type !== formerMembers.type || !own.has(i.id)).map(members.fromItem);
  }

  async putFormer(former: MemberRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: formerMembers.toItem(former) }));
  }

  async listByContact(contactUserId: string): Promise<MemberRecord[]> {
    const items = await queryIndex(
      this.db,
      { TableName: this.table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.membersOfContact(contactUserId) } },
      summaryProjection,
    );
    return items.map(members.fromItem);
  }

  async replace(next: MemberRecord, expectedVersion: number): Promise<WriteResult> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: members.toItem(next),
          ConditionExpression: '#v = :expected',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
      return { kind: 'ok' };
    } catch (error) {
      if (isConditionalCheckFailed(error)) return { kind: 'conflict' };
      throw error;
    }
  }

  async markBound(memberId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.member(memberId),
        UpdateExpression: 'SET bound = :t ADD #v :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':t': true, ':one': 1 },
      }),
    );
  }

  async setLastParticipation(memberId: string, at: string | null, expected?: string | null): Promise<boolean> {
    const guard = expected === undefined ? '' : expected === null ? ' AND attribute_not_exists(lastParticipatedAt)' : ' AND lastParticipatedAt = :seen';
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.member(memberId),
          UpdateExpression: at ? 'SET lastParticipatedAt = :at ADD #v :one' : 'REMOVE lastParticipatedAt ADD #v :one',
          ConditionExpression: `attribute_exists(pk)${guard}`,
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':one': 1, ...(at ? { ':at': at } : {}), ...(expected ? { ':seen': expected } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (expected !== undefined && isConditionalCheckFailed(error)) return false; // changed meanwhile: the caller reads again
      throw error;
    }
  }

  async advanceLastParticipation(memberId: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.member(memberId),
          UpdateExpression: 'SET lastParticipatedAt = :at ADD #v :one',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastParticipatedAt) OR lastParticipatedAt < :at)',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':at': at, ':one': 1 },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return false; // already as late or later: nothing to do
    }
  }

  async setSubscriptions(memberId: string, kinds: string[]): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.member(memberId),
        UpdateExpression: 'SET subscriptions = :k ADD #v :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':k': kinds, ':one': 1 },
      }),
    );
  }

  async putChange(change: PendingChangeRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: pendingChanges.toItem(change),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async listPendingChanges(memberId: string): Promise<PendingChangeRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': keys.member(memberId).pk, ':prefix': keys.pendingChangePrefix, ':pending': 'pending' },
    });
    return items.map(pendingChanges.fromItem);
  }

  async getChange(memberId: string, changeId: string): Promise<PendingChangeRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.pendingChange(memberId, changeId) }));
    return Item ? pendingChanges.fromItem(Item) : undefined;
  }

  async approveChange(memberId: string, changeId: string, by: string, at: string): Promise<WriteResult> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.pendingChange(memberId, changeId),
          UpdateExpression: 'SET #s = :approved, resolvedBy = :by, resolvedAt = :at',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':approved': 'approved', ':pending': 'pending', ':by': by, ':at': at },
        }),
      );
      return { kind: 'ok' };
    } catch (error) {
      if (isConditionalCheckFailed(error)) return { kind: 'conflict' };
      throw error;
    }
  }
}

