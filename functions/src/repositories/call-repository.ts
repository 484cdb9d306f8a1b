import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { queryIndex } from '../db/query-index';
import { calls, type CallRecord } from './records';
import { TableRepository } from '../db/table-repository';

/** Append-only: a call is put once (conditionally) and never updated; only a member's erasure deletes it. */
export interface CallRepository {
  /** `exists` when a call with this id is already there: the same request again. */
  append(call: CallRecord): Promise<'created' | 'exists'>;
  get(memberId: string, callId: string): Promise<CallRecord | undefined>;
  /** A member's calls, newest first: one Query of the member's partition. */
  ofMember(memberId: string): Promise<CallRecord[]>;
  /** A branch's calls made from `fromIso` on, oldest first: one Query on gsi1. */
  ofBranch(branchId: string, fromIso: string): Promise<CallRecord[]>;
}

export class DynamoCallRepository extends TableRepository implements CallRepository {
  async append(call: CallRecord): Promise<'created' | 'exists'> {
    return putIfAbsent(this.db, this.table, calls.toItem(call));
  }

  async get(memberId: string, callId: string): Promise<CallRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.call(memberId, callId), ConsistentRead: true }));
    return Item ? calls.fromItem(Item) : undefined;
  }

  async ofMember(memberId: string): Promise<CallRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.member(memberId).pk, ':prefix': keys.callPrefix },
      ConsistentRead: true,
    });
    return items.map(calls.fromItem).sort((a, b) => b.at.localeCompare(a.at));
  }

  async ofBranch(branchId: string, fromIso: string): Promise<CallRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
      ExpressionAttributeValues: { ':pk': keys.callsOfBranch(branchId), ':from': fromIso },
    });
    return items.map(calls.fromItem);
  }
}
