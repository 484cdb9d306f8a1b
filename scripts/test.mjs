#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest. Each step is also an npm script or
// a vitest project that can be run alone. Exits non-zero at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowser } from './system-deps.mjs';
import { instants, runAt } from './at-instants.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';
process.env.CDK_DISABLE_VERSION_CHECK = '1';

const resultsDir = 'test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const timings = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = (Date.now() - started) / 1000;
  timings.push([label, seconds]);
  if (result.status !== 0) {
    summary();
    console.error(`\n✗ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function vitest(project) {
  const out = `${resultsDir}/${project}.json`;
  run(`vitest ${project}`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed += report.numPassedTests;
    counts.failed += report.numFailedTests;
    counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  }
}

function summary() {
  console.log('\nStep times:');
  for (const [label, s] of timings) console.log(`  ${label.padEnd(24)} ${s.toFixed(1)} s`);
  const total = timings.reduce((a, [, s]) => a + s, 0);
  console.log(`  ${'total'.padEnd(24)} ${total.toFixed(1)} s`);
}

ensureBrowser();
run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit');
vitest('dom');
vitest('integration');
vitest('infra');
// On a copy of the tree: a new route takes its schema and its declaration, nothing else.
run('new-route drill', 'npm', ['run', '--silent', 'drill:new-route']);
run('build weapp', 'npm', ['run', '--silent', 'build:weapp']);
run('build h5', 'npm', ['run', '--silent', 'build:h5']);
if (existsSync('tests/weapp')) vitest('weapp');
vitest('e2e');
// The same projects again with the process clock at fixed instants (Beijing year-end, New Year,
// quarter-end, midday; four time zones): no test may depend on when or where it runs.
for (const instant of instants) {
  const started = Date.now();
  const r = runAt(instant, ['unit', 'dom', 'integration', 'e2e'], resultsDir);
  timings.push([`at ${instant.name}`, (Date.now() - started) / 1000]);
  counts.passed += r.passed;
  counts.failed += r.failed;
  counts.skipped += r.skipped;
  if (r.status !== 0 || r.failed > 0) {
    summary();
    console.error(`\n✗ tests at ${instant.name} (${instant.utc}, TZ=${instant.tz}) failed. Rerun them: INSTANT=${instant.name} node scripts/at-instants.mjs`);
    process.exit(1);
  }
}
summary();
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 ? 1 : 0);
