import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { keys } from '../db/keys';
import type { AuditEntry } from './records';

/** Append-only: there is no update or delete. */
export interface AuditRepository {
  append(scope: string, entry: AuditEntry): Promise<void>;
}

export class DynamoAuditRepository implements AuditRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async append(scope: string, entry: AuditEntry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: keys.audit(scope), sk: `${entry.at}#${randomUUID()}`, type: 'Audit', ...entry },
      }),
    );
  }
}
