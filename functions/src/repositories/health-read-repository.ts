import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { HealthReadPurpose } from '@ltx/shared/domain/consent';
import type { Role } from '@ltx/shared/domain/roles';
import { chinaDay } from '@ltx/shared/time/china-day';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { TableRepository } from '../db/table-repository';
import { healthReads, type HealthReadRecord } from './records';

export interface HealthRead {
  memberId: string;
  readerId: string;
  readerRole: Role;
  purpose: HealthReadPurpose;
  at: string;
}

/** The log of who read a member's health data (keys in `db/keys.ts`): appended on every read, listed for the member. */
export interface HealthReadRepository {
  /** One conditional-free UpdateItem per read: the day's item is made or its count and last time move on. */
  note(read: HealthRead): Promise<void>;
  /** Oldest first. */
  list(memberId: string): Promise<HealthReadRecord[]>;
}

export class DynamoHealthReadRepository extends TableRepository implements HealthReadRepository {
  async note({ memberId, readerId, readerRole, purpose, at }: HealthRead): Promise<void> {
    const day = chinaDay(at);
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.healthRead(memberId, day, readerId, purpose),
        UpdateExpression:
          'SET #type = :type, memberId = :m, #day = :day, readerId = :r, readerRole = :role, purpose = :p, firstAt = if_not_exists(firstAt, :at), lastAt = :at ADD #count :one',
        ExpressionAttributeNames: { '#type': 'type', '#day': 'day', '#count': 'count' },
        ExpressionAttributeValues: { ':type': healthReads.type, ':m': memberId, ':day': day, ':r': readerId, ':role': readerRole, ':p': purpose, ':at': at, ':one': 1 },
      }),
    );
  }

  async list(memberId: string): Promise<HealthReadRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.member(memberId).pk, ':prefix': keys.healthReadPrefix },
    });
    return items.map(healthReads.fromItem);
  }
}
