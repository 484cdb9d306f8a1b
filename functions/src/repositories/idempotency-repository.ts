import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { defineEntity } from '../db/entity';
import * as z from 'zod/mini';
import { TableRepository } from '../db/table-repository';

/**
 * What one Idempotency-Key was used for, and what it answered. `scope` names the key as the caller
 * used it (route, actor, key: a hash); `fingerprint` is what it was used for (target and body: a hash).
 * While the first request runs the claim is `pending`; then it holds the answer every repeat gets.
 * A request that failed marks its claim `released` (an update: no function role may delete, see
 * infra/src/constructs/api.ts), and a released claim counts as no claim: the next request takes it.
 */
export const IdempotencyRecord = z.object({
  scope: z.string(),
  fingerprint: z.string(),
  state: z.enum(['pending', 'done', 'released']),
  /** Who holds a pending claim: only that request may finish or release it. */
  claim: z.string(),
  claimedAt: z.string(),
  status: z.optional(z.number()),
  /** The first answer's JSON body, as it was sent. */
  body: z.optional(z.string()),
  completedAt: z.optional(z.string()),
  /**
   * When the record, and the answer in it, are gone (epoch seconds, the table's TTL attribute). Until DynamoDB
   * removes it (within days of that time; never on dynalite) it reads as absent all the same.
   */
  ttl: z.optional(z.number()),
});
export type IdempotencyRecord = z.infer<typeof IdempotencyRecord>;

const idempotencyKeys = defineEntity({ type: 'IdempotencyKey', schema: IdempotencyRecord, keys: (r: IdempotencyRecord) => keys.idempotency(r.scope) });

export interface IdempotencyRepository {
  /** Claims the scope for one request (unclaimed, or given back): `exists` when another request holds it. */
  claim(record: IdempotencyRecord): Promise<'created' | 'exists'>;
  /** The claim on the scope; none when it was never claimed, was given back or has expired by `nowSeconds`. */
  get(scope: string, nowSeconds: number): Promise<IdempotencyRecord | undefined>;
  /** Takes over a pending claim abandoned since `staleClaim` (its request died): one taker wins. */
  takeOver(scope: string, staleClaim: string, claim: string, at: string): Promise<boolean>;
  complete(scope: string, claim: string, answer: { status: number; body: string; at: string }): Promise<void>;
  /** Gives a claim back after a failed request, so that a repeat runs again instead of answering a failure. */
  release(scope: string, claim: string): Promise<void>;
}

export class DynamoIdempotencyRepository extends TableRepository implements IdempotencyRepository {
  async claim(record: IdempotencyRecord): Promise<'created' | 'exists'> {
    try {
      // One conditional write: of two requests taking a released claim, one wins.
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: idempotencyKeys.toItem(record),
          ConditionExpression: 'attribute_not_exists(pk) OR #st = :released OR #ttl <= :now',
          ExpressionAttributeNames: { '#st': 'state', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':released': 'released', ':now': Math.floor(Date.parse(record.claimedAt) / 1000) },
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'exists';
      throw error;
    }
  }

  async get(scope: string, nowSeconds: number): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.idempotency(scope), ConsistentRead: true }));
    const record = Item ? idempotencyKeys.fromItem(Item) : undefined;
    return record?.state === 'released' || (record?.ttl !== undefined && record.ttl <= nowSeconds) ? undefined : record;
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
        new UpdateCommand({
          TableName: this.table,
          Key: keys.idempotency(scope),
          UpdateExpression: 'SET #st = :released',
          ConditionExpression: '#st = :pending AND #c = :claim',
          ExpressionAttributeNames: { '#c': 'claim', '#st': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending', ':claim': claim, ':released': 'released' },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}

