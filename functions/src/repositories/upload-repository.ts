import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../db/keys';
import { uploads, type UploadRecord } from './records';
import { TableRepository } from '../db/table-repository';

export interface UploadRepository {
  put(upload: UploadRecord): Promise<void>;
  get(uploadId: string): Promise<UploadRecord | undefined>;
}

export class DynamoUploadRepository extends TableRepository implements UploadRepository {
  async put(upload: UploadRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: uploads.toItem(upload), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async get(uploadId: string): Promise<UploadRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.upload(uploadId) }));
    return Item ? uploads.fromItem(Item) : undefined;
  }
}
