import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../db/keys';
import { TableRepository } from '../db/table-repository';
import { checkOpenIds } from './records';

/**
 * The openid each user's texts and images are checked under (WeChat's content checks want the
 * author's). Written by the WeChat login, read by the content screen alone: one item apart from
 * the user, so that no other read of a user carries it.
 */
export interface CheckOpenIdRepository {
  keep(userId: string, openid: string): Promise<void>;
  of(userId: string): Promise<string | undefined>;
}

export class DynamoCheckOpenIdRepository extends TableRepository implements CheckOpenIdRepository {
  async keep(userId: string, openid: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: checkOpenIds.toItem({ openid }, userId) }));
  }

  async of(userId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.checkOpenId(userId) }));
    return Item ? checkOpenIds.fromItem(Item).openid : undefined;
  }
}
