import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { reminderKinds } from '@ltx/shared/schemas/session';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { TableRepository } from '../db/table-repository';

export type ReminderKind = (typeof reminderKinds)[number];

/**
 * One-time subscription agreements left per person and reminder kind. WeChat lets a one-time agreement carry one
 * message; each tap of "允许" adds one. Sending spends one in a conditional write, so two runs never spend the same
 * agreement and a person with none left is never sent to (they go on the secretary's phone list instead).
 */
export interface ReminderCreditRepository {
  add(userId: string, kinds: readonly ReminderKind[]): Promise<void>;
  /** Takes one if one is left: answers whether it did. */
  spend(userId: string, kind: ReminderKind): Promise<boolean>;
  /** WeChat says there is none (43101): the count was off, so it is zero now. */
  clear(userId: string, kind: ReminderKind): Promise<void>;
  remaining(userId: string): Promise<Record<ReminderKind, number>>;
}

export class DynamoReminderCreditRepository extends TableRepository implements ReminderCreditRepository {
  async add(userId: string, kinds: readonly ReminderKind[]): Promise<void> {
    if (!kinds.length) return;
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.reminderCredits(userId),
        UpdateExpression: `SET #type = :type ADD ${kinds.map((_, i) => `#k${i} :one`).join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(kinds.map((k, i) => [`#k${i}`, k])) },
        ExpressionAttributeValues: { ':type': 'ReminderCredits', ':one': 1 },
      }),
    );
  }

  async spend(userId: string, kind: ReminderKind): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.reminderCredits(userId),
          UpdateExpression: 'ADD #k :minus',
          ConditionExpression: '#k > :zero',
          ExpressionAttributeNames: { '#k': kind },
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async clear(userId: string, kind: ReminderKind): Promise<void> {
    await this.db.send(
      new UpdateCommand({ TableName: this.table, Key: keys.reminderCredits(userId), UpdateExpression: 'SET #k = :zero', ExpressionAttributeNames: { '#k': kind }, ExpressionAttributeValues: { ':zero': 0 } }),
    );
  }

  async remaining(userId: string): Promise<Record<ReminderKind, number>> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.reminderCredits(userId) }));
    return Object.fromEntries(reminderKinds.map((k) => [k, typeof Item?.[k] === 'number' ? (Item[k] as number) : 0])) as Record<ReminderKind, number>;
  }
}
