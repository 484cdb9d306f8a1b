import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed, putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryIndex } from '../db/query-index';
import { visits, type VisitRecord } from './records';
import { TableRepository } from '../db/table-repository';

export interface VisitRepository {
  /** `exists` when a request with this id is already there (an idempotent retry, or a draft proposed before). */
  create(visit: VisitRecord): Promise<'created' | 'exists'>;
  get(id: string): Promise<VisitRecord | undefined>;
  /** Replaces the request if it is still in `expectedStatus` at `expectedVersion`: concurrent steps, one winner. */
  replace(next: VisitRecord, expected: { status: string; version: number }): Promise<'ok' | 'conflict'>;
  /** A branch's open requests (or finished ones), optionally of one status: one Query on gsi1. */
  listByBranch(branchId: string, options: { open: boolean; status?: string }): Promise<VisitRecord[]>;
  /** A contact's assigned requests by time window: one Query on gsi2. */
  listByContact(contactUserId: string): Promise<VisitRecord[]>;
}

export class DynamoVisitRepository extends TableRepository implements VisitRepository {
  async create(visit: VisitRecord): Promise<'created' | 'exists'> {
    return putIfAbsent(this.db, this.table, visits.toItem(visit));
  }

  async get(id: string): Promise<VisitRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.visit(id), ConsistentRead: true }));
    return Item ? visits.fromItem(Item) : undefined;
  }

  async replace(next: VisitRecord, expected: { status: string; version: number }): Promise<'ok' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: visits.toItem(next),
          ConditionExpression: '#s = :status AND #v = :version',
          ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
          ExpressionAttributeValues: { ':status': expected.status, ':version': expected.version },
        }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw error;
    }
  }

  async listByBranch(branchId: string, { open, status }: { open: boolean; status?: string }): Promise<VisitRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: status ? 'gsi1pk = :pk AND begins_with(gsi1sk, :status)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.visitsOfBranch(branchId, open), ...(status ? { ':status': `${status}#` } : {}) },
    });
    return items.map(visits.fromItem);
  }

  async listByContact(contactUserId: string): Promise<VisitRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.visitsOfContact(contactUserId) },
    });
    return items.map(visits.fromItem);
  }
}
