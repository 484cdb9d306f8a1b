import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { uploads, type UploadRecord } from './records';
import { TableRepository } from '../db/table-repository';

export interface UploadRepository {
  put(upload: UploadRecord): Promise<void>;
  get(uploadId: string): Promise<UploadRecord | undefined>;
  /** Marks an image `checking` under WeChat's trace id, unless it was submitted already (`submitted`: keep the first). */
  startCheck(uploadId: string, traceId: string, at: string): Promise<'started' | 'submitted'>;
  /** The upload whose check answers with this trace id: one Query on gsi1. */
  idForTrace(traceId: string): Promise<string | undefined>;
  /**
   * WeChat's verdict, once: only an upload still `checking` under this trace id changes, so a
   * repeated or late push changes nothing (`unchanged`).
   */
  decideCheck(uploadId: string, traceId: string, state: 'passed' | 'rejected', at: string): Promise<'decided' | 'unchanged'>;
}

export class DynamoUploadRepository extends TableRepository implements UploadRepository {
  async put(upload: UploadRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: uploads.toItem(upload), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async get(uploadId: string): Promise<UploadRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.upload(uploadId) }));
    return Item ? uploads.fromItem(Item) : undefined;
  }

  async startCheck(uploadId: string, traceId: string, at: string): Promise<'started' | 'submitted'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.upload(uploadId),
          UpdateExpression: 'SET checkState = :checking, checkTraceId = :t, checkSubmittedAt = :at, gsi1pk = :g, gsi1sk = :s',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(checkState)',
          ExpressionAttributeValues: { ':checking': 'checking', ':t': traceId, ':at': at, ':g': keys.mediaCheck(traceId), ':s': 'UPLOAD' },
        }),
      );
      return 'started';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'submitted';
      throw error;
    }
  }

  async idForTrace(traceId: string): Promise<string | undefined> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :g',
        ExpressionAttributeValues: { ':g': keys.mediaCheck(traceId) },
        // The index holds keys only (KEYS_ONLY, db/query-index.ts): the upload's key is all this needs; the verdict then updates the item by it.
        ProjectionExpression: 'pk',
        Limit: 1,
      }),
    );
    const pk = Items?.[0]?.pk;
    return typeof pk === 'string' && pk.startsWith(keys.uploadPrefix) ? pk.slice(keys.uploadPrefix.length) : undefined;
  }

  async decideCheck(uploadId: string, traceId: string, state: 'passed' | 'rejected', at: string): Promise<'decided' | 'unchanged'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.upload(uploadId),
          UpdateExpression: 'SET checkState = :state, checkDecidedAt = :at',
          ConditionExpression: 'checkState = :checking AND checkTraceId = :t',
          ExpressionAttributeValues: { ':state': state, ':at': at, ':checking': 'checking', ':t': traceId },
        }),
      );
      return 'decided';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'unchanged';
      throw error;
    }
  }
}
