import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed, putIfAbsent } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import type { AmendmentRecord, AttendanceRecord, SessionRecord } from './records';

export type SessionWrite = { kind: 'ok'; previous: Record<string, AttendanceRecord | undefined> } | { kind: 'closed' } | { kind: 'conflict' } | { kind: 'missing' };

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  get(sessionId: string): Promise<SessionRecord | undefined>;
  /** The session, its attendance and its amendments: one Query on the session's partition. */
  getWithAmendments(sessionId: string): Promise<{ session: SessionRecord; amendments: AmendmentRecord[] } | undefined>;
  /** Sessions of a branch starting in [fromIso, toIso): one Query on gsi1. */
  listByBranch(branchId: string, fromIso: string, toIso: string): Promise<SessionRecord[]>;
  /** Replaces planning fields while the session is open and still at `expectedVersion`. */
  replace(next: SessionRecord, expectedVersion: number): Promise<SessionWrite>;
  /**
   * Sets attendance lines in one conditional update and answers the lines they replaced.
   * `allowClosed` is for amendments only: the closed record is otherwise immutable.
   */
  setAttendance(sessionId: string, lines: Record<string, AttendanceRecord>, options: { allowClosed: boolean; by: string; at: string }): Promise<SessionWrite>;
  setMinutes(sessionId: string, minutes: NonNullable<SessionRecord['minutes']>, by: string, at: string): Promise<SessionWrite>;
  close(sessionId: string, by: string, at: string): Promise<SessionWrite>;
  appendAmendment(amendment: AmendmentRecord): Promise<void>;
}

function toItem(s: SessionRecord) {
  return { ...keys.session(s.id), gsi1pk: keys.sessionsOfBranch(s.branchId), gsi1sk: keys.sessionSortKey(s.startsAt, s.id), type: 'Session', ...s };
}

function fromItem(item: Record<string, unknown>): SessionRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _gs, type: _t, ...rest } = item;
  return rest as unknown as SessionRecord;
}

export class DynamoSessionRepository implements SessionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(session: SessionRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: toItem(session), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async get(sessionId: string): Promise<SessionRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.session(sessionId) }));
    return Item ? fromItem(Item) : undefined;
  }

  async getWithAmendments(sessionId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.session(sessionId).pk },
    });
    const sessionItem = items.find((i) => i.sk === 'SESSION');
    if (!sessionItem) return undefined;
    const amendments = items
      .filter((i) => String(i.sk).startsWith(keys.amendmentPrefix))
      .map(({ pk: _p, sk: _s, type: _t, ...rest }) => rest as unknown as AmendmentRecord);
    return { session: fromItem(sessionItem), amendments };
  }

  async listByBranch(branchId: string, fromIso: string, toIso: string): Promise<SessionRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.sessionsOfBranch(branchId), ':from': fromIso, ':to': `${toIso}#` },
    });
    // BETWEEN is inclusive and the sort key carries `#id`: drop sessions starting exactly at `to`.
    return items.map(fromItem).filter((s) => s.startsAt < toIso);
  }

  async replace(next: SessionRecord, expectedVersion: number): Promise<SessionWrite> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: toItem(next),
          ConditionExpression: '#v = :expected AND #s = :open',
          ExpressionAttributeNames: { '#v': 'version', '#s': 'status' },
          ExpressionAttributeValues: { ':expected': expectedVersion, ':open': 'open' },
        }),
      );
      return { kind: 'ok', previous: {} };
    } catch (error) {
      if (isConditionalCheckFailed(error)) return this.whyRefused(next.id);
      throw error;
    }
  }

  async setAttendance(sessionId: string, lines: Record<string, AttendanceRecord>, options: { allowClosed: boolean; by: string; at: string }): Promise<SessionWrite> {
    const names: Record<string, string> = { '#a': 'attendance', '#v': 'version', ...(options.allowClosed ? {} : { '#s': 'status' }) };
    const values: Record<string, unknown> = { ':one': 1, ':by': options.by, ':at': options.at };
    const sets = Object.entries(lines).map(([memberId, line], i) => {
      names[`#m${i}`] = memberId;
      values[`:l${i}`] = line;
      return `#a.#m${i} = :l${i}`;
    });
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.session(sessionId),
          UpdateExpression: `SET ${sets.join(', ')}, updatedBy = :by, updatedAt = :at ADD #v :one`,
          ConditionExpression: options.allowClosed ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND #s = :open',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: options.allowClosed ? values : { ...values, ':open': 'open' },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const before = (out.Attributes?.attendance ?? {}) as Record<string, AttendanceRecord>;
      return { kind: 'ok', previous: Object.fromEntries(Object.keys(lines).map((m) => [m, before[m]])) };
    } catch (error) {
      if (isConditionalCheckFailed(error)) return this.whyRefused(sessionId);
      throw error;
    }
  }

  async setMinutes(sessionId: string, minutes: NonNullable<SessionRecord['minutes']>, by: string, at: string): Promise<SessionWrite> {
    return this.updateWhileOpen(sessionId, 'SET minutes = :m, updatedBy = :by, updatedAt = :at ADD #v :one', { ':m': minutes, ':by': by, ':at': at });
  }

  async close(sessionId: string, by: string, at: string): Promise<SessionWrite> {
    return this.updateWhileOpen(sessionId, 'SET #s = :closed, closedBy = :by, closedAt = :at, updatedBy = :by, updatedAt = :at ADD #v :one', {
      ':closed': 'closed',
      ':by': by,
      ':at': at,
    });
  }

  async appendAmendment(a: AmendmentRecord): Promise<void> {
    const outcome = await putIfAbsent(this.db, this.table, { ...keys.amendment(a.sessionId, a.at, a.id), type: 'Amendment', ...a });
    // Counted only when newly written, so a retried amendment is not counted twice.
    if (outcome === 'created') {
      await this.db.send(
        new UpdateCommand({ TableName: this.table, Key: keys.session(a.sessionId), UpdateExpression: 'ADD amendmentCount :one', ExpressionAttributeValues: { ':one': 1 } }),
      );
    }
  }

  private async updateWhileOpen(sessionId: string, expression: string, values: Record<string, unknown>): Promise<SessionWrite> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.session(sessionId),
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(pk) AND #s = :open',
          ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
          ExpressionAttributeValues: { ...values, ':open': 'open', ':one': 1 },
        }),
      );
      return { kind: 'ok', previous: {} };
    } catch (error) {
      if (isConditionalCheckFailed(error)) return this.whyRefused(sessionId);
      throw error;
    }
  }

  /** A refused conditional write: the session is gone, closed, or was changed by someone else. */
  private async whyRefused(sessionId: string): Promise<SessionWrite> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.session(sessionId), ProjectionExpression: '#s', ExpressionAttributeNames: { '#s': 'status' } }));
    if (!Item) return { kind: 'missing' };
    return Item.status === 'closed' ? { kind: 'closed' } : { kind: 'conflict' };
  }
}
