import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed, putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { TableRepository } from '../db/table-repository';
import { notices, type NoticeRecord } from './records';

/** 变动通知 beside each member: written once per change, then only who has seen them grows. */
export interface NoticeRepository {
  /** Each notice once: a notice already there (the same change written again) is left as it is, with who saw it. */
  putAll(records: readonly NoticeRecord[]): Promise<void>;
  /** A member's notices whose ids (their time first) are at or after `fromId`, newest first: one Query of the member's partition. */
  since(memberId: string, fromId: string): Promise<NoticeRecord[]>;
  /** `missing` when there is no such notice; seeing it twice is seeing it once. */
  markSeen(memberId: string, noticeId: string, userId: string): Promise<'seen' | 'missing'>;
}

export class DynamoNoticeRepository extends TableRepository implements NoticeRepository {
  async putAll(records: readonly NoticeRecord[]): Promise<void> {
    await Promise.all(records.map((r) => putIfAbsent(this.db, this.table, notices.toItem(r))));
  }

  async since(memberId: string, fromId: string): Promise<NoticeRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.notice(memberId, fromId).pk, ':from': keys.notice(memberId, fromId).sk, ':to': `${keys.noticePrefix}\uffff` },
      ScanIndexForward: false,
      ConsistentRead: true,
    });
    return items.map(notices.fromItem);
  }

  async markSeen(memberId: string, noticeId: string, userId: string): Promise<'seen' | 'missing'> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table,
        Key: keys.notice(memberId, noticeId),
        // Appended once per reader: a second tap (or a retry) finds the reader there and changes nothing.
        UpdateExpression: 'SET seenBy = list_append(seenBy, :reader)',
        ConditionExpression: 'attribute_exists(pk) AND NOT contains(seenBy, :user)',
        ExpressionAttributeValues: { ':reader': [userId], ':user': userId },
      }));
      return 'seen';
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.notice(memberId, noticeId), ConsistentRead: true }));
      return Item ? 'seen' : 'missing';
    }
  }
}
