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
  /** Moves a reminder out of `pending`; `false` when another sender got there first. */
  markFrom(record: OutboxRecord, from: OutboxRecord['status'], to: OutboxRecord['status']): Promise<boolean>;
}

export class DynamoOutboxRepository extends TableRepository implements OutboxRepository {
  async putAll(records: OutboxRecord[]): Promise<void> {
    // PutItem each, 16 at a time, not BatchWriteItem: that one can also delete, and IAM cannot grant
    // it for puts alone, so no function role has it (infra/src/constructs/data-table.ts).
    await inGroups(records, 16, (r) => this.db.send(new PutCommand({ TableName: this.table, Item: outbox.toItem(r) })));
  }

  async dueOn(day: string, nowIso: string): Promise<OutboxRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk <= :now',
      FilterExpression: '#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': keys.outboxDay(day), ':now': `${nowIso}#\uffff`, ':pending': 'pending' },
    });
    return items.map(outbox.fromItem);
  }

  async markFrom(record: OutboxRecord, from: OutboxRecord['status'], to: OutboxRecord['status']): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: outbox.key(record),
          UpdateExpression: 'SET #s = :to',
          ConditionExpression: '#s = :from',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':to': to, ':from': from },
        }),
      );
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
