import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed, putIfAbsent } from '../db/client';
import { batchGetAll } from '../db/batch-get';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { queryIndex } from '../db/query-index';
import * as z from 'zod/mini';
import { amendments as amendmentEntity, sessions, SessionRecord, type AmendmentRecord, type AttendanceRecord, type BulkRecord } from './records';
import { TableRepository } from '../db/table-repository';

/**
 * One line to write: the new line (or null to clear it, as an undo does) and the line it replaces
 * as it was read (`undefined`: none). The write only lands if that line is still there unchanged.
 */
export interface LineWrite {
  line: AttendanceRecord | null;
  replaces: AttendanceRecord | undefined;
}

/** The seq of a stored line (0 for lines written before lines carried one). */
export function seqOf(line: AttendanceRecord | undefined): number | undefined {
  return line ? (line.seq ?? 0) : undefined;
}

export type SessionWrite = { kind: 'ok'; previous: Record<string, AttendanceRecord | undefined> } | { kind: 'closed' } | { kind: 'conflict' } | { kind: 'missing' };

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  /** `consistent`: a strongly consistent read, for rechecking a line just written. */
  get(sessionId: string, options?: { consistent?: boolean }): Promise<SessionRecord | undefined>;
  /** Several sessions in one BatchGet (those not found are left out). */
  getMany(sessionIds: readonly string[]): Promise<SessionRecord[]>;
  /** The session, its attendance and its amendments: one Query on the session's partition. */
  getWithAmendments(sessionId: string): Promise<{ session: SessionRecord; amendments: AmendmentRecord[] } | undefined>;
  /** Sessions of a branch starting in [fromIso, toIso): one Query on gsi1. */
  listByBranch(branchId: string, fromIso: string, toIso: string): Promise<SessionRecord[]>;
  /** Replaces planning fields while the session is open and still at `expectedVersion`. */
  replace(next: SessionRecord, expectedVersion: number): Promise<SessionWrite>;
  /**
   * Sets (or clears) attendance lines in one update, conditioned on each line still being the one it
   * replaces: `conflict` when any changed meanwhile. `allowClosed` is for amendments only: the closed
   * record is otherwise immutable. `bulk` records an "everyone present" (`set`) or its undo (`undo`:
   * only while it is still the last one).
   */
  setAttendance(
    sessionId: string,
    lines: Record<string, LineWrite>,
    options: { allowClosed: boolean; by: string; at: string; bulk?: { set: BulkRecord } | { undo: string } },
  ): Promise<SessionWrite>;
  setMinutes(sessionId: string, minutes: NonNullable<SessionRecord['minutes']>, by: string, at: string): Promise<SessionWrite>;
  close(sessionId: string, by: string, at: string, noMinutesReason?: string): Promise<SessionWrite>;
  appendAmendment(amendment: AmendmentRecord): Promise<void>;
}

export class DynamoSessionRepository extends TableRepository implements SessionRepository {
  async create(session: SessionRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: sessions.toItem(session), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async get(sessionId: string, options: { consistent?: boolean } = {}): Promise<SessionRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.session(sessionId), ...(options.consistent ? { ConsistentRead: true } : {}) }));
    return Item ? sessions.fromItem(Item) : undefined;
  }

  async getMany(sessionIds: readonly string[]): Promise<SessionRecord[]> {
    const ids = [...new Set(sessionIds)];
    return ids.length ? (await batchGetAll(this.db, this.table, ids.map((id) => keys.session(id)))).map(sessions.fromItem) : [];
  }

  async getWithAmendments(sessionId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.session(sessionId).pk },
    });
    const sessionItem = items.find((i) => i.sk === keys.session(sessionId).sk);
    if (!sessionItem) return undefined;
    const amendments = items
      .filter((i) => String(i.sk).startsWith(keys.amendmentPrefix))
      .map(amendmentEntity.fromItem);
    return { session: sessions.fromItem(sessionItem), amendments };
  }

  async listByBranch(branchId: string, fromIso: string, toIso: string): Promise<SessionRecord[]> {
    const items = await queryIndex(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.sessionsOfBranch(branchId), ':from': fromIso, ':to': `${toIso}#` },
    });
    // BETWEEN is inclusive and the sort key carries `#id`: drop sessions starting exactly at `to`.
    return items.map(sessions.fromItem).filter((s) => s.startsAt < toIso);
  }

  async replace(next: SessionRecord, expectedVersion: number): Promise<SessionWrite> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: sessions.toItem(next),
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

  async setAttendance(
    sessionId: string,
    lines: Record<string, LineWrite>,
    options: { allowClosed: boolean; by: string; at: string; bulk?: { set: BulkRecord } | { undo: string } },
  ): Promise<SessionWrite> {
    const names: Record<string, string> = { '#a': 'attendance', '#v': 'version', ...(options.allowClosed ? {} : { '#s': 'status' }) };
    const values: Record<string, unknown> = { ':one': 1, ':by': options.by, ':at': options.at, ...(options.allowClosed ? {} : { ':open': 'open' }) };
    const sets: string[] = [];
    const removes: string[] = [];
    const conditions = ['attribute_exists(pk)', ...(options.allowClosed ? [] : ['#s = :open'])];
    Object.entries(lines).forEach(([memberId, write], i) => {
      const path = `#a.#m${i}`;
      names[`#m${i}`] = memberId;
      if (write.line) {
        values[`:l${i}`] = write.line;
        sets.push(`${path} = :l${i}`);
      } else {
        removes.push(path);
      }
      const seq = seqOf(write.replaces);
      if (seq !== undefined) names['#q'] = 'seq';
      if (seq === undefined) conditions.push(`attribute_not_exists(${path})`);
      else if (write.replaces?.seq === undefined) conditions.push(`attribute_exists(${path}) AND attribute_not_exists(${path}.#q)`);
      else {
        values[`:q${i}`] = seq;
        conditions.push(`${path}.#q = :q${i}`);
      }
    });
    if (options.bulk && 'set' in options.bulk) {
      names['#b'] = 'lastBulk';
      values[':bulk'] = options.bulk.set;
      sets.push('#b = :bulk');
    } else if (options.bulk) {
      names['#b'] = 'lastBulk';
      names['#bid'] = 'id';
      values[':bulkId'] = options.bulk.undo;
      removes.push('#b');
      conditions.push('#b.#bid = :bulkId');
    }
    sets.push('updatedBy = :by', 'updatedAt = :at');
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.session(sessionId),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''} ADD #v :one`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_OLD',
        }),
      );
      const before = z.parse(SessionRecord.shape.attendance, out.Attributes?.attendance ?? {});
      return { kind: 'ok', previous: Object.fromEntries(Object.keys(lines).map((m) => [m, before[m]])) };
    } catch (error) {
      if (isConditionalCheckFailed(error)) return this.whyRefused(sessionId);
      throw error;
    }
  }

  async setMinutes(sessionId: string, minutes: NonNullable<SessionRecord['minutes']>, by: string, at: string): Promise<SessionWrite> {
    return this.updateWhileOpen(sessionId, 'SET minutes = :m, updatedBy = :by, updatedAt = :at ADD #v :one', { ':m': minutes, ':by': by, ':at': at });
  }

  async close(sessionId: string, by: string, at: string, noMinutesReason?: string): Promise<SessionWrite> {
    const reason = noMinutesReason ? ', noMinutesReason = :why' : '';
    return this.updateWhileOpen(sessionId, `SET #s = :closed, closedBy = :by, closedAt = :at, updatedBy = :by, updatedAt = :at${reason} ADD #v :one`, {
      ':closed': 'closed',
      ':by': by,
      ':at': at,
      ...(noMinutesReason ? { ':why': noMinutesReason } : {}),
    });
  }

  async appendAmendment(a: AmendmentRecord): Promise<void> {
    const outcome = await putIfAbsent(this.db, this.table, amendmentEntity.toItem(a));
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
