/**
 * A table's items as text and back, exactly: the low-level DynamoDB client's AttributeValues (numbers stay the
 * strings DynamoDB keeps, binaries become base64), map keys sorted, items sorted by key, one JSON line each.
 * The same items always give the same bytes, so a round trip (export, import elsewhere, export again) can be
 * compared byte for byte. Also the count of items per entity (`type`) that a restore is checked with.
 */
import { PutItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../functions/src/db/table-definition';

type Encoded = Record<string, unknown>;

/** One AttributeValue as plain JSON (binaries as base64). */
function encode(value: AttributeValue): Encoded {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined) return { M: encodeItem(value.M) };
  if (value.L !== undefined) return { L: value.L.map(encode) };
  // S, N, SS, NS, BOOL, NULL: JSON already.
  const [entry] = Object.entries(value).filter(([k, v]) => k !== '$unknown' && v !== undefined);
  if (!entry) throw new Error(`An attribute value of no known type: ${JSON.stringify(value)}`);
  return { [entry[0]]: entry[1] };
}

function encodeItem(item: Record<string, AttributeValue>): Encoded {
  return Object.fromEntries(Object.keys(item).sort().map((k) => [k, encode(item[k]!)]));
}

function decode(value: Encoded): AttributeValue {
  if ('B' in value) return { B: Buffer.from(value.B as string, 'base64') };
  if ('BS' in value) return { BS: (value.BS as string[]).map((b) => Buffer.from(b, 'base64')) };
  if ('M' in value) return { M: decodeItem(value.M as Encoded) };
  if ('L' in value) return { L: (value.L as Encoded[]).map(decode) };
  return value as unknown as AttributeValue;
}

function decodeItem(item: Encoded): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, decode(v as Encoded)]));
}

/** Every item of the table, page by page. */
export async function* scanItems(client: DynamoDBClient, table: string, projection?: { expression: string; names: Record<string, string> }): AsyncGenerator<Record<string, AttributeValue>> {
  let start: Record<string, AttributeValue> | undefined;
  do {
    // A backup and its check read the whole table by design; no request path does (eslint's rule is for those).
    // eslint-disable-next-line no-restricted-syntax
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true, ...(projection ? { ProjectionExpression: projection.expression, ExpressionAttributeNames: projection.names } : {}) }));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

const keyOf = (item: Record<string, AttributeValue>) => `${item[tableDefinition.partitionKey]?.S ?? ''}\u0000${item[tableDefinition.sortKey]?.S ?? ''}`;

/** The table as JSON lines, sorted by key: the same items give the same text. */
export async function exportItems(client: DynamoDBClient, table: string): Promise<{ text: string; count: number }> {
  const items: Record<string, AttributeValue>[] = [];
  for await (const item of scanItems(client, table)) items.push(item);
  items.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return { text: items.map((i) => `${JSON.stringify(encodeItem(i))}\n`).join(''), count: items.length };
}

/** Puts every item of `text` (exportItems' output) into the table, one PutItem each; the number written. */
export async function importItems(client: DynamoDBClient, table: string, text: string): Promise<number> {
  let count = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    await client.send(new PutItemCommand({ TableName: table, Item: decodeItem(JSON.parse(line) as Encoded) }));
    count++;
  }
  return count;
}

/** Items per entity (`type`; items without one under "(无 type)"), read with a projection of `type` alone. */
export async function countByType(client: DynamoDBClient, table: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const item of scanItems(client, table, { expression: '#t', names: { '#t': 'type' } })) {
    const type = item.type?.S ?? '(无 type)';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return counts;
}

/** Source and restored counts side by side, and whether every entity matches. */
export function compareCounts(source: Map<string, number>, restored: Map<string, number>): { rows: { type: string; source: number; restored: number }[]; same: boolean } {
  const types = [...new Set([...source.keys(), ...restored.keys()])].sort();
  const rows = types.map((type) => ({ type, source: source.get(type) ?? 0, restored: restored.get(type) ?? 0 }));
  return { rows, same: rows.every((r) => r.source === r.restored) };
}

export function formatCounts(rows: { type: string; source: number; restored: number }[]): string {
  return rows.map((r) => `  ${r.source === r.restored ? '  ' : '≠ '}${r.type.padEnd(24)} 源表 ${String(r.source).padStart(7)}   恢复表 ${String(r.restored).padStart(7)}`).join('\n');
}
