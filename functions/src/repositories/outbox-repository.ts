import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
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
    for (let i = 0; i < records.length; i += 25) {
      let pending = records.slice(i, i + 25).map((r) => ({
        PutRequest: { Item: outbox.toItem(r) },
      }));
      // BatchWrite may hand back unprocessed items under load: retry them, never drop them.
      for (let attempt = 0; pending.length > 0 && attempt < 8; attempt++) {
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = (out.UnprocessedItems?.[this.table] ?? []) as typeof pending;
        if (pending.length) await new Promise((r) => setTimeout(r, 2 ** attempt * 20));
      }
      if (pending.length) throw new Error('Outbox write left unprocessed items');
    }
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
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
      ExpressionAttributeValues: { ':pk': keys.outboxOfBranch(branchId), ':from': fromIso },
    });
    return items.map(outbox.fromItem);
  }
}
