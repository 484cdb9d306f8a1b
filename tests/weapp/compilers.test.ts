import { describe, expect, it } from 'vitest';
import { copiesForThisFile, readAppJson } from './support/build-dir';
import { checkStyles, checkTemplates, compilerBinaries } from './support/compilers';
import { describeFindings } from './support/findings';
import { breakWxmlExpression, breakWxs, breakWxss } from './support/variants';

/** WeChat's template and style compilers (wcc, wcsc) over every .wxml, .wxs and .wxss. */

const bins = compilerBinaries();
const unavailable = 'unavailable' in bins ? bins.unavailable : undefined;
// Said out loud, not just skipped: on an ARM machine this whole step does not run.
if (unavailable) console.warn(`[weapp] SKIPPING the wcc/wcsc checks: ${unavailable}`);
const bin = 'dir' in bins ? bins.dir : '';

const copy = copiesForThisFile();

describe.skipIf(unavailable)(unavailable ? `wcc and wcsc (skipped: ${unavailable})` : 'wcc and wcsc', () => {
  it('compile every template, .wxs and style of the real build', () => {
    const dir = copy('compilers');
    const started = performance.now();
    const findings = [...checkTemplates(dir, bin), ...checkStyles(dir, bin)];
    console.log(`[weapp] wcc + wcsc: ${Math.round(performance.now() - started)} ms`);
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('name the page with a broken {{ }} expression', () => {
    const dir = copy('wxml-expr');
    const file = breakWxmlExpression(dir, readAppJson(dir).pages[0] as string);
    const findings = checkTemplates(dir, bin);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'wcc', file });
  });

  it('name a .wxs file that does not parse', () => {
    const dir = copy('wxs');
    const file = breakWxs(dir, 'utils.wxs'); // Taro's helpers for its templates, in every weapp build
    const findings = checkTemplates(dir, bin);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'wcc', file });
  });

  it('name the stylesheet with a syntax error', () => {
    const dir = copy('wxss');
    const file = breakWxss(dir, readAppJson(dir).pages[0] as string);
    const findings = checkStyles(dir, bin);
    expect(findings, describeFindings(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'wcsc', file });
    expect(findings[0]?.message).toMatch(/unexpected/i);
  });
});
