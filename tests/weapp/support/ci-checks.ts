import { fileURLToPath } from 'node:url';
import { runChild } from './child';
import type { Finding } from './findings';

/** analyse: analyseCode; compile: getCompiledResult (es7 + minify); quality: checkCodeQuality's package sizes. */
export type CiStep = 'analyse' | 'compile' | 'quality';
export const allCiSteps: CiStep[] = ['analyse', 'compile', 'quality'];

export interface CiInput {
  dir: string;
  steps: CiStep[];
}

export interface CiResult {
  findings: Finding[];
  /** checkCodeQuality's sizes in bytes: `__APP__` is the main package, then one key per subpackage root. */
  sizes: Record<string, number>;
  /** Time of each step, for the report. */
  ms: Partial<Record<CiStep, number>>;
}

const entry = fileURLToPath(new URL('./ci-runner.ts', import.meta.url));

/** Runs WeChat's CI package (miniprogram-ci) over a build folder in a child process. */
export function runCiChecks(dir: string, steps: CiStep[] = allCiSteps): Promise<CiResult> {
  return runChild<CiResult>(entry, { dir, steps } satisfies CiInput, 120_000);
}
