import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch-get';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryIndex } from '../db/query-index';
import * as z from 'zod/mini';
import {
  demoAccounts, invites, staffInvites, UserRecord, users, wechatIdentities, type DemoAccountRecord, type InviteRecord, type StaffInviteRecord,
} from './records';
import { TableRepository } from '../db/table-repository';

/** An invite code names either a member's invite (self or proxy) or a staff invite: one key space, one GetItem. */
export type AnyInvite = { kind: 'member'; invite: InviteRecord } | { kind: 'staff'; invite: StaffInviteRecord };

/** What `confirmStanding` needs of a user to accept a token: one GetItem, projected. */
export interface SessionState {
  sessionVersion: number;
  withdrawn: boolean;
}
const SessionStateItem = z.object({ sessionVersion: z.optional(z.number()), withdrawnAt: z.optional(z.string()) });

/** What `namesOf` projects of a user item. */
const UserName = z.pick(UserRecord, { id: true, displayName: true });

export interface UserRepository {
  putUser(user: UserRecord): Promise<void>;
  getUser(userId: string): Promise<UserRecord | undefined>;
  /** Display names of several users in one BatchGetItem (for "who filled in, who approved"). */
  namesOf(userIds: string[]): Promise<Map<string, string>>;
  /** The user a WeChat identity is bound to, if any. */
  userIdForWechat(openid: string): Promise<string | undefined>;
  /** Links a WeChat identity to a user; `conflict` if it is already linked to another. */
  linkWechat(openid: string, userId: string): Promise<'ok' | 'conflict'>;
  putInvite(invite: InviteRecord): Promise<void>;
  getInvite(code: string): Promise<InviteRecord | undefined>;
  /** Marks an invite used by `userId`: `ok` also when that same user already used it (a retry). */
  useInvite(code: string, userId: string, at: string): Promise<'ok' | 'used'>;
  /** Either kind of invite by its code. */
  findInvite(code: string): Promise<AnyInvite | undefined>;
  /** A new staff invite; throws ConditionalCheckFailed when the code is taken (draw another). */
  putStaffInvite(invite: StaffInviteRecord): Promise<void>;
  /** Marks a staff invite used by `userId` (and drops it from the pending list); `ok` also for that same user's retry. */
  useStaffInvite(code: string, userId: string, at: string): Promise<'ok' | 'used'>;
  /** An organisation's staff invites not yet used nor expired at `nowIso`: one Query on gsi1. */
  listPendingStaffInvites(orgId: string, nowIso: string): Promise<StaffInviteRecord[]>;
  /** Everyone holding a staff role in an organisation (withdrawn ones are not indexed): one Query on gsi2. */
  listStaff(orgId: string): Promise<UserRecord[]>;
  /** The session version and whether the role was withdrawn; undefined when there is no such user. */
  sessionStateOf(userId: string): Promise<SessionState | undefined>;
  /**
   * Replaces a user (a role withdrawn or changed) only if its session version is still `expected`:
   * `conflict` when someone changed it meanwhile.
   */
  replaceUser(user: UserRecord, expected: number): Promise<'ok' | 'conflict'>;
  /** Records (or clears) the openid a subscription message is sent to. */
  setOpenId(userId: string, openid: string | null): Promise<void>;
  /** Users of a branch with one role (e.g. its contacts): one Query on gsi1. */
  listByBranchRole(branchId: string, role: UserRecord['role']): Promise<UserRecord[]>;
  putDemoAccount(account: DemoAccountRecord): Promise<void>;
  listDemoAccounts(): Promise<DemoAccountRecord[]>;
  getDemoAccount(account: string): Promise<DemoAccountRecord | undefined>;
}

export class DynamoUserRepository extends TableRepository implements UserRepository {
  async putUser(user: UserRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: users.toItem(user) }));
  }

  async getUser(userId: string): Promise<UserRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.user(userId) }));
    return Item ? users.fromItem(Item) : undefined;
  }

  async namesOf(userIds: string[]): Promise<Map<string, string>> {
    const items = await batchGetAll(this.db, this.table, userIds.filter(Boolean).map((id) => keys.user(id)), { ProjectionExpression: 'id, displayName' });
    return new Map(items.map((item) => z.parse(UserName, item)).map((u) => [u.id, u.displayName]));
  }

  async userIdForWechat(openid: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.wechatIdentity(openid) }));
    return Item ? wechatIdentities.fromItem(Item).userId : undefined;
  }

  async linkWechat(openid: string, userId: string): Promise<'ok' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: wechatIdentities.toItem({ userId }, openid),
          ConditionExpression: 'attribute_not_exists(pk) OR userId = :u',
          ExpressionAttributeValues: { ':u': userId },
        }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw error;
    }
  }

  async putInvite(invite: InviteRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: invites.toItem(invite),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getInvite(code: string): Promise<InviteRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.invite(code) }));
    return Item ? invites.fromItem(Item) : undefined;
  }

  async useInvite(code: string, userId: string, at: string): Promise<'ok' | 'used'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.invite(code),
          UpdateExpression: 'SET usedBy = :u, usedAt = if_not_exists(usedAt, :at)',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(usedBy) OR usedBy = :u)',
          ExpressionAttributeValues: { ':u': userId, ':at': at },
        }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'used';
      throw error;
    }
  }

  async findInvite(code: string): Promise<AnyInvite | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.invite(code) }));
    if (!Item) return undefined;
    return Item.type === staffInvites.type ? { kind: 'staff', invite: staffInvites.fromItem(Item) } : { kind: 'member', invite: invites.fromItem(Item) };
  }

  async putStaffInvite(invite: StaffInviteRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: staffInvites.toItem(invite), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async useStaffInvite(code: string, userId: string, at: string): Promise<'ok' | 'used'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.invite(code),
          UpdateExpression: 'SET usedBy = :u, usedAt = if_not_exists(usedAt, :at) REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk) AND #type = :staff AND (attribute_not_exists(usedBy) OR usedBy = :u)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':u': userId, ':at': at, ':staff': staffInvites.type },
        }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'used';
      throw error;
    }
  }

  async listPendingStaffInvites(orgId: string, nowIso: string): Promise<StaffInviteRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk > :now',
      ExpressionAttributeValues: { ':pk': keys.staffInvitesOfOrg(orgId), ':now': nowIso },
    });
    return items.map(staffInvites.fromItem);
  }

  async listStaff(orgId: string): Promise<UserRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.staffOfOrg(orgId) },
    });
    return items.map(users.fromItem);
  }

  async sessionStateOf(userId: string): Promise<SessionState | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.user(userId), ProjectionExpression: 'pk, sessionVersion, withdrawnAt', ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const state = z.parse(SessionStateItem, Item);
    return { sessionVersion: state.sessionVersion ?? 0, withdrawn: !!state.withdrawnAt };
  }

  async replaceUser(user: UserRecord, expected: number): Promise<'ok' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: users.toItem(user),
          ConditionExpression: expected === 0 ? 'attribute_not_exists(sessionVersion) OR sessionVersion = :v' : 'sessionVersion = :v',
          ExpressionAttributeValues: { ':v': expected },
        }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw error;
    }
  }

  async setOpenId(userId: string, openid: string | null): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.user(userId),
        UpdateExpression: openid ? 'SET wechatOpenId = :o' : 'REMOVE wechatOpenId',
        ConditionExpression: 'attribute_exists(pk)',
        ...(openid ? { ExpressionAttributeValues: { ':o': openid } } : {}),
      }),
    );
  }

  async listByBranchRole(branchId: string, role: UserRecord['role']): Promise<UserRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :role)',
      ExpressionAttributeValues: { ':pk': keys.usersOfBranch(branchId), ':role': `${role}#` },
    });
    return items.map(users.fromItem);
  }

  async putDemoAccount(account: DemoAccountRecord): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: demoAccounts.toItem(account) }),
    );
  }

  async listDemoAccounts(): Promise<DemoAccountRecord[]> {
    const { Items } = await this.db.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.demoAccounts } }),
    );
    return (Items ?? []).map(demoAccounts.fromItem).sort((a, b) => a.order - b.order);
  }

  async getDemoAccount(account: string): Promise<DemoAccountRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.demoAccounts, sk: account } }));
    return Item ? demoAccounts.fromItem(Item) : undefined;
  }
}
