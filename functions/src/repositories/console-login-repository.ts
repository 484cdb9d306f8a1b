import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { TableRepository } from '../db/table-repository';

/** One web-console login (扫码登录): waiting for a scan, confirmed by a person, or used up by its page. */
export interface ConsoleLoginRecord {
  scene: string;
  status: 'waiting' | 'confirmed' | 'used';
  createdAt: string;
  /** After this the login is refused, whatever DynamoDB's TTL has or has not yet removed (it runs late, and not locally). */
  expiresAt: string;
  /** Epoch seconds: DynamoDB removes the item some time after. */
  ttl: number;
  /** Who confirmed it, once confirmed. */
  userId?: string;
  confirmedAt?: string;
  /** How often the page has asked. */
  polls: number;
}

export interface ConsoleLoginRepository {
  create(record: ConsoleLoginRecord): Promise<void>;
  get(scene: string): Promise<ConsoleLoginRecord | undefined>;
  /** Counts one poll unless `max` were counted: the record as it now is, `refused`, or undefined when there is none. */
  poll(scene: string, max: number): Promise<ConsoleLoginRecord | 'refused' | undefined>;
  /** Waiting and not expired at `now` → confirmed by `userId`; false when it was not (the caller reads why). */
  confirm(scene: string, userId: string, now: string): Promise<boolean>;
  /** Confirmed → used: true for the one caller that made the change, so a session is handed out once. */
  use(scene: string): Promise<boolean>;
}

const type = 'ConsoleLogin';

export class DynamoConsoleLoginRepository extends TableRepository implements ConsoleLoginRepository {
  async create(record: ConsoleLoginRecord): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ...keys.consoleLogin(record.scene), type, ...record }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  async get(scene: string): Promise<ConsoleLoginRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.consoleLogin(scene) }));
    return Item ? recordOf(Item) : undefined;
  }

  async poll(scene: string, max: number): Promise<ConsoleLoginRecord | 'refused' | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.consoleLogin(scene),
          UpdateExpression: 'ADD polls :one',
          ConditionExpression: 'attribute_exists(pk) AND polls < :max',
          ExpressionAttributeValues: { ':one': 1, ':max': max },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? recordOf(Attributes) : undefined;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return (await this.get(scene)) ? 'refused' : undefined;
    }
  }

  async confirm(scene: string, userId: string, now: string): Promise<boolean> {
    return this.change(scene, {
      UpdateExpression: 'SET #st = :confirmed, userId = :user, confirmedAt = :now',
      ConditionExpression: '#st = :waiting AND expiresAt > :now',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waiting': 'waiting', ':user': userId, ':now': now },
    });
  }

  async use(scene: string): Promise<boolean> {
    return this.change(scene, {
      UpdateExpression: 'SET #st = :used',
      ConditionExpression: '#st = :confirmed',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':used': 'used', ':confirmed': 'confirmed' },
    });
  }

  /** A conditional update: whether its condition held. */
  private async change(scene: string, update: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({ TableName: this.table, Key: keys.consoleLogin(scene), ...update }));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}

function recordOf(item: Record<string, unknown>): ConsoleLoginRecord {
  return {
    scene: String(item.scene),
    status: item.status as ConsoleLoginRecord['status'],
    createdAt: String(item.createdAt),
    expiresAt: String(item.expiresAt),
    ttl: Number(item.ttl),
    polls: Number(item.polls ?? 0),
    ...(item.userId ? { userId: String(item.userId) } : {}),
    ...(item.confirmedAt ? { confirmedAt: String(item.confirmedAt) } : {}),
  };
}
