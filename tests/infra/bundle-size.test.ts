import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { deployedRoutes } from '../../functions/src/api';
import { ESM_REQUIRE_SHIM, RUNTIME_PROVIDED_MODULES } from '../../infra/src/constructs/api';
import { defaultApiDir, repoRoot } from '../../infra/src/paths';
import { limits } from '../../bench/budgets';

/** Minified bytes of one function's bundle, with the settings of infra/src/constructs/api.ts (NodejsFunction). */
async function bundledBytes(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node24', minify: true, charset: 'utf8',
    mainFields: ['module', 'main'], banner: { js: ESM_REQUIRE_SHIM }, external: RUNTIME_PROVIDED_MODULES, logLevel: 'silent', outdir: '/tmp/unused',
  });
  return result.outputFiles.filter((f) => f.path.endsWith('.js')).reduce((n, f) => n + f.contents.length, 0);
}

/**
 * The budget, 300 KB (bench/budgets.ts). Each domain's function bundles only the services its `wire` names
 * (functions/src/context.ts, one factory per service): 199-257 KB, where building every service in every
 * function made them 295-303 KB. Each carries zod/mini (39 KB), the repositories (36 KB), the presigners
 * (32 KB), the Powertools router (22 KB), logger and commons (21 KB). Chinese text is bundled as UTF-8.
 */
const budgetBytes = limits.bundleBytes;
const budgetText = `${budgetBytes / 1024} KB`;
/**
 * The Excel function may exceed it: exceljs alone is about 1 MB, which is why it has a function of its own. It serves
 * the ledger export and the roster's template, import and export (the roster service is built there only).
 */
const exempt = new Set(['exports']);

describe('function bundles', () => {
  const domains = [...new Set(deployedRoutes.map((r) => r.domain))].sort();
  it.each(domains)(`%s stays within ${budgetText} minified (but the xlsx export)`, async (domain) => {
    const bytes = await bundledBytes(path.join(defaultApiDir, `${domain}.ts`));
    console.log(`bundle ${domain}: ${(bytes / 1024).toFixed(0)} KB`);
    expect(bytes).toBeGreaterThan(10 * 1024);
    if (!exempt.has(domain)) expect(bytes).toBeLessThanOrEqual(budgetBytes);
  });

  it(`keeps the reminder job within ${budgetText} too`, async () => {
    const bytes = await bundledBytes(path.join(repoRoot, 'functions/src/jobs/send-reminders.ts'));
    console.log(`bundle send-reminders: ${(bytes / 1024).toFixed(0)} KB`);
    expect(bytes).toBeLessThanOrEqual(budgetBytes);
  });
});
