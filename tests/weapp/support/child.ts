import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './build-dir';

/**
 * Runs a TypeScript entry (through tsx) in its own Node process and returns the JSON it wrote to
 * the file named by its last argument. Used for miniprogram-ci (it starts a file watcher and forks
 * workers that keep a process alive) and for the smoke run (it sets globals such as `wx` and `Page`
 * and must see every uncaught error). The child's own logs are kept for the error message only.
 */
/**
 * tsx's loader by absolute URL: the child's own forks (miniprogram-ci's compiler workers) inherit
 * `--import` and start in other folders, where a bare `tsx` would not resolve.
 */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export function runChild<T>(entry: string, input: unknown, timeoutMs: number): Promise<T> {
  const work = mkdtempSync(path.join(tmpdir(), 'weapp-child-'));
  const out = path.join(work, 'result.json');
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, entry, JSON.stringify(input), out], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let log = '';
    const keep = (b: Buffer) => {
      log = (log + b.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as T);
      } catch {
        const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs} ms` : `exited ${code ?? signal}`;
        reject(new Error(`${path.basename(entry)} ${why} without a result. Its last output:\n${log.slice(-4000)}`));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
}

/** The child side: reads the input, runs `main`, writes its answer, and exits at once (see runChild). */
export async function childMain<I, O>(main: (input: I) => Promise<O>): Promise<void> {
  const [inputJson, out] = process.argv.slice(2);
  if (!inputJson || !out) throw new Error('usage: ENTRY INPUT_JSON OUT_FILE');
  const { writeFileSync } = await import('node:fs');
  const result = await main(JSON.parse(inputJson) as I);
  writeFileSync(out, JSON.stringify(result));
  process.exit(0);
}
