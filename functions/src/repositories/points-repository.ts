import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import type { PointsEntryRecord } from './records';
import { recordOf } from '../db/item';

/** Append-only: entries are put once (conditionally) and never updated or deleted. */
export interface PointsRepository {
  /** `exists` when an entry with this id is already there: the same source event, or the same reversal. */
  append(entry: PointsEntryRecord): Promise<'created' | 'exists'>;
  /** A member's entries of a year: one Query. */
  memberYear(memberId: string, year: number): Promise<PointsEntryRecord[]>;
  /** A branch's entries of a year: one Query on gsi1. */
  branchYear(branchId: string, year: number): Promise<PointsEntryRecord[]>;
}

/** Entry ids carry their member and year (`<year>_<memberId>_<hash>`), so one id finds its partition. */
export function entryLocation(entryId: string): { year: number; memberId: string } | undefined {
  const m = /^(\d{4})_(.+)_([0-9a-f]{20})$/.exec(entryId);
  return m ? { year: Number(m[1]), memberId: m[2]! } : undefined;
}

function fromItem(item: Record<string, unknown>): PointsEntryRecord {
  return recordOf<PointsEntryRecord>(item);
}

export class DynamoPointsRepository implements PointsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async append(entry: PointsEntryRecord): Promise<'created' | 'exists'> {
    return putIfAbsent(this.db, this.table, {
            pk: keys.pointsOfMemberYear(entry.memberId, entry.year),
            sk: keys.pointsEntry(entry.id),
            gsi1pk: keys.pointsOfBranchYear(entry.branchId, entry.year),
            gsi1sk: `${entry.memberId}#${entry.id}`,
            type: 'PointsEntry',
            ...entry,
    });
  }

  async memberYear(memberId: string, year: number): Promise<PointsEntryRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.pointsOfMemberYear(memberId, year) },
      ConsistentRead: true,
    });
    return items.map(fromItem);
  }

  async branchYear(branchId: string, year: number): Promise<PointsEntryRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.pointsOfBranchYear(branchId, year) },
    });
    return items.map(fromItem);
  }
}
