import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const tool = '../shared/tools/elder-audit.mjs';

/**
 * Runs the shared elder-friendly audit (18 px text, 60 x 60 targets, 4.5:1 contrast, 1.3 line height)
 * on rendered pages, in its own process. Asynchronous on purpose: the pages are served by this process.
 */
export async function elderAudit(urls: string[], storage: Record<string, string> = {}): Promise<{ available: boolean; status: number; output: string }> {
  if (!existsSync(tool)) return { available: false, status: 0, output: '' };
  const args = [tool, ...Object.entries(storage).flatMap(([k, v]) => ['--storage', `${k}=${v}`]), ...urls];
  const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 2)));
  return { available: true, status, output };
}
