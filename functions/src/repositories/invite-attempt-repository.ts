import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { TableRepository } from '../db/table-repository';

/**
 * Wrong invite codes per identity and window, counted in the table (Lambdas share no memory):
 * one item per identity and window, `failures` kept with a conditional ADD.
 */
export interface InviteAttemptRepository {
  /** Wrong codes entered so far in the window. */
  failures(identity: string, windowStart: string): Promise<number>;
  /** Counts one more wrong code unless `max` are already counted: `refused` then. */
  recordFailure(identity: string, windowStart: string, max: number): Promise<'counted' | 'refused'>;
}

export class DynamoInviteAttemptRepository extends TableRepository implements InviteAttemptRepository {
  async failures(identity: string, windowStart: string): Promise<number> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.inviteAttempts(identity, windowStart), ProjectionExpression: 'pk, failures' }),
    );
    return Number(Item?.failures ?? 0);
  }

  async recordFailure(identity: string, windowStart: string, max: number): Promise<'counted' | 'refused'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.inviteAttempts(identity, windowStart),
          UpdateExpression: 'SET #type = :type ADD failures :one',
          ConditionExpression: 'attribute_not_exists(failures) OR failures < :max',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': 'InviteAttempts', ':one': 1, ':max': max },
        }),
      );
      return 'counted';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'refused';
      throw error;
    }
  }
}
