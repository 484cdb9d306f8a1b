/**
 * The load runner: a fixed number of workers (the concurrency) each take the next call and run
 * it, until a call count or a time limit is reached, after a warm-up that is not recorded.
 *
 * It runs in a child process, so the client's own work (HTTP, the SDK for the GetItem baseline)
 * does not share the event loop with the server it measures. Calls are plain data, so a scenario
 * is described once and sent to the child.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/src/db/client';

export interface HttpRequestSpec {
  path: string;
  token: string;
  /** A label for the per-request figures, e.g. `GET /me`. */
  label: string;
}

/** One scenario call: stages run one after another, the requests of a stage at the same time. */
export type CallSpec = { kind: 'http'; stages: HttpRequestSpec[][] } | { kind: 'getitem'; key: { pk: string; sk: string } };

export interface LoadOptions {
  baseUrl: string;
  dynamoEndpoint: string;
  table: string;
  /** Calls are taken round-robin from this list. */
  calls: CallSpec[];
  concurrency: number;
  warmup: { calls: number; seconds: number };
  measure: { calls: number; seconds: number };
}

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  /** Calls of the warm-up, not in the figures below. */
  warmupCalls: number;
  calls: number;
  errors: number;
  /** Wall time of the measured phase, from the first call started to the last one finished. */
  seconds: number;
  callsPerSecond: number;
  /** HTTP requests per second (a member home call is four requests). */
  requestsPerSecond: number;
  latencyMs: Distribution;
  /** Per request label, for calls of more than one request. */
  requests: Record<string, Distribution>;
  statuses: Record<string, number>;
}

export function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: p99 of 100 samples is the 99th, of 50 the 50th (the maximum).
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), mean: r(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)), max: r(sorted.at(-1) ?? 0) };
}

/** Runs one load in a child process and answers its figures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load-child'], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    child.once('message', (result: LoadResult) => resolve(result));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load child exited with ${code}`)));
    child.send(options);
  });
}

// ---------------------------------------------------------------------------------------------
// Inside the child

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function get(baseUrl: string, spec: HttpRequestSpec): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${spec.path}`, { agent, headers: { authorization: `Bearer ${spec.token}`, accept: 'application/json' } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function work(o: LoadOptions): Promise<LoadResult> {
  const db = createDocumentClient(o.dynamoEndpoint);
  const statuses: Record<string, number> = {};
  const perRequest: Record<string, number[]> = {};
  let next = 0;

  async function call(spec: CallSpec, record: boolean): Promise<{ ms: number; ok: boolean }> {
    const started = performance.now();
    if (spec.kind === 'getitem') {
      const out = await db.send(new GetCommand({ TableName: o.table, Key: spec.key })).catch(() => undefined);
      return { ms: performance.now() - started, ok: !!out?.Item };
    }
    let ok = true;
    for (const stage of spec.stages) {
      const codes = await Promise.all(
        stage.map(async (r) => {
          const t = performance.now();
          const status = await get(o.baseUrl, r).catch(() => 0);
          if (record) {
            (perRequest[r.label] ??= []).push(performance.now() - t);
            statuses[status] = (statuses[status] ?? 0) + 1;
          }
          return status;
        }),
      );
      if (codes.some((c) => c !== 200)) ok = false;
    }
    return { ms: performance.now() - started, ok };
  }

  async function phase(limit: { calls: number; seconds: number }, record: boolean) {
    const latencies: number[] = [];
    let errors = 0;
    let issued = 0;
    const started = performance.now();
    const deadline = started + limit.seconds * 1000;
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (issued < limit.calls && performance.now() < deadline) {
          issued += 1;
          const spec = o.calls[next++ % o.calls.length]!;
          const { ms, ok } = await call(spec, record);
          if (ok) latencies.push(ms);
          else errors += 1;
        }
      }),
    );
    return { latencies, errors, seconds: (performance.now() - started) / 1000 };
  }

  const warmup = await phase(o.warmup, false);
  const measured = await phase(o.measure, true);
  db.destroy();
  agent.destroy();
  const calls = measured.latencies.length + measured.errors;
  const requestsPerCall = o.calls[0]?.kind === 'http' ? o.calls[0].stages.reduce((a, s) => a + s.length, 0) : 1;
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    warmupCalls: warmup.latencies.length + warmup.errors,
    calls,
    errors: measured.errors,
    seconds: r(measured.seconds),
    callsPerSecond: r(calls / measured.seconds),
    requestsPerSecond: r((calls * requestsPerCall) / measured.seconds),
    latencyMs: distribution(measured.latencies),
    requests: requestsPerCall > 1 ? Object.fromEntries(Object.entries(perRequest).map(([k, v]) => [k, distribution(v)])) : {},
    statuses,
  };
}

if (process.argv.includes('--load-child')) {
  process.once('message', (options: LoadOptions) => {
    void work(options).then((result) => process.send!(result, () => process.exit(0)));
  });
}
