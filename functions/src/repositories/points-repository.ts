import { putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { queryIndex } from '../db/query-index';
import { pointsEntries, type PointsEntryRecord } from './records';
import { TableRepository } from '../db/table-repository';

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

export class DynamoPointsRepository extends TableRepository implements PointsRepository {
  async append(entry: PointsEntryRecord): Promise<'created' | 'exists'> {
    return putIfAbsent(this.db, this.table, pointsEntries.toItem(entry));
  }

  async memberYear(memberId: string, year: number): Promise<PointsEntryRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.pointsOfMemberYear(memberId, year) },
      ConsistentRead: true,
    });
    return items.map(pointsEntries.fromItem);
  }

  async branchYear(branchId: string, year: number): Promise<PointsEntryRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.pointsOfBranchYear(branchId, year) },
    });
    return items.map(pointsEntries.fromItem);
  }
}
