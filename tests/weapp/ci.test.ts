import { beforeAll, describe, expect, it } from 'vitest';
import { checkBudget, MAIN, MAIN_PACKAGE_BUDGET, packageSizes } from './support/budget';
import { copiesForThisFile, readAppJson } from './support/build-dir';
import { runCiChecks } from './support/ci-checks';
import { describeFindings, type Finding } from './support/findings';
import { breakComponentPath, breakJsSyntax, padFile, removePageFile, requireMissingModule } from './support/variants';

/** WeChat's CI package (miniprogram-ci) and our package budget, over the real build and broken copies of it. */

const copy = copiesForThisFile();

/** Whether some finding names `file`, in its file field or its message (WeChat's tools put it in either). */
const names = (findings: Finding[], file: string) => findings.some((f) => `${f.file} ${f.message}`.includes(file));

describe('miniprogram-ci on the real build', () => {
  let dir: string;
  beforeAll(() => {
    dir = copy('ci');
  });

  it('passes analyseCode, getCompiledResult (es7, minify) and the package-size check, within our budget', async () => {
    const ci = await runCiChecks(dir);
    const ours = packageSizes(dir);
    console.log(
      `[weapp] ci: analyse ${ci.ms.analyse} ms, compile ${ci.ms.compile} ms, quality ${ci.ms.quality} ms; ` +
        `main package ${ci.sizes[MAIN]} bytes by WeChat, ${ours[MAIN]} by our count (budget ${MAIN_PACKAGE_BUDGET}); ` +
        `sizes by WeChat ${JSON.stringify(ci.sizes)}, ours ${JSON.stringify(ours)}`,
    );
    const findings = [...ci.findings, ...checkBudget(ci.sizes, 'WeChat', dir), ...checkBudget(ours, 'ours', dir)];
    expect(findings, describeFindings(findings)).toEqual([]);
    // The two counts must describe the same packages (a subpackage missing from one is a bug here).
    expect(Object.keys(ours).sort()).toEqual(Object.keys(ci.sizes).sort());
  });
});

describe('miniprogram-ci on broken builds', () => {
  it('names a page file that app.json lists but the build lacks', async () => {
    const dir = copy('missing-page');
    const route = readAppJson(dir).pages.at(-1) as string;
    const file = removePageFile(dir, route, '.js');
    const { findings } = await runCiChecks(dir, ['analyse', 'compile']);
    expect(findings.filter((f) => f.check === 'ci.analyseCode').length, describeFindings(findings)).toBeGreaterThan(0);
    expect(findings.filter((f) => f.check === 'ci.getCompiledResult').length, describeFindings(findings)).toBeGreaterThan(0);
    expect(names(findings, file), describeFindings(findings)).toBe(true);
  });

  it('names a page with a broken usingComponents path and a page requiring a missing module', async () => {
    const dir = copy('bad-deps');
    const [first, second] = readAppJson(dir).pages as [string, string];
    const json = breakComponentPath(dir, first);
    const js = requireMissingModule(dir, second);
    const { findings } = await runCiChecks(dir, ['analyse']);
    expect(findings.map((f) => f.file).sort(), describeFindings(findings)).toEqual([json, js].sort());
  });

  it('names a page whose JS does not parse', async () => {
    const dir = copy('js-syntax');
    const file = breakJsSyntax(dir, readAppJson(dir).pages[0] as string);
    const { findings } = await runCiChecks(dir, ['compile']);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'ci.getCompiledResult', file });
  });

  it('fails a main package over our 1 MB budget, and over WeChat’s 1.5 MB, naming its biggest file', async () => {
    const dir = copy('over-budget');
    const file = padFile(dir, 'app.js', 1600 * 1024);
    const ci = await runCiChecks(dir, ['quality']);
    const wechat = checkBudget(ci.sizes, 'WeChat', dir);
    const ours = checkBudget(packageSizes(dir), 'ours', dir);
    // WeChat's own limit trips too: its report says success: false, though its command line exits 0.
    expect(ci.findings.map((f) => f.check), describeFindings(ci.findings)).toEqual(['ci.checkCodeQuality']);
    for (const found of [wechat, ours]) {
      expect(found, describeFindings(found)).toHaveLength(1);
      expect(found[0]?.file).toContain(file);
    }
  });
});
