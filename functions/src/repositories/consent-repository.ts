import { putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { TableRepository } from '../db/table-repository';
import { consentEvents, type ConsentEventRecord } from './records';

/** The member's consent history: appended beside the member, never changed (keys in `db/keys.ts`). */
export interface ConsentRepository {
  /** Writing the same event again (a retried request) changes nothing. */
  append(event: ConsentEventRecord): Promise<void>;
  /** Oldest first. */
  list(memberId: string): Promise<ConsentEventRecord[]>;
}

export class DynamoConsentRepository extends TableRepository implements ConsentRepository {
  async append(event: ConsentEventRecord): Promise<void> {
    await putIfAbsent(this.db, this.table, consentEvents.toItem(event));
  }

  async list(memberId: string): Promise<ConsentEventRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.member(memberId).pk, ':prefix': keys.consentEventPrefix },
    });
    return items.map(consentEvents.fromItem);
  }
}
