#!/usr/bin/env node
// `npm start`: builds the H5 mini-program when its sources are newer than the build, then runs
// the local stack (dynalite + the real handlers + the H5 build) until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = 'miniapp/dist/h5/index.html';
const sources = Math.max(newest('miniapp/src'), newest('miniapp/config'), newest('shared/src'));
if (process.argv.includes('--rebuild') || !existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the H5 mini-program (about half a minute)…');
  const build = spawnSync('npm', ['run', '--silent', 'build:h5'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn('npx', ['tsx', 'local/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
