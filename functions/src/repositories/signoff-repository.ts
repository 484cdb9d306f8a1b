import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { signoffs, type SignoffRecord } from './records';
import { TableRepository } from '../db/table-repository';

export interface SignoffRepository {
  /** `exists` when the period was already signed off. */
  put(signoff: SignoffRecord): Promise<'created' | 'exists'>;
  /** Every sign-off of a branch: one Query (a handful a year). */
  list(branchId: string): Promise<SignoffRecord[]>;
}

export class DynamoSignoffRepository extends TableRepository implements SignoffRepository {
  async put(signoff: SignoffRecord): Promise<'created' | 'exists'> {
    return putIfAbsent(this.db, this.table, signoffs.toItem(signoff));
  }

  async list(branchId: string): Promise<SignoffRecord[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.signoff(branchId, '').pk, ':prefix': keys.signoffPrefix },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map(signoffs.fromItem);
  }
}

