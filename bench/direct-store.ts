import { closeFinishedIterators } from '../local/dynalite-iterators';
/**
 * The generator's way into dynalite: the same store and the same code that answers DynamoDB's API
 * (dynalite's own request validation and actions, on the same LevelDB folder the local stack
 * opens), called in-process instead of over HTTP through the AWS SDK.
 *
 * Why: on this 2-core machine the SDK and the two HTTP ends cost about three times what dynalite's
 * own work costs, and the large organisation is about half a million requests. The product's
 * repositories and services are unchanged: they get an object with the document client's `send`,
 * which takes the same command objects (their `input`), marshals them as the document client
 * does (`removeUndefinedValues`, as in functions/src/db/client.ts), and throws errors with the
 * names DynamoDB gives them (`ConditionalCheckFailedException`).
 *
 * The measured bench never uses this: it runs the real local stack, SDK and HTTP included.
 */
import { createRequire } from 'node:module';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emptyCount, type DynamoCount } from './dynamo-counter';

const require = createRequire(import.meta.url);

interface DynaliteStore {
  db: { close(cb: (err?: Error) => void): void };
  getTable(name: string, checkStatus: unknown, cb?: unknown): void;
  lifecycleManager?: { gracefulClose(cb: (err?: Error) => void): void };
}
type Action = (store: DynaliteStore, data: Record<string, unknown>, cb: (err: ActionError | null, out?: Record<string, unknown>) => void) => void;
interface ActionError {
  statusCode?: number;
  body?: { __type?: string; message?: string };
}

closeFinishedIterators();

const dynaliteDb = require('dynalite/db') as { create(options: Record<string, unknown>): DynaliteStore };
const validations = require('dynalite/validations') as {
  checkTypes(data: unknown, types: unknown): Record<string, unknown>;
  checkValidations(data: unknown, types: unknown, custom: unknown, store: DynaliteStore): void;
};

const operations = {
  GetCommand: 'getItem',
  PutCommand: 'putItem',
  UpdateCommand: 'updateItem',
  DeleteCommand: 'deleteItem',
  QueryCommand: 'query',
  BatchGetCommand: 'batchGetItem',
  BatchWriteCommand: 'batchWriteItem',
  CreateTableCommand: 'createTable',
  DescribeTableCommand: 'describeTable',
} as const;
type Operation = (typeof operations)[keyof typeof operations];

const loaded = new Map<Operation, { action: Action; types: unknown; custom: unknown }>();
function operation(name: Operation) {
  let found = loaded.get(name);
  if (!found) {
    const v = require(`dynalite/validations/${name}`) as { types: unknown; custom: unknown };
    found = { action: require(`dynalite/actions/${name}`) as Action, types: v.types, custom: v.custom };
    loaded.set(name, found);
  }
  return found;
}

const reads = new Set<Operation>(['getItem', 'query', 'batchGetItem']);
const toAttrs = (o: Record<string, unknown> | undefined) => (o ? marshall(o, { removeUndefinedValues: true }) : undefined);
const fromAttrs = (o: unknown) => (o ? unmarshall(o as Parameters<typeof unmarshall>[0]) : undefined);

/** Document-client input → DynamoDB JSON, for the fields the product's commands use. */
function marshalInput(op: Operation, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const field of ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const) {
    if (input[field]) out[field] = toAttrs(input[field] as Record<string, unknown>);
  }
  if (op === 'batchGetItem') {
    out.RequestItems = Object.fromEntries(
      Object.entries(input.RequestItems as Record<string, { Keys: Record<string, unknown>[] }>).map(([t, r]) => [t, { ...r, Keys: r.Keys.map((k) => toAttrs(k)) }]),
    );
  }
  if (op === 'batchWriteItem') {
    out.RequestItems = Object.fromEntries(
      Object.entries(input.RequestItems as Record<string, { PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: { Key: Record<string, unknown> } }[]>).map(([t, rs]) => [
        t,
        rs.map((r) => (r.PutRequest ? { PutRequest: { Item: toAttrs(r.PutRequest.Item) } } : { DeleteRequest: { Key: toAttrs(r.DeleteRequest!.Key) } })),
      ]),
    );
  }
  return out;
}

function unmarshalOutput(out: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...out };
  for (const field of ['Item', 'Attributes', 'LastEvaluatedKey'] as const) if (out[field]) result[field] = fromAttrs(out[field]);
  if (out.Items) result.Items = (out.Items as unknown[]).map(fromAttrs);
  if (out.Responses) result.Responses = Object.fromEntries(Object.entries(out.Responses as Record<string, unknown[]>).map(([t, items]) => [t, items.map(fromAttrs)]));
  if (out.UnprocessedKeys) {
    result.UnprocessedKeys = Object.fromEntries(
      Object.entries(out.UnprocessedKeys as Record<string, { Keys: unknown[] }>).map(([t, r]) => [t, { ...r, Keys: r.Keys.map(fromAttrs) }]),
    );
  }
  if (out.UnprocessedItems) {
    result.UnprocessedItems = Object.fromEntries(
      Object.entries(out.UnprocessedItems as Record<string, { PutRequest?: { Item: unknown }; DeleteRequest?: { Key: unknown } }[]>).map(([t, rs]) => [
        t,
        rs.map((r) => (r.PutRequest ? { PutRequest: { Item: fromAttrs(r.PutRequest.Item) } } : { DeleteRequest: { Key: fromAttrs(r.DeleteRequest!.Key) } })),
      ]),
    );
  }
  return result;
}

export interface DirectStore {
  /** Use where the product expects its document client (only `send` is called). */
  client: DynamoDBDocumentClient;
  /** Requests sent so far, by kind, and the capacity dynalite reported. */
  count: DynamoCount;
  close(): Promise<void>;
}

/** Opens the dynalite store in `dir` in this process. Only one process may hold the folder. */
export function openDirectStore(dir: string): DirectStore {
  const store = dynaliteDb.create({ path: dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const count = emptyCount();

  // Every action first reads the table's definition from LevelDB; it does not change while we write.
  const readTable = store.getTable.bind(store);
  const tables = new Map<string, unknown>();
  store.getTable = (name: string, checkStatus: unknown, cb?: unknown) => {
    const callback = (typeof checkStatus === 'function' ? checkStatus : cb) as (err: unknown, table?: { TableStatus?: string }) => void;
    const known = tables.get(name);
    if (known) return void process.nextTick(callback, null, known);
    readTable(name, checkStatus, (err: unknown, table?: { TableStatus?: string }) => {
      if (!err && table?.TableStatus === 'ACTIVE') tables.set(name, table);
      callback(err, table);
    });
  };

  const send = (command: { constructor: { name: string }; input: Record<string, unknown> }): Promise<Record<string, unknown>> => {
    const op = operations[command.constructor.name as keyof typeof operations];
    if (!op) return Promise.reject(new Error(`direct store: ${command.constructor.name} is not supported`));
    const { action, types, custom } = operation(op);
    const counted = op !== 'createTable' && op !== 'describeTable';
    const input = marshalInput(op, counted ? { ReturnConsumedCapacity: 'TOTAL', ...command.input } : command.input);
    if (counted) {
      count.requests += 1;
      const api = op[0]!.toUpperCase() + op.slice(1);
      count.byOperation[api] = (count.byOperation[api] ?? 0) + 1;
      if (reads.has(op)) count.readRequests += 1;
      else count.writeRequests += 1;
    }
    return new Promise((resolve, reject) => {
      const fail = (err: ActionError | Error) => {
        const body = (err as ActionError).body;
        if (!body) return reject(err);
        const error = new Error(body.message ?? body.__type ?? 'dynalite error');
        error.name = (body.__type ?? 'Error').split('#').pop()!;
        reject(error);
      };
      let data: Record<string, unknown>;
      try {
        data = validations.checkTypes(input, types);
        validations.checkValidations(data, types, custom, store);
      } catch (err) {
        return fail(err as ActionError);
      }
      action(store, data, (err, out) => {
        if (err) return fail(err);
        const consumed = out?.ConsumedCapacity;
        const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((a: number, c: { CapacityUnits?: number }) => a + (c.CapacityUnits ?? 0), 0);
        if (reads.has(op)) count.readUnits += units;
        else if (counted) count.writeUnits += units;
        resolve(unmarshalOutput(out ?? {}));
      });
    });
  };

  return {
    client: { send, destroy: () => undefined } as unknown as DynamoDBDocumentClient,
    count,
    close: () =>
      new Promise<void>((resolve, reject) => {
        const done = (err?: Error) => (err ? reject(err) : resolve());
        if (store.lifecycleManager) store.lifecycleManager.gracefulClose(done);
        else store.db.close(done);
      }),
  };
}

interface RawLevel {
  open(): Promise<void>;
  close(): Promise<void>;
  iterator(): AsyncIterable<[Buffer, Buffer]>;
  batch(ops: { type: 'put'; key: Buffer; value: Buffer }[]): Promise<void>;
}
const { Level } = createRequire(require.resolve('dynalite'))('level') as { Level: new (dir: string, options: Record<string, string>) => RawLevel };

/**
 * Copies every item and index entry of the store in `from` into the one in `into` (both closed,
 * both holding the same table, written by separate processes for disjoint branches). The table's
 * own definition (`table~…`) is kept from `into`. Returns the number of entries copied.
 */
export async function mergeStore(from: string, into: string): Promise<number> {
  const source = new Level(from, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  const target = new Level(into, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  await Promise.all([source.open(), target.open()]);
  const tablePrefix = Buffer.from('table~');
  let copied = 0;
  let batch: { type: 'put'; key: Buffer; value: Buffer }[] = [];
  for await (const [key, value] of source.iterator()) {
    if (key.subarray(0, tablePrefix.length).equals(tablePrefix)) continue;
    batch.push({ type: 'put', key, value });
    if (batch.length === 1000) {
      await target.batch(batch);
      copied += batch.length;
      batch = [];
    }
  }
  if (batch.length) await target.batch(batch);
  copied += batch.length;
  await Promise.all([source.close(), target.close()]);
  return copied;
}
