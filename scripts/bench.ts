/**
 * `npm run bench`: the figures of docs/performance.md, measured the same way every time.
 *
 * 1. Builds the mini-program (weapp, H5) if a build is missing (and, like npm test, makes sure
 *    Chromium and the Chinese font are there).
 * 2. Generates the small and the large organisation (bench/generate.ts), or reuses them.
 * 3. Runs each size's scenarios against the local stack, in a process per size (bench/run-size.ts);
 *    the large one also measures the H5 member home's time to interactive (bench/tti.ts).
 * 4. Bundles every Lambda and times its cold import, sizes the weapp packages (bench/static.ts).
 * 5. Writes bench/results/latest.json and the figures in docs/performance.md (bench/report.ts).
 *
 * Steps run one after another, so nothing of the bench's own competes with what it measures.
 * Not part of `npm test`: the bench measures, the tests check. `npm run bench:check` checks budgets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SizeResult } from '../bench/run-size';
import type { StaticResult } from '../bench/static';
import { ensureData, sizes, type Size } from '../bench/generate';
import { evaluate } from '../bench/budgets';
import { machine, writeReport } from '../bench/report';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const root = fileURLToPath(new URL('../', import.meta.url));
const started = performance.now();
const loadAtStart = os.loadavg();
const steps: [string, number][] = [];

function step<T>(label: string, fn: () => T): T {
  const t = performance.now();
  console.log(`\n▶ ${label}`);
  const result = fn();
  steps.push([label, (performance.now() - t) / 1000]);
  return result;
}

async function stepAsync<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  console.log(`\n▶ ${label}`);
  const result = await fn();
  steps.push([label, (performance.now() - t) / 1000]);
  return result;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

const tsx = (file: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', file, ...args]);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(`${root}${file}`, 'utf8')) as T;

// Chromium and the Chinese font, as for npm test (installed when run as root, else the command is printed).
run(process.execPath, ['--input-type=module', '-e', "(await import('./scripts/system-deps.mjs')).ensureBrowser()"]);

for (const [target, marker] of [['weapp', 'miniapp/dist/weapp/app.json'], ['h5', 'miniapp/dist/h5/index.html']] as const) {
  if (!existsSync(`${root}${marker}`)) step(`build ${target} (missing)`, () => run('npm', ['run', '--silent', `build:${target}`]));
}

const generated: string[] = [];
for (const size of Object.keys(sizes) as Size[]) {
  await stepAsync(`data ${size}`, async () => {
    const { reused } = await ensureData(size);
    if (reused) console.log(`  ${size}: reusing bench/data/${size}`);
    else generated.push(size);
  });
}

const withTti = existsSync(`${root}miniapp/dist/h5/index.html`);
for (const size of Object.keys(sizes) as Size[]) {
  step(`scenarios ${size}`, () => tsx('bench/run-size.ts', size, ...(size === 'large' && withTti ? ['--tti'] : [])));
}
step('static budgets', () => tsx('bench/static.ts'));

const small = readJson<SizeResult>('bench/results/tmp/small.json');
const large = readJson<SizeResult>('bench/results/tmp/large.json');
const results = await writeReport(
  {
    date: new Date().toISOString(),
    machine: machine(loadAtStart),
    wallSeconds: Math.round((performance.now() - started) / 1000),
    sizes: { small, large },
    static: readJson<StaticResult>('bench/results/tmp/static.json'),
    tti: large.tti ?? null,
  },
  { generated },
);

console.log('\nStep times:');
for (const [label, s] of steps) console.log(`  ${label.padEnd(26)} ${s.toFixed(1)} s`);
console.log(`  ${'total'.padEnd(26)} ${results.wallSeconds} s`);
const failing = evaluate(results).filter((v) => !v.pass);
console.log(`\nWrote bench/results/latest.json and docs/performance.md. ${failing.length ? `${failing.length} budget(s) broken: npm run bench:check lists them.` : 'Every budget holds.'}`);
