/**
 * The bench of one data size, in a process of its own (the local stack is one per process and
 * holds its data folder):
 *
 *   npx tsx bench/run-size.ts small|large [--tti]
 *
 * 1. Puts the DynamoDB counter on the SDK, then starts the local stack on bench/data/<size>.
 * 2. Signs in the accounts the scenarios use (dev login, stage `local`).
 * 3. For each scenario: a few calls one at a time, counting the DynamoDB requests and capacity of
 *    each call exactly; then the load at concurrency 20 (warm-up, then measured).
 * 4. The baseline: raw GetItem on the same dynalite at the same concurrency, right before the
 *    single-item reads it is compared with.
 * 5. With --tti, the H5 member home's time to interactive (bench/tti.ts).
 * Writes bench/results/tmp/<size>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countDynamoRequests, diff, snapshot, type DynamoCount } from './dynamo-counter';
import { closeFinishedIterators } from '../local/dynalite-iterators';
import { dataDirOf, readManifest, type Size } from './generate';
import { distribution, runLoad, type CallSpec, type LoadResult } from './load';
import { accountsToLogIn, baselineCalls, scenarios, type Scenario } from './scenarios';

// Before anything builds a DynamoDB client: the stack's handlers build theirs at first use.
countDynamoRequests();
// dynalite 4.0.0 leaves every Query's iterator open: see bench/direct-store.ts.
closeFinishedIterators();
const { startLocalStack, localTableName } = await import('../local/stack');
const { measureTti } = await import('./tti');

export const concurrency = 20;
const countedCalls = 8;
const limits = {
  light: { warmup: { calls: 200, seconds: 1.5 }, measure: { calls: 5000, seconds: 5 } },
  heavy: { warmup: { calls: 20, seconds: 1.5 }, measure: { calls: 400, seconds: 5 } },
};

export interface PerCall {
  /** Median latency of the counted calls, made one at a time (no other load). */
  sequentialMs: number;
  /** Mean over the counted calls; min and max show whether calls differ. */
  requests: number;
  requestsMin: number;
  requestsMax: number;
  readUnits: number;
  writeUnits: number;
  byOperation: Record<string, number>;
}

export interface ScenarioResult {
  id: string;
  title: string;
  singleItemRead: boolean;
  httpRequestsPerCall: number;
  dynamoPerCall: PerCall;
  /** DynamoDB requests during the measured load divided by its calls: the same figure under load. */
  dynamoPerCallUnderLoad: number;
  load: LoadResult;
  /** p99 of this read over p99 of raw GetItem (single-item reads only). */
  p99VsGetItem?: number;
}

export interface SizeResult {
  size: Size;
  data: { branches: number; membersPerBranch: number; anchorMonth: string; quarter: string; pointsYear: number; generatorVersion: number; generationSeconds: number; items: Record<string, number> };
  concurrency: number;
  baseline: LoadResult;
  scenarios: ScenarioResult[];
  tti?: Awaited<ReturnType<typeof measureTti>>;
  seconds: number;
}

async function timed(baseUrl: string, spec: CallSpec): Promise<void> {
  if (spec.kind !== 'http') return;
  for (const stage of spec.stages) {
    await Promise.all(
      stage.map(async (r) => {
        const res = await fetch(`${baseUrl}${r.path}`, { headers: { authorization: `Bearer ${r.token}` } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${r.label} answered ${res.status}`);
      }),
    );
  }
}

/** Exact DynamoDB figures per call: calls one at a time, the counter read before and after each. */
async function countPerCall(baseUrl: string, scenario: Scenario): Promise<PerCall> {
  const per: DynamoCount[] = [];
  const ms: number[] = [];
  for (let i = 0; i < countedCalls; i++) {
    const before = snapshot();
    const t = performance.now();
    await timed(baseUrl, scenario.calls[i % scenario.calls.length]!);
    ms.push(performance.now() - t);
    per.push(diff(snapshot(), before));
  }
  const mean = (f: (c: DynamoCount) => number) => Math.round((per.reduce((a, c) => a + f(c), 0) / per.length) * 100) / 100;
  const ops = [...new Set(per.flatMap((c) => Object.keys(c.byOperation)))].sort();
  return {
    sequentialMs: Math.round(distribution(ms).p50 * 10) / 10,
    requests: mean((c) => c.requests),
    requestsMin: Math.min(...per.map((c) => c.requests)),
    requestsMax: Math.max(...per.map((c) => c.requests)),
    readUnits: mean((c) => c.readUnits),
    writeUnits: mean((c) => c.writeUnits),
    byOperation: Object.fromEntries(ops.map((op) => [op, mean((c) => c.byOperation[op] ?? 0)])),
  };
}

async function main(size: Size, withTti: boolean): Promise<SizeResult> {
  const started = performance.now();
  const manifest = readManifest(size);
  if (!manifest) throw new Error(`bench/data/${size} has no manifest: run bench/generate.ts ${size} first`);
  const h5 = fileURLToPath(new URL('../miniapp/dist/h5/', import.meta.url));
  const stack = await startLocalStack({ dataDir: dataDirOf(size), seed: false, stage: 'local', ...(withTti && existsSync(`${h5}index.html`) ? { staticDir: h5 } : {}) });
  try {
    const tokens = new Map<string, string>();
    for (const account of accountsToLogIn(manifest)) {
      const res = await fetch(`${stack.url}/api/v1/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account }) });
      if (res.status !== 200) throw new Error(`dev login ${account} answered ${res.status}`);
      tokens.set(account, ((await res.json()) as { token: string }).token);
    }
    const all = scenarios(manifest, tokens);
    const load = (calls: CallSpec[], heavy = false) =>
      runLoad({ baseUrl: stack.url, dynamoEndpoint: stack.dynamoEndpoint, table: localTableName, calls, concurrency, ...(heavy ? limits.heavy : limits.light) });

    // Every handler imported and every cache as warm as in a Lambda that has served a while.
    for (const s of all) await timed(stack.url, s.calls[0]!);

    const results: ScenarioResult[] = [];
    let baseline: LoadResult | undefined;
    // Single-item reads first, right after the baseline they are compared with.
    for (const s of [...all.filter((x) => x.singleItemRead), ...all.filter((x) => !x.singleItemRead)]) {
      if (s.singleItemRead && !baseline) {
        baseline = await load(baselineCalls(manifest));
        console.log(`  ${size}: raw GetItem  p50 ${baseline.latencyMs.p50} ms  p99 ${baseline.latencyMs.p99} ms  ${baseline.callsPerSecond}/s`);
      }
      const perCall = await countPerCall(stack.url, s);
      const before = snapshot();
      const result = await load(s.calls, s.heavy);
      const underLoad = diff(snapshot(), before).requests;
      const spec = s.calls[0]!;
      const entry: ScenarioResult = {
        id: s.id, title: s.title, singleItemRead: s.singleItemRead,
        httpRequestsPerCall: spec.kind === 'http' ? spec.stages.reduce((a, st) => a + st.length, 0) : 1,
        dynamoPerCall: perCall,
        // The warm-up's calls are in the count too: divide by every call the load made.
        dynamoPerCallUnderLoad: Math.round((underLoad / (result.calls + result.warmupCalls)) * 100) / 100,
        load: result,
      };
      if (s.singleItemRead && baseline) entry.p99VsGetItem = Math.round((result.latencyMs.p99 / baseline.latencyMs.p99) * 100) / 100;
      results.push(entry);
      console.log(
        `  ${size}: ${s.id.padEnd(14)} p50 ${result.latencyMs.p50} ms  p95 ${result.latencyMs.p95} ms  p99 ${result.latencyMs.p99} ms  ${result.callsPerSecond} calls/s  ` +
          `${perCall.requests} DynamoDB requests/call${entry.p99VsGetItem ? `  p99 ${entry.p99VsGetItem}x GetItem` : ''}${result.errors ? `  ${result.errors} ERRORS` : ''}`,
      );
    }

    const tti = withTti ? await measureTti(stack.url, tokens.get(accountsToLogIn(manifest).find((a) => a.startsWith('bench-member-'))!)!) : undefined;
    if (tti) console.log(`  ${size}: H5 member home interactive in ${tti.interactiveMs.p50} ms (median of ${tti.runs.length}, CPU 4x slower)`);

    return {
      size,
      data: {
        branches: manifest.branches, membersPerBranch: manifest.membersPerBranch, anchorMonth: manifest.anchorMonth, quarter: manifest.quarter, pointsYear: manifest.pointsYear,
        generatorVersion: manifest.generatorVersion, generationSeconds: manifest.seconds, items: manifest.counts,
      },
      concurrency,
      baseline: baseline!,
      scenarios: results,
      ...(tti ? { tti } : {}),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await stack.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = process.argv[2] as Size;
  const result = await main(size, process.argv.includes('--tti'));
  const out = fileURLToPath(new URL(`./results/tmp/${size}.json`, import.meta.url));
  await mkdir(fileURLToPath(new URL('./results/tmp/', import.meta.url)), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  // The load workers and the stack are closed; leave nothing pending.
  process.exit(0);
}
