import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readAppJson, subpackageRoots } from './build-dir';
import type { Finding } from './findings';

/** Our own budget for the main package, well under WeChat's: elders on slow phones wait for it at every cold start. */
export const MAIN_PACKAGE_BUDGET = 1024 * 1024;
/** WeChat refuses an upload with any subpackage over 2 MB. */
export const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;

/** The key WeChat's tools use for the main package. */
export const MAIN = '__APP__';

/** Files in the build that WeChat does not upload (webpack's licence notes, maps, docs), so they do not count. */
const notUploaded = /\.(txt|map|md)$/i;

function filesUnder(dir: string, rel = ''): { file: string; bytes: number }[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const file = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return filesUnder(dir, file);
    return notUploaded.test(e.name) ? [] : [{ file, bytes: statSync(path.join(dir, file)).size }];
  });
}

/** Which package a build file belongs to: the subpackage whose root it is under, else the main package. */
function packageOf(file: string, roots: string[]): string {
  return roots.find((r) => file.startsWith(r)) ?? MAIN;
}

/**
 * Our own count of each package's bytes, keyed like checkCodeQuality's report: every uploaded file
 * under a subpackage root belongs to it, everything else to the main package.
 */
export function packageSizes(dir: string): Record<string, number> {
  const roots = subpackageRoots(readAppJson(dir));
  const sizes: Record<string, number> = { [MAIN]: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) };
  for (const { file, bytes } of filesUnder(dir)) {
    const root = packageOf(file, roots);
    sizes[root] = (sizes[root] ?? 0) + bytes;
  }
  return sizes;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The three biggest files of a package, so a size finding names where the bytes are. */
function biggestFiles(dir: string, root: string): string {
  const roots = subpackageRoots(readAppJson(dir));
  return filesUnder(dir)
    .filter((f) => packageOf(f.file, roots) === root)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((f) => `${f.file} ${kb(f.bytes)}`)
    .join(', ');
}

/**
 * Compares one size report (WeChat's or ours, named by `source`) with our main-package budget and
 * WeChat's subpackage limit. `dir` is the build, to name the biggest files of a package over.
 */
export function checkBudget(sizes: Record<string, number>, source: string, dir: string): Finding[] {
  const check = `budget(${source})`;
  const main = sizes[MAIN];
  if (main === undefined) return [{ check, file: '(main package)', message: 'no main package size in the report' }];
  const findings: Finding[] = [];
  if (main > MAIN_PACKAGE_BUDGET) {
    const file = `(main package) ${biggestFiles(dir, MAIN)}`;
    findings.push({ check, file, message: `main package is ${kb(main)}, over our budget of ${kb(MAIN_PACKAGE_BUDGET)}` });
  }
  for (const [root, bytes] of Object.entries(sizes)) {
    if (root !== MAIN && bytes > SUBPACKAGE_LIMIT) {
      findings.push({ check, file: `${root} ${biggestFiles(dir, root)}`, message: `subpackage is ${kb(bytes)}, over WeChat's limit of ${kb(SUBPACKAGE_LIMIT)}` });
    }
  }
  return findings;
}
