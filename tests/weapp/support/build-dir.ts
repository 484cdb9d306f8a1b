import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm run build:weapp` writes. Never written to by the tests: another build may be running. */
export const realBuildDir = path.join(repoRoot, 'miniapp/dist/weapp');

/**
 * Copies the real build into a fresh temp folder. The checks run on the copy because the front-end
 * build may be rewriting miniapp/dist while they run. Throws a clear message when there is no build.
 */
export function copyRealBuild(label: string): string {
  if (!existsSync(path.join(realBuildDir, 'app.json'))) {
    throw new Error(`No weapp build at ${realBuildDir}: run npm run build:weapp first.`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), `weapp-${label}-`));
  cpSync(realBuildDir, dir, { recursive: true });
  return dir;
}

export function removeCopy(dir: string): void {
  if (dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

export function readAppJson(dir: string): AppJson {
  return JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson;
}

/** Subpackage roots with a trailing slash, as WeChat's tools name them (`packages/branch/`). */
export function subpackageRoots(app: AppJson): string[] {
  return (app.subPackages ?? app.subpackages ?? []).map((p) => `${p.root.replace(/\/+$/, '')}/`);
}

/** Every page route in app.json, main package first, then subpackages (`packages/branch/pages/members/index`). */
export function pageRoutes(app: AppJson): string[] {
  const sub = (app.subPackages ?? app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/+$/, '')}/${page}`));
  return [...app.pages, ...sub];
}

/** A page's navigationBarTitleText from its built .json, or undefined. */
export function pageTitle(dir: string, route: string): string | undefined {
  const file = path.join(dir, `${route}.json`);
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { navigationBarTitleText?: string }).navigationBarTitleText;
}
