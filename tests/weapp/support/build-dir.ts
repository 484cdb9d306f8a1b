import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

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

/** A `copy(label)` for one test file: each copy of the real build is removed once the file's tests are done. */
export function copiesForThisFile(): (label: string) => string {
  const copies: string[] = [];
  afterAll(() => copies.forEach(removeCopy));
  return (label) => {
    const dir = copyRealBuild(label);
    copies.push(dir);
    return dir;
  };
}

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  /** Mini-program plugins by the name `requirePlugin` takes: `{ WechatSI: { version, provider } }`. */
  plugins?: Record<string, { version: string; provider: string }>;
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

/** The build-relative paths (no extension) of the components a page's .json lists in usingComponents. */
export function usedComponents(dir: string, route: string): string[] {
  const json = path.join(dir, `${route}.json`);
  if (!existsSync(json)) return [];
  const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
  return Object.values(using)
    .filter((p) => !p.startsWith('plugin://'))
    .map((p) => (p.startsWith('/') ? p.slice(1) : path.posix.join(path.posix.dirname(route), p)));
}
