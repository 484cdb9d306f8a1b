import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const modules = new Map<string, { exports: unknown }>();

/**
 * CommonJS for the build's own files, as WeChat loads them: compiled as they are (Node's require
 * would pass them through tsx's loader in this process), relative requires resolved in the build.
 */
export function requireBuildFile(file: string): unknown {
  const resolved = existsSync(file) || !existsSync(`${file}.js`) ? file : `${file}.js`;
  const cached = modules.get(resolved);
  if (cached) return cached.exports;
  const module = { exports: {} as unknown };
  modules.set(resolved, module);
  const run = vm.compileFunction(readFileSync(resolved, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: resolved });
  const requireHere = (id: string) => (/^\.{0,2}\//.test(id) ? requireBuildFile(path.resolve(path.dirname(resolved), id)) : require(id));
  run(module.exports, requireHere, module, resolved, path.dirname(resolved));
  return module.exports;
}
