import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, type Projection } from './batch-get';
import { queryAll } from './query-all';
import type { IndexName } from './table-definition';

const itemId = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;

/**
 * A Query on a secondary index, answered with the items themselves. The indexes hold keys only
 * (db/table-definition.ts: no record content, so no health data, is ever copied into one): the Query
 * finds the items' keys in index order, then one BatchGetItem per 100 reads them from the table,
 * `projection` saying what to read (a member list leaves out `sensitive`). The answer keeps the index
 * order; an item deleted in between is left out. An item changed since the index last caught up is
 * read as it is now (an index is eventually consistent either way).
 */
export async function queryIndex(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'IndexName' | 'ProjectionExpression' | 'Select' | 'TableName'> & { TableName: string; IndexName: IndexName },
  projection?: Projection,
): Promise<Record<string, unknown>[]> {
  const found = await queryAll(db, input);
  if (found.length === 0) return [];
  const items = new Map((await batchGetAll(db, input.TableName, found.map((k) => ({ pk: k.pk, sk: k.sk })), withKeys(projection))).map((i) => [itemId(i), i]));
  return found.map((k) => items.get(itemId(k))).filter((i): i is Record<string, unknown> => i !== undefined);
}

/** The table's keys are read too (the answer is put back in index order by them), and dropped again by `fromItem`. */
function withKeys(projection: Projection | undefined): Projection | undefined {
  if (!projection) return undefined;
  return {
    ProjectionExpression: `${projection.ProjectionExpression}, #ltxPk, #ltxSk`,
    ExpressionAttributeNames: { ...projection.ExpressionAttributeNames, '#ltxPk': 'pk', '#ltxSk': 'sk' },
  };
}
