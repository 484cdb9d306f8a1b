import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inGroups } from './in-groups';

export type ItemKey = Record<string, unknown>;

/** What to read of each item: a ProjectionExpression and its names (absent: the whole item). */
export interface Projection {
  ProjectionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
}

/** BatchGetItem takes at most 100 keys a request. */
const keysPerRequest = 100;
/** Requests in flight at once for a long list. */
const parallelRequests = 4;
const attempts = 8;

/**
 * Reads many items by key: BatchGetItem, 100 keys a request, retrying (with a growing pause) what
 * DynamoDB hands back unprocessed under load, never dropping it silently. Items that do not exist
 * are simply absent; the answer is in no particular order. Each key is asked for once (BatchGetItem
 * refuses a request that names one twice).
 */
export async function batchGetAll(db: DynamoDBDocumentClient, table: string, keys: readonly ItemKey[], projection?: Projection): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [`${String(k.pk)}\u0000${String(k.sk)}`, k])).values()];
  const chunks: ItemKey[][] = [];
  for (let i = 0; i < unique.length; i += keysPerRequest) chunks.push(unique.slice(i, i + keysPerRequest));
  const pages = await inGroups(chunks, parallelRequests, async (chunk) => {
    const found: Record<string, unknown>[] = [];
    let pending: ItemKey[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === attempts) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempts} attempts`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 2 ** attempt * 20));
      const out = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ...projection } } }));
      found.push(...(out.Responses?.[table] ?? []));
      pending = out.UnprocessedKeys?.[table]?.Keys ?? [];
    }
    return found;
  });
  return pages.flat();
}
