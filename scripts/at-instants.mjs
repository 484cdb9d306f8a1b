#!/usr/bin/env node
// Runs the time-sensitive test projects at fixed instants, each in another time zone, so that no test
// depends on the hour, the day of the month or the zone it runs in. The test run's one clock
// (tests/support/clock.ts: the stack, the test data, the pages under the DOM and the browser's clock
// in the e2e tests read it) starts at the instant through TEST_NOW; libfaketime (Debian's `faketime`)
// moves the whole process there as well, for what reads the system clock itself (dynalite, libraries).
//
//   node scripts/at-instants.mjs                 every instant, projects unit, dom, integration, e2e
//   node scripts/at-instants.mjs integration     one project at every instant
//   INSTANT=year-end node scripts/at-instants.mjs  one instant
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

export const instants = [
  // 23:50 in Beijing on 31 December: the last day of a month, a quarter and a year.
  { name: 'year-end', utc: '2026-12-31T15:50:00Z', tz: 'Asia/Shanghai' },
  // 00:10 in Beijing on 1 January: yesterday is last year; the machine's own date (UTC) is still 31 December.
  { name: 'new-year', utc: '2026-12-31T16:10:00Z', tz: 'UTC' },
  // 23:50 in Beijing on 30 June: the last day of a quarter, with the machine in another hemisphere's zone.
  { name: 'quarter-end', utc: '2027-06-30T15:50:00Z', tz: 'America/New_York' },
  // Midday in Beijing, mid-month. Only the test run's clock moves, the process stays on the machine's:
  // product code that read the system clock instead of the injected one would disagree with the test.
  { name: 'midday', utc: '2027-03-16T04:00:00Z', tz: 'Europe/Berlin', clockOnly: true },
];

/** The wall-clock time of `utc` in zone `tz`, as libfaketime's absolute "@YYYY-MM-DD hh:mm:ss" wants it. */
export function wallClock(utc, tz) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(utc))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export function faketimeAvailable() {
  return spawnSync('faketime', ['-f', '@2020-01-01 00:00:00', 'true']).status === 0;
}

/** Runs `projects` at one instant; returns vitest's counts. */
export function runAt(instant, projects, resultsDir = 'test-results') {
  mkdirSync(resultsDir, { recursive: true });
  const out = `${resultsDir}/at-${instant.name}.json`;
  const vitest = ['npx', 'vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const [command, ...args] = instant.clockOnly ? vitest : ['faketime', '-f', `@${wallClock(instant.utc, instant.tz)}`, ...vitest];
  console.log(`\n▶ at ${instant.name} (${instant.utc}, TZ=${instant.tz}${instant.clockOnly ? ', test clock only' : ''}): ${projects.join(', ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TZ: instant.tz, TEST_NOW: instant.utc } });
  const report = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  return {
    status: result.status ?? 1,
    passed: report?.numPassedTests ?? 0,
    failed: report ? report.numFailedTests : 1,
    skipped: report ? report.numPendingTests + (report.numTodoTests ?? 0) : 0,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!faketimeAvailable()) {
    console.error('faketime is missing: apt-get install -y faketime');
    process.exit(1);
  }
  const projects = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'dom', 'integration', 'e2e'];
  const chosen = process.env.INSTANT ? instants.filter((i) => i.name === process.env.INSTANT) : instants;
  let failed = 0;
  for (const instant of chosen) {
    const r = runAt(instant, projects);
    console.log(`  at ${instant.name}: ${r.passed} passed, ${r.failed} failed`);
    if (r.status !== 0 || r.failed > 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}
