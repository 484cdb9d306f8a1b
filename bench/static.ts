/**
 * Static budgets: the weapp packages' sizes, each Lambda's bundle (size, and the time a fresh
 * Node process takes to import it: the module part of a cold start), and the functions and
 * CloudFormation resources of the synthesized stack (bench/stack-count.ts).
 *
 *   npx tsx bench/static.ts      → bench/results/tmp/static.json
 *
 * Bundles are made with esbuild and the settings of infra/src/constructs/api.ts (NodejsFunction:
 * ESM, minified, node24, module/main fields, the `require` banner, the SDK clients left to the
 * runtime), for every domain function of the deployed routes and the reminder job. The SDK clients a bundle
 * imports resolve from node_modules, standing in for the Lambda runtime's copy, and count in the
 * import time as they do in Lambda.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { deployedRoutes } from '../functions/src/api';
import { ESM_REQUIRE_SHIM, RUNTIME_PROVIDED_MODULES } from '../infra/src/constructs/api';
import { MAIN, packageSizes } from '../tests/weapp/support/budget';
import { countStack, type StackCount } from './stack-count';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = join(root, 'bench/results/tmp');

/** Runtime.NODEJS_24_X, as LAMBDA_RUNTIME. */
const target = 'node24';
const importRuns = 5;

export interface BundleResult {
  name: string;
  entry: string;
  bytes: number;
  /** Median of `importRuns` fresh processes, import() of the bundle only (not Node's own start). */
  coldImportMs: number;
  coldImportRunsMs: number[];
}

export interface StaticResult {
  weapp: { dir: string; mainBytes: number; totalBytes: number; packages: Record<string, number> } | null;
  bundles: BundleResult[];
  stack: StackCount;
  seconds: number;
}

function lambdas(): { name: string; entry: string }[] {
  const domains = [...new Set(deployedRoutes.map((r) => r.domain))].sort();
  return [
    ...domains.map((d) => ({ name: d, entry: join(root, 'functions/src/api', `${d}.ts`) })),
    { name: 'jobs/send-reminders', entry: join(root, 'functions/src/jobs/send-reminders.ts') },
  ];
}

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target,
    minify: true,
    charset: 'utf8',
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_SHIM },
    external: RUNTIME_PROVIDED_MODULES,
    logLevel: 'error',
  });
}

/** A fresh `node` that imports the bundle and prints how long the import took. */
function coldImport(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_REGION: 'ap-east-1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Number(out.toString());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureStatic(): Promise<StaticResult> {
  const started = performance.now();
  const weappDir = join(root, 'miniapp/dist/weapp');
  let weapp: StaticResult['weapp'] = null;
  if (existsSync(join(weappDir, 'app.json'))) {
    // A copy: a front-end build may be rewriting miniapp/dist meanwhile.
    const copy = mkdtempSync(join(tmp, 'weapp-'));
    cpSync(weappDir, copy, { recursive: true });
    const packages = packageSizes(copy);
    rmSync(copy, { recursive: true, force: true });
    weapp = { dir: 'miniapp/dist/weapp', mainBytes: packages[MAIN] ?? 0, totalBytes: Object.values(packages).reduce((a, b) => a + b, 0), packages };
  }

  // Under the repository, so the external SDK clients resolve from node_modules.
  const work = join(tmp, 'bundles');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const built: { name: string; entry: string; outfile: string }[] = [];
  for (const { name, entry } of lambdas()) {
    const outfile = join(work, name, 'index.mjs');
    await bundle(entry, outfile);
    built.push({ name, entry, outfile });
  }
  // Round after round over all bundles, so a burst of load on the machine spreads over many bundles
  // instead of landing on every run of one.
  const runs = new Map<string, number[]>(built.map((b) => [b.name, []]));
  for (let round = 0; round < importRuns; round++) {
    for (const b of built) runs.get(b.name)!.push(Math.round(coldImport(b.outfile) * 10) / 10);
  }
  const bundles: BundleResult[] = built.map((b) => ({
    name: b.name, entry: b.entry.slice(root.length), bytes: statSync(b.outfile).size, coldImportMs: median(runs.get(b.name)!), coldImportRunsMs: runs.get(b.name)!,
  }));
  rmSync(work, { recursive: true, force: true });
  return { weapp, bundles, stack: countStack(), seconds: Math.round((performance.now() - started) / 100) / 10 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureStatic();
  mkdirSync(tmp, { recursive: true });
  await writeFile(join(tmp, 'static.json'), `${JSON.stringify(result, null, 2)}\n`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  if (result.weapp) console.log(`  weapp: main package ${kb(result.weapp.mainBytes)}, total ${kb(result.weapp.totalBytes)}`);
  const worst = [...result.bundles].sort((a, b) => b.bytes - a.bytes)[0];
  const slowest = [...result.bundles].sort((a, b) => b.coldImportMs - a.coldImportMs)[0];
  console.log(`  stack: ${result.stack.functions} functions, ${result.stack.cfnResources} CloudFormation resources`);
  console.log(`  ${result.bundles.length} Lambda bundles: largest ${worst?.name} ${kb(worst?.bytes ?? 0)}, slowest cold import ${slowest?.name} ${slowest?.coldImportMs} ms (${result.seconds} s)`);
}
