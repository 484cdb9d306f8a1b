import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inGroups } from '../db/in-groups';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { queryIndex } from '../db/query-index';
import { outbox, type OutboxRecord } from './records';
import { TableRepository } from '../db/table-repository';

/** Reminders computed when sessions are planned; sent by a scheduled job in AWS, shown to the secretary locally. */
export interface OutboxRepository {
  /** Idempotent: the ids are deterministic, so computing the same reminders twice writes the same items. */
  putAll(records: OutboxRecord[]): Promise<void>;
  listByBranch(branchId: string, fromIso: string): Promise<OutboxRecord[]>;
  /** Pending reminders due by `nowIso` on one day: one Query of that day's partition. */
  dueOn(day: string, nowIso: string): Promise<OutboxRecord[]>;
  /** Claimed reminders (`sending`) due by `nowIso` on one day, whatever their age. */
  claimedOn(day: string, nowIso: string): Promise<OutboxRecord[]>;
  /** `pending` -> `sending`, stamped `nowIso` and counted as an attempt; `false` when another sender got there first. */
  claim(record: OutboxRecord, nowIso: string): Promise<boolean>;
  /**
   * Ends a claim a dead run left (`sending` -> `pending` for another try, or `failed`), only if it is still the
   * claim that was seen (same `claimedAt`): a run that claimed it again meanwhile keeps it.
   */
  release(record: OutboxRecord, to: 'pending' | 'failed'): Promise<boolean>;
  /** Moves a reminder from one status to another; `false` when it was not in `from` any more. */
  markFrom(record: OutboxRecord, from: OutboxRecord['status'], to: OutboxRecord['status']): Promise<boolean>;
}

export class DynamoOutboxRepository extends TableRepository implements OutboxRepository {
  async putAll(records: OutboxRecord[]): Promise<void> {
    // PutItem each, 16 at a time, not BatchWriteItem: that one can also delete, and IAM cannot grant
    // it for puts alone, so no function role has it (infra/src/constructs/data-table.ts).
    await inGroups(records, 16, (r) => this.db.send(new PutCommand({ TableName: this.table, Item: outbox.toItem(r) })));
  }

  dueOn(day: string, nowIso: string): Promise<OutboxRecord[]> {
    return this.inStatusOn(day, nowIso, 'pending');
  }

  claimedOn(day: string, nowIso: string): Promise<OutboxRecord[]> {
    return this.inStatusOn(day, nowIso, 'sending');
  }

  private async inStatusOn(day: string, nowIso: string, status: OutboxRecord['status']): Promise<OutboxRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk <= :now',
      FilterExpression: '#s = :status',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': keys.outboxDay(day), ':now': `${nowIso}#\uffff`, ':status': status },
    });
    return items.map(outbox.fromItem);
  }

  claim(record: OutboxRecord, nowIso: string): Promise<boolean> {
    return this.updateIf(record, {
      UpdateExpression: 'SET #s = :to, claimedAt = :now ADD attempts :one',
      ConditionExpression: '#s = :from',
      ExpressionAttributeValues: { ':to': 'sending', ':from': 'pending', ':now': nowIso, ':one': 1 },
    });
  }

  release(record: OutboxRecord, to: 'pending' | 'failed'): Promise<boolean> {
    // A claim from before claims were stamped has no claimedAt: it can only be a dead run's.
    const same = record.claimedAt === undefined ? 'attribute_not_exists(claimedAt)' : 'claimedAt = :seen';
    return this.updateIf(record, {
      UpdateExpression: 'SET #s = :to',
      ConditionExpression: `#s = :from AND ${same}`,
      ExpressionAttributeValues: { ':to': to, ':from': 'sending', ...(record.claimedAt === undefined ? {} : { ':seen': record.claimedAt }) },
    });
  }

  markFrom(record: OutboxRecord, from: OutboxRecord['status'], to: OutboxRecord['status']): Promise<boolean> {
    return this.updateIf(record, { UpdateExpression: 'SET #s = :to', ConditionExpression: '#s = :from', ExpressionAttributeValues: { ':to': to, ':from': from } });
  }

  /** One conditional update of the reminder's item (`#s` is its status); `false` when the condition failed. */
  private async updateIf(record: OutboxRecord, update: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> }): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({ TableName: this.table, Key: outbox.key(record), ExpressionAttributeNames: { '#s': 'status' }, ...update }));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async listByBranch(branchId: string, fromIso: string): Promise<OutboxRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
      ExpressionAttributeValues: { ':pk': keys.outboxOfBranch(branchId), ':from': fromIso },
    });
    return items.map(outbox.fromItem);
  }
}
