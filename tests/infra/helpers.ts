import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { BranchStack, type BranchStackProps } from '../../infra/src/stacks/branch-stack';

const cdkJsonPath = fileURLToPath(new URL('../../infra/cdk.json', import.meta.url));
/** The same context (feature flags, wechatAppId) the real `cdk synth` sees. */
export const cdkContext = (JSON.parse(readFileSync(cdkJsonPath, 'utf8')) as { context: Record<string, unknown> }).context;

export const TEST_APP_ID = 'wx0123456789abcdef';

/**
 * A stack built without bundling (`aws:cdk:bundling-stacks: []`), in a throwaway outdir.
 * `bundle: { outdir }` bundles for real with esbuild, as `cdk synth` does (slow: pass few routes).
 */
export function buildStack(
  props: Partial<BranchStackProps> = {},
  options: { bundle?: { outdir: string } } = {},
): { app: App; stack: BranchStack; template: Template } {
  const app = new App({
    outdir: options.bundle?.outdir ?? mkdtempSync(path.join(tmpdir(), 'ltx-infra-test-')),
    context: options.bundle ? { ...cdkContext } : { ...cdkContext, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new BranchStack(app, 'TestBranch', { wechatAppId: TEST_APP_ID, ...props });
  return { app, stack, template: Template.fromStack(stack) };
}

export interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every `Validations.of(x).acknowledge(...)` recorded under `scope`. */
export function acknowledgements(scope: IConstruct): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  for (const c of scope.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        out.push({ path: c.node.path, id: key.replace(/^annotation::/i, ''), reason: String(reason ?? '') });
      }
    }
  }
  return out;
}
