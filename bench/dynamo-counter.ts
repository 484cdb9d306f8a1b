import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Counts every DynamoDB request this process sends, and the capacity DynamoDB (here dynalite)
 * reports for it, with a middleware on the SDK clients: measured, not estimated.
 *
 * The product builds its clients itself (functions/src/db/client.ts), so the middleware is put on
 * each client's middleware stack the first time the client sends. A document client shares its
 * stack with the DynamoDBClient it wraps, so each request passes the counter exactly once. It sits
 * in the `initialize` step, before retries: one count per logical request, as DynamoDB bills.
 * Requests that support it are sent with `ReturnConsumedCapacity: 'TOTAL'` when the caller did
 * not ask for it; the product ignores the extra field in the answers.
 */
export interface DynamoCount {
  requests: number;
  readRequests: number;
  writeRequests: number;
  /** Capacity units reported by the store, split by the kind of request. */
  readUnits: number;
  writeUnits: number;
  byOperation: Record<string, number>;
}

const readOps = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const writeOps = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

const totals: DynamoCount = emptyCount();
const installed = new WeakSet<object>();

export function emptyCount(): DynamoCount {
  return { requests: 0, readRequests: 0, writeRequests: 0, readUnits: 0, writeUnits: 0, byOperation: {} };
}

/** The running totals since the process started (copy). */
export function snapshot(): DynamoCount {
  return { ...totals, byOperation: { ...totals.byOperation } };
}

/** What happened between two snapshots. */
export function diff(after: DynamoCount, before: DynamoCount): DynamoCount {
  const byOperation: Record<string, number> = {};
  for (const [op, n] of Object.entries(after.byOperation)) if (n - (before.byOperation[op] ?? 0)) byOperation[op] = n - (before.byOperation[op] ?? 0);
  return {
    requests: after.requests - before.requests,
    readRequests: after.readRequests - before.readRequests,
    writeRequests: after.writeRequests - before.writeRequests,
    readUnits: round(after.readUnits - before.readUnits),
    writeUnits: round(after.writeUnits - before.writeUnits),
    byOperation,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

type Stack = DynamoDBClient['middlewareStack'];

function unitsOf(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum: number, c: { CapacityUnits?: number }) => sum + (c.CapacityUnits ?? 0), 0);
}

function install(stack: Stack): void {
  if (installed.has(stack)) return;
  installed.add(stack);
  stack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? '').replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      const counted = readOps.has(op) || writeOps.has(op);
      const asked = counted && input.ReturnConsumedCapacity === undefined ? { ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } } : args;
      if (counted) {
        totals.requests += 1;
        totals.byOperation[op] = (totals.byOperation[op] ?? 0) + 1;
        if (readOps.has(op)) totals.readRequests += 1;
        else totals.writeRequests += 1;
      }
      let consumed: unknown;
      try {
        const result = await next(asked);
        consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        return result;
      } catch (error) {
        // A refused conditional write is still a request that used capacity (DynamoDB bills it).
        consumed = (error as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        throw error;
      } finally {
        const units = unitsOf(consumed);
        if (readOps.has(op)) totals.readUnits += units;
        else if (writeOps.has(op)) totals.writeUnits += units;
      }
    },
    { step: 'initialize', name: 'benchDynamoCounter', priority: 'high', override: true },
  );
}

let active = false;

/**
 * Puts the counter on every DynamoDB client of this process from now on. Call it before the
 * local stack starts; importing the product's modules afterwards is fine (they share these classes).
 */
export function countDynamoRequests(): void {
  if (active) return;
  active = true;
  for (const Client of [DynamoDBClient, DynamoDBDocumentClient] as const) {
    const original = Client.prototype.send as (...args: unknown[]) => unknown;
    Object.defineProperty(Client.prototype, 'send', {
      configurable: true,
      writable: true,
      value: function send(this: { middlewareStack: Stack }, ...args: unknown[]) {
        install(this.middlewareStack);
        return original.apply(this, args);
      },
    });
  }
}
