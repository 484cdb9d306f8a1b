/**
 * How many functions and CloudFormation resources the deployment has, counted in the template of a
 * real synth of the stack `cdk deploy` ships (infra/src/stacks/branch-stack.ts, the deployed routes),
 * built as tests/infra builds it: bundling skipped, so no Docker, network or esbuild run is needed.
 * CloudFormation allows 500 resources per stack; the budgets (bench/budgets.ts) keep well below it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readStages, stackFor } from '../infra/src/stage-props';
import { BranchStack } from '../infra/src/stacks/branch-stack';

export interface StackCount {
  /** Every AWS::Lambda::Function in the template: the domain functions, the reminder job and any CDK helper. */
  functions: number;
  cfnResources: number;
  /** Resources by type, most first: where the count comes from. */
  byType: Record<string, number>;
}

export function countStack(): StackCount {
  // The feature flags and context the real `cdk synth` sees.
  const { context } = JSON.parse(readFileSync(new URL('../infra/cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
  const outdir = mkdtempSync(join(tmpdir(), 'ltx-bench-synth-'));
  try {
    const app = new App({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } });
    // The production stage's stack, as config/stages.json describes it.
    const stack = new BranchStack(app, 'BenchBranch', stackFor(readStages(), 'prod').props);
    const resources = Object.values((Template.fromStack(stack).toJSON() as { Resources?: Record<string, { Type: string }> }).Resources ?? {});
    const byType: Record<string, number> = {};
    for (const r of resources) byType[r.Type] = (byType[r.Type] ?? 0) + 1;
    return {
      functions: byType['AWS::Lambda::Function'] ?? 0,
      cfnResources: resources.length,
      byType: Object.fromEntries(Object.entries(byType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
