import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../db/keys';
import type { UploadRecord } from './records';

export interface UploadRepository {
  put(upload: UploadRecord): Promise<void>;
  get(uploadId: string): Promise<UploadRecord | undefined>;
}

export class DynamoUploadRepository implements UploadRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(upload: UploadRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.upload(upload.id), type: 'Upload', ...upload }, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async get(uploadId: string): Promise<UploadRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.upload(uploadId) }));
    if (!Item) return undefined;
    const { pk: _p, sk: _s, type: _t, ...rest } = Item;
    return rest as UploadRecord;
  }
}
