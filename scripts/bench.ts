/**
 * `npm run bench`: the figures of docs/performance.md, measured the same way every time.
 *
 * 1. Makes sure Chromium and the Chinese font are there (as npm test does).
 * 2. Generates the small and the large organisation (bench/generate.ts), or reuses them; builds the
 *    mini-program (weapp, H5) meanwhile if a build is missing.
 * 3. Runs each size's scenarios against the local stack, in a process per size (bench/run-size.ts);
 *    the large one also measures the H5 member home's time to interactive (bench/tti.ts).
 * 4. Bundles every Lambda and times its cold import, sizes the weapp packages (bench/static.ts).
 * 5. Writes bench/results/latest.json and the figures in docs/performance.md (bench/report.ts).
 *
 * The measuring steps run one after another, so nothing of the bench's own competes with them.
 * Not part of `npm test`: the bench measures, the tests check. `npm run bench:check` checks budgets.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
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

function buildInBackground(targets: readonly string[]): Promise<void> {
  mkdirSync(`${root}bench/results/tmp`, { recursive: true });
  const log = openSync(buildLog, 'w');
  const started = performance.now();
  console.log(`\n▶ building ${targets.join(' and ')} (missing) in the background; output in bench/results/tmp/build.log`);
  const command = targets.map((t) => `npm run --silent build:${t}`).join(' && ');
  const child = spawn('sh', ['-c', command], { cwd: root, stdio: ['ignore', log, log], env: process.env });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      closeSync(log);
      if (code !== 0) {
        console.error(`✗ ${command} failed (${code}); the end of bench/results/tmp/build.log:\n${readFileSync(buildLog, 'utf8').split('\n').slice(-30).join('\n')}`);
        process.exit(code || 1);
      }
      const seconds = (performance.now() - started) / 1000;
      steps.push([`builds, in the background`, seconds]);
      console.log(`  built ${targets.join(' and ')} in ${seconds.toFixed(1)} s`);
      resolve();
    });
  });
}

const tsx = (file: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', file, ...args]);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(`${root}${file}`, 'utf8')) as T;

// Chromium and the Chinese font, as for npm test (installed when run as root, else the command is printed).
run(process.execPath, ['--input-type=module', '-e', "(await import('./scripts/system-deps.mjs')).ensureBrowser()"]);

// Missing builds are made while the data is generated (neither is measured); their output goes to a log.
const missing = (['weapp', 'h5'] as const).filter((t) => !existsSync(`${root}${t === 'weapp' ? 'miniapp/dist/weapp/app.json' : 'miniapp/dist/h5/index.html'}`));
const buildLog = `${root}bench/results/tmp/build.log`;
const builds = missing.length ? buildInBackground(missing) : Promise.resolve();

const generated: string[] = [];
for (const size of Object.keys(sizes) as Size[]) {
  await stepAsync(`data ${size}`, async () => {
    const { reused } = await ensureData(size);
    if (reused) console.log(`  ${size}: reusing bench/data/${size}`);
    else generated.push(size);
  });
}
if (missing.length) await stepAsync('waiting for the builds', () => builds);

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
for (const [label, s] of steps) console.log(`  ${label.padEnd(28)} ${s.toFixed(1)} s`);
console.log(`  ${'total'.padEnd(28)} ${results.wallSeconds} s`);
const failing = evaluate(results).filter((v) => !v.pass);
console.log(`\nWrote bench/results/latest.json and docs/performance.md. ${failing.length ? `${failing.length} budget(s) broken: npm run bench:check lists them.` : 'Every budget holds.'}`);
