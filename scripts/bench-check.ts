/**
 * `npm run bench:check`: every budget against bench/results/latest.json, each with its measured
 * figure, its limit and pass or FAIL; exits 1 when any is broken.
 *
 * It does not run the bench: it checks the last results `npm run bench` wrote (their date and
 * machine are printed first). Without results it fails and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { evaluate, type BenchResults, type Verdict } from '../bench/budgets';
import { latestFile } from '../bench/report';

if (!existsSync(latestFile)) {
  console.error('No bench/results/latest.json: run `npm run bench` first.');
  process.exit(1);
}
const results = JSON.parse(readFileSync(latestFile, 'utf8')) as BenchResults;
// Evaluated again here, so a changed limit applies to existing figures.
const verdicts = evaluate(results);
const ageDays = (Date.now() - Date.parse(results.date)) / 86_400_000;
console.log(`Bench results of ${results.date} (${ageDays < 1 ? 'today' : `${Math.floor(ageDays)} days old`}), ${results.machine.nproc} cores, Node ${results.machine.node}, commit ${results.machine.commit}.\n`);

const fmt = (x: number | null, unit: string) => (x === null ? 'not measured' : `${Number(x.toFixed(2))} ${unit}`);
const line = (v: Verdict) => `${v.pass ? '  pass' : '✗ FAIL'}  ${v.what.padEnd(58)} ${fmt(v.measured, v.unit).padStart(12)}  limit ${fmt(v.limit, v.unit).padStart(10)}${v.detail ? `   (${v.detail})` : ''}`;

// Per-function budgets: failures one by one, the passes as one line each.
const perFunction = (v: Verdict) => v.id.startsWith('bundle:') || v.id.startsWith('import:');
for (const v of verdicts.filter((x) => !perFunction(x))) console.log(line(v));
for (const [prefix, label] of [['bundle:', 'Lambda bundles within size'], ['import:', 'Lambda bundles within cold-import time']] as const) {
  const list = verdicts.filter((v) => v.id.startsWith(prefix));
  const worstPassing = list.filter((v) => v.pass).sort((a, b) => (b.measured ?? 0) - (a.measured ?? 0))[0];
  console.log(`  pass  ${`${label}: ${list.filter((v) => v.pass).length} of ${list.length}`.padEnd(58)} ${worstPassing ? `highest ${fmt(worstPassing.measured, worstPassing.unit)} (${worstPassing.id.slice(prefix.length)})` : ''}`);
  for (const v of list.filter((x) => !x.pass)) console.log(line(v));
}

const failing = verdicts.filter((v) => !v.pass);
console.log(`\n${verdicts.length - failing.length} of ${verdicts.length} budgets hold${failing.length ? `; ${failing.length} broken (see docs/performance.md, "Broken budgets").` : '.'}`);
process.exit(failing.length ? 1 : 0);
