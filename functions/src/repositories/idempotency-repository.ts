import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed, putIfAbsent } from '../db/client';
import { keys } from '../db/keys';

/**
 * What one Idempotency-Key was used for, and what it answered. `scope` names the key as the caller
 * used it (route, actor, key: a hash); `fingerprint` is what it was used for (target and body: a hash).
 * While the first request runs the claim is `pending`; then it holds the answer every repeat gets.
 */
export interface IdempotencyRecord {
  scope: string;
  fingerprint: string;
  state: 'pending' | 'done';
  /** Who holds a pending claim: only that request may finish or release it. */
  claim: string;
  claimedAt: string;
  status?: number;
  /** The first answer's JSON body, as it was sent. */
  body?: string;
  completedAt?: string;
}

export interface IdempotencyRepository {
  /** Claims the scope for one request: `exists` when another request already did. */
  claim(record: IdempotencyRecord): Promise<'created' | 'exists'>;
  get(scope: string): Promise<IdempotencyRecord | undefined>;
  /** Takes over a pending claim abandoned since `staleClaim` (its request died): one taker wins. */
  takeOver(scope: string, staleClaim: string, claim: string, at: string): Promise<boolean>;
  complete(scope: string, claim: string, answer: { status: number; body: string; at: string }): Promise<void>;
  /** Gives a claim back after a failed request, so that a repeat runs again instead of answering a failure. */
  release(scope: string, claim: string): Promise<void>;
}

export class DynamoIdempotencyRepository implements IdempotencyRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  claim(record: IdempotencyRecord): Promise<'created' | 'exists'> {
    return putIfAbsent(this.db, this.table, { ...keys.idempotency(record.scope), type: 'IdempotencyKey', ...record });
  }

  async get(scope: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.idempotency(scope), ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _p, sk: _s, type: _t, ...rest } = Item;
    return rest as IdempotencyRecord;
  }

  async takeOver(scope: string, staleClaim: string, claim: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.idempotency(scope),
          UpdateExpression: 'SET #c = :claim, claimedAt = :at',
          ConditionExpression: '#st = :pending AND #c = :stale',
          ExpressionAttributeNames: { '#c': 'claim', '#st': 'state' },
          ExpressionAttributeValues: { ':claim': claim, ':at': at, ':pending': 'pending', ':stale': staleClaim },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async complete(scope: string, claim: string, answer: { status: number; body: string; at: string }): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.idempotency(scope),
          UpdateExpression: 'SET #st = :done, #status = :status, body = :body, completedAt = :at',
          ConditionExpression: '#c = :claim',
          ExpressionAttributeNames: { '#c': 'claim', '#st': 'state', '#status': 'status' },
          ExpressionAttributeValues: { ':done': 'done', ':status': answer.status, ':body': answer.body, ':at': answer.at, ':claim': claim },
        }),
      );
    } catch (error) {
      // Another request took the claim over meanwhile: it writes the same record (ids are deterministic) and the answer.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async release(scope: string, claim: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.idempotency(scope),
          ConditionExpression: '#st = :pending AND #c = :claim',
          ExpressionAttributeNames: { '#c': 'claim', '#st': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending', ':claim': claim },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}

