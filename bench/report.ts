/**
 * Puts one run's figures together: bench/results/latest.json (everything, with the verdicts) and
 * the generated part of docs/performance.md (between its `bench:begin` and `bench:end` markers;
 * the rest of that page is written by hand and left alone).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { evaluate, limits, type BenchResults, type Verdict } from './budgets';
import type { ScenarioResult, SizeResult } from './run-size';
import type { StaticResult } from './static';

const root = fileURLToPath(new URL('../', import.meta.url));
export const latestFile = `${root}bench/results/latest.json`;
const docFile = `${root}docs/performance.md`;
const begin = '<!-- bench:begin (written by npm run bench; edit outside these markers) -->';
const end = '<!-- bench:end -->';

function sh(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

export function machine(loadAtStart: number[]): Record<string, string | number> {
  const free = sh('free', ['-h']).split('\n').slice(0, 2).map((l) => l.replace(/\s+/g, ' ').trim());
  return {
    nproc: Number(sh('nproc', [])) || os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: free.length === 2 ? `${free[0]} | ${free[1]}` : `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: loadAtStart.map((x) => x.toFixed(2)).join(' '),
    loadAverageAtEnd: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    commit: `${sh('git', ['rev-parse', '--short', 'HEAD']) || 'unknown'}${sh('git', ['status', '--porcelain']) ? ' (with uncommitted changes)' : ''}`,
  };
}

export async function writeReport(input: Omit<BenchResults, 'budgets'>, run: { generated: string[] }): Promise<BenchResults> {
  const results: BenchResults = { ...input, budgets: evaluate(input as BenchResults) };
  await writeFile(latestFile, `${JSON.stringify(results, null, 2)}\n`);
  const section = markdown(results, run);
  const current = existsSync(docFile) ? readFileSync(docFile, 'utf8') : `# Performance\n\n${begin}\n${end}\n`;
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? `${current.slice(0, from)}${begin}\n${section}\n${end}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${begin}\n${section}\n${end}\n`;
  await writeFile(docFile, next);
  return results;
}

const n = (x: number | undefined | null, digits = 1) => (x === undefined || x === null ? '–' : Number(x.toFixed(digits)).toLocaleString('en-US'));
const kb = (bytes: number) => `${n(bytes / 1024)} KB`;

function scenarioRow(size: string, s: ScenarioResult): string {
  const d = s.dynamoPerCall;
  const ddb = d.requestsMin === d.requestsMax ? n(d.requests, 2) : `${n(d.requests, 2)} (${d.requestsMin}–${d.requestsMax})`;
  return `| ${s.id} | ${size} | ${s.httpRequestsPerCall} | ${n(d.sequentialMs)} | ${n(s.load.latencyMs.p50)} | ${n(s.load.latencyMs.p95)} | ${n(s.load.latencyMs.p99)} | ${n(s.load.callsPerSecond)} | ${n(s.load.requestsPerSecond)} | ${ddb} | ${n(d.readUnits, 2)} | ${n(d.writeUnits, 2)} | ${s.p99VsGetItem ? `${n(s.p99VsGetItem, 2)}x` : ''} | ${s.load.calls}${s.load.errors ? `, ${s.load.errors} errors` : ''} |`;
}

function dataLine(s: SizeResult): string {
  const i = s.data.items;
  return `${s.data.branches} branches × ${s.data.membersPerBranch} members: ${n(i.members, 0)} members, ${n(i.sessions, 0)} sessions, ${n(i.attendanceLines, 0)} attendance lines, ${n(i.visits, 0)} 送学上门 requests (${n(i.visitsConfirmed, 0)} confirmed), ${n(i.manualAwards, 0)} manual points entries, ${i.signoffs} sign-offs, ${i.reviews} reviews; generated in ${n(s.data.generationSeconds)} s`;
}

function verdictLine(v: Verdict): string {
  return `| ${v.what} | ${v.measured === null ? '–' : `${n(v.measured, 2)} ${v.unit}`} | ${n(v.limit, 2)} ${v.unit} | ${v.pass ? 'pass' : '**FAIL**'} | ${v.detail ?? ''} |`;
}

function markdown(r: BenchResults, run: { generated: string[] }): string {
  const { small, large } = r.sizes;
  const m = r.machine;
  const budgets = r.budgets ?? [];
  const grouped = (prefix: string, label: string) => {
    const list = budgets.filter((v) => v.id.startsWith(prefix));
    const failing = list.filter((v) => !v.pass);
    const worst = [...list].sort((a, b) => (b.measured ?? 0) - (a.measured ?? 0))[0];
    return `| ${label} (${list.length} bundles) | ${failing.length ? failing.map((v) => `${v.id.slice(prefix.length)} ${n(v.measured)} ${v.unit}`).join(', ') : `largest ${worst?.id.slice(prefix.length)} ${n(worst?.measured)} ${worst?.unit}`} | ${n(list[0]?.limit)} ${list[0]?.unit} | ${failing.length ? `**FAIL** (${failing.length})` : 'pass'} | ${list.length - failing.length} of ${list.length} within |`;
  };
  const staticResult: StaticResult = r.static;
  const lines = [
    `Measured **${r.date.slice(0, 16).replace('T', ' ')} UTC** on ${m.nproc} cores (${m.cpu}), Node ${m.node}, ${m.os}; commit ${m.commit}.`,
    '',
    `\`free -h\`: \`${m.memory}\`. Load average at start ${m.loadAverageAtStart}, at end ${m.loadAverageAtEnd} (other work on the machine shows here: compare ratios, not raw milliseconds).`,
    '',
    `This run took ${n(r.wallSeconds, 0)} s (${run.generated.length ? `generated: ${run.generated.join(', ')}` : 'data reused'}).`,
    '',
    `- small: ${dataLine(small)}.`,
    `- large: ${dataLine(large)}.`,
    `- Data month ${large.data.anchorMonth}; the compliance view and the ledger export read ${large.data.quarter}, points tables ${large.data.pointsYear}.`,
    '',
    `### API through the local HTTP stack, concurrency ${large.concurrency}`,
    '',
    'Latency in ms per scenario call (a member home call is four requests: `/me`, then three at once); *alone* is the median of calls made one at a time, the rest is under the concurrent load. DynamoDB figures are per call, counted by the SDK middleware over calls made one at a time (mean, with min–max when calls differ); capacity units as dynalite reports them.',
    '',
    '| scenario | size | HTTP req/call | alone | p50 | p95 | p99 | calls/s | req/s | DynamoDB req/call | RCU/call | WCU/call | p99 / GetItem p99 | calls measured |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...(['small', 'large'] as const).map((size) => {
      const b = r.sizes[size].baseline;
      return `| raw GetItem (baseline) | ${size} | – | | ${n(b.latencyMs.p50)} | ${n(b.latencyMs.p95)} | ${n(b.latencyMs.p99)} | ${n(b.callsPerSecond)} | ${n(b.requestsPerSecond)} | 1 | | | 1x | ${b.calls} |`;
    }),
    ...small.scenarios.flatMap((s) => {
      const l = large.scenarios.find((x) => x.id === s.id);
      return [scenarioRow('small', s), ...(l ? [scenarioRow('large', l)] : [])];
    }),
    '',
    'Member home, per request (p50 / p99 ms):',
    '',
    '| request | small | large |',
    '| --- | ---: | ---: |',
    ...Object.keys(small.scenarios.find((s) => s.id === 'member-home')?.load.requests ?? {}).map((label) => {
      const at = (s: SizeResult) => s.scenarios.find((x) => x.id === 'member-home')?.load.requests[label];
      const cell = (s: SizeResult) => (at(s) ? `${n(at(s)!.p50)} / ${n(at(s)!.p99)}` : '–');
      return `| \`${label}\` | ${cell(small)} | ${cell(large)} |`;
    }),
    '',
    '### Static',
    '',
    staticResult.weapp
      ? `weapp build: main package **${kb(staticResult.weapp.mainBytes)}**, total ${kb(staticResult.weapp.totalBytes)} (${Object.entries(staticResult.weapp.packages).map(([k, v]) => `${k === '__APP__' ? 'main' : k} ${kb(v)}`).join(', ')}).`
      : 'weapp build: missing.',
    '',
    r.tti
      ? `H5 member home (large organisation's data), CPU ${r.tti.cpuSlowdown}x slower, fresh browser profile each run: interactive at **${n(r.tti.interactiveMs.p50, 0)} ms** (median of ${r.tti.runs.length}: ${r.tti.runs.map((x) => `${x.interactiveMs} ms, card painted ${x.cardPaintedMs} ms, last long task ended ${x.lastLongTaskEndMs} ms, ${x.longTasks} long task${x.longTasks === 1 ? '' : 's'}`).join('; ')}; ${r.tti.runs[0]?.requests} requests, ${n(r.tti.runs[0]?.transferKb)} KB).`
      : 'H5 member home: not measured (no H5 build).',
    '',
    staticResult.stack
      ? `Deployment (a synth of the stack, bundling skipped): **${staticResult.stack.functions} functions**, **${staticResult.stack.cfnResources} CloudFormation resources** (${Object.entries(staticResult.stack.byType).map(([type, count]) => `${count} ${type.replace('AWS::', '')}`).join(', ')}).`
      : 'Deployment: not counted.',
    '',
    'Lambda bundles (esbuild as NodejsFunction bundles them), largest first; cold import is the median of fresh Node processes:',
    '',
    '| function | minified | cold import ms |',
    '| --- | ---: | ---: |',
    ...[...staticResult.bundles].sort((a, b) => b.bytes - a.bytes).map((b) => `| ${b.name} | ${kb(b.bytes)} | ${n(b.coldImportMs)} |`),
    '',
    '### Budgets',
    '',
    '| budget | measured | limit | verdict | detail |',
    '| --- | ---: | ---: | --- | --- |',
    ...budgets.filter((v) => !v.id.startsWith('bundle:') && !v.id.startsWith('import:')).map(verdictLine),
    grouped('bundle:', `Lambda bundle ≤ ${limits.bundleBytes / 1024} KB minified`),
    grouped('import:', `Lambda cold import ≤ ${limits.coldImportMs} ms`),
  ];
  return lines.join('\n');
}
