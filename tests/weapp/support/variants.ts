/**
 * Deliberately broken copies of the real build, one fault each, to prove every check can fail
 * and names the file. Each function changes the copy in `dir` and returns the file it broke.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withThrowingComponent } from './runtime-smoke';

export function removePageFile(dir: string, route: string, ext = '.js'): string {
  const file = `${route}${ext}`;
  rmSync(path.join(dir, file));
  return file;
}

/** `{{ a + }}` is no expression: only WeChat's wcc sees it. */
export function breakWxmlExpression(dir: string, route: string): string {
  const file = `${route}.wxml`;
  appendFileSync(path.join(dir, file), '\n<view>{{ total + }}</view>\n');
  return file;
}

export function breakWxs(dir: string, file: string): string {
  appendFileSync(path.join(dir, file), '\nmodule.exports.broken = function( {\n');
  return file;
}

export function breakWxss(dir: string, route: string): string {
  const file = `${route}.wxss`;
  appendFileSync(path.join(dir, file), '\n.broken { color: red;\n.inner { }}} {\n');
  return file;
}

export function breakJsSyntax(dir: string, route: string): string {
  const file = `${route}.js`;
  appendFileSync(path.join(dir, file), '\nvar broken = {;\n');
  return file;
}

export function makePageThrow(dir: string, route: string): string {
  const file = `${route}.js`;
  const full = path.join(dir, file);
  writeFileSync(full, withThrowingComponent(readFileSync(full, 'utf8'), route));
  return file;
}

/** Grows a main-package file by `bytes` with a comment: the size checks count bytes, not code. */
export function padFile(dir: string, file: string, bytes: number): string {
  appendFileSync(path.join(dir, file), `\n/*${'x'.repeat(bytes)}*/\n`);
  return file;
}

/** Points the page's first usingComponents entry at a folder that does not exist. */
export function breakComponentPath(dir: string, route: string): string {
  const file = `${route}.json`;
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, 'utf8')) as { usingComponents?: Record<string, string> };
  const [name] = Object.keys(json.usingComponents ?? {});
  if (!name) throw new Error(`${file} uses no components to break`);
  json.usingComponents = { ...json.usingComponents, [name]: './no-such-component' };
  writeFileSync(full, JSON.stringify(json));
  return file;
}

export function requireMissingModule(dir: string, route: string): string {
  const file = `${route}.js`;
  appendFileSync(path.join(dir, file), '\nrequire("./no-such-module.js");\n');
  return file;
}
