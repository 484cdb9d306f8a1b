import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryIndex } from '../db/query-index';
import { TableRepository } from '../db/table-repository';
import { transfers, type TransferRecord } from './records';

/** Transfers (组织关系转接): one item each, listed by the sending (gsi1) and the receiving branch (gsi2). */
export interface TransferRepository {
  get(transferId: string): Promise<TransferRecord | undefined>;
  /** A new transfer; `conflict` when the id is taken. */
  create(transfer: TransferRecord): Promise<'ok' | 'conflict'>;
  /** Replaces the transfer only if its status is still `from`: of two concurrent steps one wins. */
  replaceFrom(next: TransferRecord, from: TransferRecord['status']): Promise<'ok' | 'conflict'>;
  /** A branch's transfers of one status, outgoing or incoming: one Query. */
  listByBranch(branchId: string, way: 'IN' | 'OUT', status: TransferRecord['status']): Promise<TransferRecord[]>;
}

export class DynamoTransferRepository extends TableRepository implements TransferRepository {
  async get(transferId: string): Promise<TransferRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.transfer(transferId), ConsistentRead: true }));
    return Item ? transfers.fromItem(Item) : undefined;
  }

  async create(transfer: TransferRecord): Promise<'ok' | 'conflict'> {
    return this.put(transfer, 'attribute_not_exists(pk)', {});
  }

  async replaceFrom(next: TransferRecord, from: TransferRecord['status']): Promise<'ok' | 'conflict'> {
    return this.put(next, '#s = :from', { ':from': from });
  }

  async listByBranch(branchId: string, way: 'IN' | 'OUT', status: TransferRecord['status']): Promise<TransferRecord[]> {
    const index = way === 'OUT' ? 'gsi1' : 'gsi2';
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk AND begins_with(${index}sk, :status)`,
      ExpressionAttributeValues: { ':pk': keys.transfersOfBranch(branchId, way), ':status': `${status}#` },
    });
    return items.map(transfers.fromItem);
  }

  private async put(transfer: TransferRecord, condition: string, values: Record<string, string>): Promise<'ok' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: transfers.toItem(transfer),
          ConditionExpression: condition,
          ...(condition.includes('#s') ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw error;
    }
  }
}
