import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs one of the repository's scripts (`node --import tsx scripts/<name>.ts`) the way a dry run must work:
 * offline and touching nothing. Every program it could start (npm, npx, cdk, aws, git, taro) is a tripwire on
 * an otherwise empty PATH that records its call; there are no AWS credentials, and the AWS endpoint is a closed
 * loopback port, so an SDK call fails instead of reaching AWS. `tripped()` lists the programs started.
 */
export function offlineRunner(prefix: string) {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const bin = path.join(work, 'bin');
  const log = path.join(work, 'tripwire.log');
  mkdirSync(bin);
  for (const name of ['npm', 'npx', 'cdk', 'aws', 'git', 'taro']) {
    writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${log}\nexit 1\n`);
    chmodSync(path.join(bin, name), 0o755);
  }
  let n = 0;
  return {
    work,
    /** A stages file with these contents, for LTX_STAGES_FILE. */
    stagesFile(stages: unknown): string {
      const file = path.join(work, `stages-${++n}.json`);
      writeFileSync(file, JSON.stringify(stages));
      return file;
    },
    run(script: string, args: string[], env: Record<string, string> = {}) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { PATH: bin, HOME: work, AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    tripped: (): string[] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** The worktree's state (tracked changes, untracked and ignored files), to show a run left it as it was. */
export const worktreeState = (): string => spawnSync('git', ['status', '--porcelain', '--ignored=matching', '--untracked-files=all'], { cwd: repoRoot, encoding: 'utf8' }).stdout;
