import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch-get';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryIndex } from '../db/query-index';
import { rectifications, reviews, type RectificationRecord, type ReviewRecord } from './records';
import { TableRepository } from '../db/table-repository';

export interface ReviewRepository {
  putReview(review: ReviewRecord): Promise<void>;
  listReviews(branchId: string, period: string): Promise<ReviewRecord[]>;
  putItem(item: RectificationRecord): Promise<void>;
  getItem(id: string): Promise<RectificationRecord | undefined>;
  getItems(ids: string[]): Promise<RectificationRecord[]>;
  /** Replaces an item still at `expectedVersion`: of two concurrent steps, one wins. */
  replaceItem(next: RectificationRecord, expectedVersion: number): Promise<'ok' | 'conflict'>;
  /** A branch's items not yet accepted: one Query on gsi1. */
  openItems(branchId: string): Promise<RectificationRecord[]>;
}

export class DynamoReviewRepository extends TableRepository implements ReviewRepository {
  async putReview(review: ReviewRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: reviews.toItem(review), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async listReviews(branchId: string, period: string): Promise<ReviewRecord[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.review(branchId, period, '', '').pk, ':prefix': keys.reviewPrefix(period) },
      }),
    );
    return (Items ?? []).map(reviews.fromItem);
  }

  async putItem(item: RectificationRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: rectifications.toItem(item), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async getItem(id: string): Promise<RectificationRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.rectification(id) }));
    return Item ? rectifications.fromItem(Item) : undefined;
  }

  async getItems(ids: string[]): Promise<RectificationRecord[]> {
    if (ids.length === 0) return [];
    return (await batchGetAll(this.db, this.table, ids.map((id) => keys.rectification(id)))).map(rectifications.fromItem);
  }

  async replaceItem(next: RectificationRecord, expectedVersion: number): Promise<'ok' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table, Item: rectifications.toItem(next), ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion },
        }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw error;
    }
  }

  async openItems(branchId: string): Promise<RectificationRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :open)',
      ExpressionAttributeValues: { ':pk': keys.rectificationsOfBranch(branchId), ':open': 'OPEN#' },
    });
    return items.map(rectifications.fromItem);
  }
}
