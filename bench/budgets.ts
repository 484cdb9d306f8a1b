/**
 * The budgets, evaluated against one bench result. `npm run bench` writes the verdicts next to
 * the figures; `npm run bench:check` prints them and fails when one is broken.
 */
import type { SizeResult } from './run-size';
import type { StaticResult } from './static';
import type { TtiResult } from './tti';

export interface BenchResults {
  date: string;
  machine: Record<string, string | number>;
  wallSeconds: number;
  sizes: { small: SizeResult; large: SizeResult };
  static: StaticResult;
  tti: TtiResult | null;
  budgets?: Verdict[];
}

export interface Verdict {
  id: string;
  what: string;
  measured: number | null;
  limit: number;
  unit: string;
  pass: boolean;
  /** Where the figure comes from, for the reader of a failure. */
  detail?: string;
}

export const limits = {
  /** DynamoDB requests per call, large over small. */
  growth: 1.1,
  /** Single-item read p99 over raw GetItem p99, same run, same concurrency. */
  singleItemP99: 3,
  weappMainBytes: 1024 * 1024,
  bundleBytes: 300 * 1024,
  coldImportMs: 150,
  ttiMs: 1500,
  /** Lambda functions in the stack: a few by domain, not one per route (sparse traffic meets fewer cold starts). */
  functions: 10,
  /**
   * CloudFormation resources in the one stack (CloudFormation's own limit is 500): room for routes to come.
   * 200 until the alarms (two per function), backups and the web console's site came.
   */
  cfnResources: 240,
};

/** Scenarios whose DynamoDB requests per call must not grow with the organisation. */
export const flatScenarios = ['member-home', 'session', 'compliance'];

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function evaluate(r: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const scenario = (size: 'small' | 'large', id: string) => r.sizes[size].scenarios.find((s) => s.id === id);

  for (const id of flatScenarios) {
    const small = scenario('small', id)?.dynamoPerCall.requests;
    const large = scenario('large', id)?.dynamoPerCall.requests;
    const ratio = small && large !== undefined ? Math.round((large / small) * 100) / 100 : null;
    out.push({
      id: `growth:${id}`, what: `${id}: DynamoDB requests per call, large / small`, measured: ratio, limit: limits.growth, unit: 'x',
      pass: ratio !== null && ratio <= limits.growth, detail: `${small} → ${large} requests per call`,
    });
  }

  for (const size of ['small', 'large'] as const) {
    for (const s of r.sizes[size].scenarios.filter((x) => x.singleItemRead)) {
      out.push({
        id: `p99:${size}:${s.id}`, what: `${s.id} (${size}): p99 / raw GetItem p99`, measured: s.p99VsGetItem ?? null, limit: limits.singleItemP99, unit: 'x',
        pass: (s.p99VsGetItem ?? Infinity) <= limits.singleItemP99, detail: `${s.load.latencyMs.p99} ms vs ${r.sizes[size].baseline.latencyMs.p99} ms`,
      });
    }
  }

  const weapp = r.static.weapp;
  out.push({
    id: 'weapp:main', what: 'weapp main package', measured: weapp ? kb(weapp.mainBytes) : null, limit: kb(limits.weappMainBytes), unit: 'KB',
    pass: !!weapp && weapp.mainBytes <= limits.weappMainBytes, detail: weapp ? `total ${kb(weapp.totalBytes)} KB` : 'no weapp build',
  });

  // A result written before the stack was counted has no figures: not measured, so no pass.
  const stack = r.static.stack as StaticResult['stack'] | undefined;
  out.push({
    id: 'stack:functions', what: 'Lambda functions in the stack', measured: stack?.functions ?? null, limit: limits.functions, unit: 'functions',
    pass: !!stack && stack.functions <= limits.functions, detail: stack ? 'AWS::Lambda::Function in the synthesized template' : 'not measured',
  });
  out.push({
    id: 'stack:resources', what: 'CloudFormation resources in the stack', measured: stack?.cfnResources ?? null, limit: limits.cfnResources, unit: 'resources',
    pass: !!stack && stack.cfnResources <= limits.cfnResources,
    detail: stack ? Object.entries(stack.byType).slice(0, 4).map(([type, count]) => `${count} ${type.replace('AWS::', '')}`).join(', ') : 'not measured',
  });

  for (const b of r.static.bundles) {
    out.push({ id: `bundle:${b.name}`, what: `${b.name} bundle (minified)`, measured: kb(b.bytes), limit: kb(limits.bundleBytes), unit: 'KB', pass: b.bytes <= limits.bundleBytes });
    out.push({
      id: `import:${b.name}`, what: `${b.name} cold import`, measured: b.coldImportMs, limit: limits.coldImportMs, unit: 'ms',
      pass: b.coldImportMs <= limits.coldImportMs, detail: `runs ${b.coldImportRunsMs.join(', ')} ms`,
    });
  }

  out.push({
    id: 'tti:member-home', what: `H5 member home interactive, CPU ${r.tti?.cpuSlowdown ?? 4}x slower`, measured: r.tti?.interactiveMs.p50 ?? null, limit: limits.ttiMs, unit: 'ms',
    pass: !!r.tti && r.tti.interactiveMs.p50 <= limits.ttiMs, detail: r.tti ? `median of ${r.tti.runs.length}: ${r.tti.runs.map((x) => x.interactiveMs).join(', ')} ms` : 'not measured (no H5 build)',
  });
  return out;
}
