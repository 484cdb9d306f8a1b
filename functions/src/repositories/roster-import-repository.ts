import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed, putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { TableRepository } from '../db/table-repository';
import { rosterImportRows, rosterImports, type RosterImportRecord, type RosterImportRowDone } from './records';

export interface RosterImportRepository {
  create(record: RosterImportRecord): Promise<void>;
  get(importId: string): Promise<RosterImportRecord | undefined>;
  /** `checked` → `applying`, once: answers whether this call moved it (a concurrent apply finds it moved). */
  startApplying(importId: string, applying: NonNullable<RosterImportRecord['applying']>): Promise<boolean>;
  /** `applying` → `applied`, once. */
  finishApplying(importId: string, applied: NonNullable<RosterImportRecord['applied']>): Promise<boolean>;
  /** Written once per row (a second write of the same row changes nothing). */
  putRowDone(done: RosterImportRowDone): Promise<void>;
  listRowsDone(importId: string): Promise<RosterImportRowDone[]>;
}

export class DynamoRosterImportRepository extends TableRepository implements RosterImportRepository {
  async create(record: RosterImportRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: rosterImports.toItem(record), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async get(importId: string): Promise<RosterImportRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.rosterImport(importId), ConsistentRead: true }));
    return Item ? rosterImports.fromItem(Item) : undefined;
  }

  startApplying(importId: string, applying: NonNullable<RosterImportRecord['applying']>): Promise<boolean> {
    return this.transition(importId, 'checked', 'applying', 'applying', applying);
  }

  finishApplying(importId: string, applied: NonNullable<RosterImportRecord['applied']>): Promise<boolean> {
    return this.transition(importId, 'applying', 'applied', 'applied', applied);
  }

  private async transition(importId: string, from: string, to: string, field: string, value: object): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.rosterImport(importId),
          UpdateExpression: 'SET #s = :to, #f = :v',
          ConditionExpression: '#s = :from',
          ExpressionAttributeNames: { '#s': 'state', '#f': field },
          ExpressionAttributeValues: { ':from': from, ':to': to, ':v': value },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async putRowDone(done: RosterImportRowDone): Promise<void> {
    await putIfAbsent(this.db, this.table, rosterImportRows.toItem(done));
  }

  async listRowsDone(importId: string): Promise<RosterImportRowDone[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.rosterImport(importId).pk, ':prefix': keys.rosterImportRowPrefix },
    });
    return items.map(rosterImportRows.fromItem);
  }
}
