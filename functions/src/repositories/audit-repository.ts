import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../db/query-all';
import { randomUUID } from 'node:crypto';
import { keys } from '../db/keys';
import { auditEntries, type AuditEntry } from './records';
import { TableRepository } from '../db/table-repository';

/** Append-only: there is no update or delete. */
export interface AuditRepository {
  /** `id` makes the entry's key fixed, so a retried write (a resumed roster import) puts the same entry, not a second one. */
  append(scope: string, entry: AuditEntry, id?: string): Promise<void>;
  /** Entries of a scope between two instants: one Query (the sort key starts with the time). */
  list(scope: string, fromIso: string, toIso: string): Promise<AuditEntry[]>;
}

export class DynamoAuditRepository extends TableRepository implements AuditRepository {
  async append(scope: string, entry: AuditEntry, id?: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: auditEntries.toItem(entry, scope, id ?? randomUUID()),
      }),
    );
  }

  async list(scope: string, fromIso: string, toIso: string): Promise<AuditEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.audit(scope), ':from': fromIso, ':to': toIso },
    });
    return items.map(auditEntries.fromItem);
  }
}
