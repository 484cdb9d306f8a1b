import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { rootOf } from '@ltx/shared/domain/hierarchy';
import type { FeedbackStatus } from '@ltx/shared/schemas/feedback';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryIndex } from '../db/query-index';
import { TableRepository } from '../db/table-repository';
import { feedbackMessages, type FeedbackRecord } from './records';

/** Messages to the administrators (意见反馈): one item each, listed by their writer (gsi1) and by subtree and status (gsi2). */
export interface FeedbackRepository {
  get(feedbackId: string): Promise<FeedbackRecord | undefined>;
  /** A new message; `conflict` when the id is taken (a retry with the same Idempotency-Key). */
  create(message: FeedbackRecord): Promise<'ok' | 'conflict'>;
  /** Writes the answer only if the message is still open: of two answers at once one wins. */
  answer(answered: FeedbackRecord): Promise<'ok' | 'conflict'>;
  /** The writer's own messages, newest first: one Query. */
  listBySender(userId: string): Promise<FeedbackRecord[]>;
  /** The messages of one status written anywhere under the organisation at `orgPath`, newest first: one Query. */
  listBySubtree(orgPath: string, status: FeedbackStatus): Promise<FeedbackRecord[]>;
}

const newestFirst = (a: FeedbackRecord, b: FeedbackRecord) => b.createdAt.localeCompare(a.createdAt);

export class DynamoFeedbackRepository extends TableRepository implements FeedbackRepository {
  async get(feedbackId: string): Promise<FeedbackRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.feedback(feedbackId), ConsistentRead: true }));
    return Item ? feedbackMessages.fromItem(Item) : undefined;
  }

  async create(message: FeedbackRecord): Promise<'ok' | 'conflict'> {
    return this.put(message, { ConditionExpression: 'attribute_not_exists(pk)' });
  }

  async answer(answered: FeedbackRecord): Promise<'ok' | 'conflict'> {
    return this.put(answered, { ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':open': 'open' } });
  }

  async listBySender(userId: string): Promise<FeedbackRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.feedbackOfUser(userId) },
      ScanIndexForward: false,
    });
    return items.map(feedbackMessages.fromItem);
  }

  async listBySubtree(orgPath: string, status: FeedbackStatus): Promise<FeedbackRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
      ExpressionAttributeValues: { ':pk': keys.feedbackOfTree(rootOf(orgPath), status), ':path': orgPath },
    });
    // The index orders by path first (one organisation's messages, then the next one's): newest first across them.
    // An item answered since the index caught up is read as it is now, and left out of the other status's list.
    return items.map(feedbackMessages.fromItem).filter((f) => f.status === status).sort(newestFirst);
  }

  private async put(message: FeedbackRecord, condition: { ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, string> }): Promise<'ok' | 'conflict'> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: feedbackMessages.toItem(message), ...condition }));
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw error;
    }
  }
}
