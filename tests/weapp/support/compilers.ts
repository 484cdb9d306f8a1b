import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Finding } from './findings';

/**
 * WeChat's own template and style compilers, `wcc` and `wcsc`, as shipped in miniprogram-compiler.
 * They catch broken `{{ }}` expressions and `.wxs` syntax, which miniprogram-ci lets through.
 * We call the programs directly rather than through the package's wrappers: the WXSS wrapper
 * returns (not throws) a bare "编译 .wxss 文件错误" and loses the reason, and neither names the file.
 */

const binDir = path.join(path.dirname(createRequire(import.meta.url).resolve('miniprogram-compiler/package.json')), 'bin');

/** The folder with `wcc` and `wcsc` for this machine, or why there is none. They are x86-64 only. */
export function compilerBinaries(): { dir: string } | { unavailable: string } {
  const os = process.platform === 'linux' ? 'linux' : process.platform === 'darwin' ? 'mac' : undefined;
  if (!os || process.arch !== 'x64') {
    return { unavailable: `WeChat's wcc/wcsc are x86-64 Linux/macOS programs; this machine is ${process.platform}-${process.arch}` };
  }
  return { dir: path.join(binDir, os) };
}

/** npm 11 skips install scripts and the tarball lacks exec bits: set them, as the package's own wrapper does. */
function executable(file: string): string {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755);
  }
  return file;
}

function filesWithExt(dir: string, exts: string[], rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => {
      const file = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return filesWithExt(dir, exts, file);
      return exts.includes(path.extname(e.name)) ? [file] : [];
    })
    .sort();
}

/** The `-cc` argument as the DevTools build it: how many templates use components, then each one's path, count and tag names. */
function componentArgs(dir: string, wxml: string[]): string {
  const parts: string[] = [];
  let count = 0;
  for (const file of wxml) {
    const json = path.join(dir, file.replace(/\.wxml$/, '.json'));
    if (!existsSync(json)) continue;
    const names = Object.keys((JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: object }).usingComponents ?? {});
    if (names.length === 0) continue;
    count++;
    parts.push(file, String(names.length), ...names);
  }
  return [count, ...parts].join(' ');
}

/** The `path:line:col:` that wcc starts its error with, or the build when it names none. */
function fileOf(message: string, fallback: string): string {
  return /^([^\s:]+\.(?:wxml|wxs)):\d+/m.exec(message)?.[1] ?? fallback;
}

/**
 * Compiles every .wxml and .wxs together, as the DevTools do (a template needs the .wxs files it
 * loads). wcc stops at the first error, so one finding at most.
 */
export function checkTemplates(dir: string, bin: string): Finding[] {
  const wxml = filesWithExt(dir, ['.wxml']);
  const wxs = filesWithExt(dir, ['.wxs']);
  const run = spawnSync(executable(path.join(bin, 'wcc')), ['-d', '-cc', componentArgs(dir, wxml), ...wxml, ...wxs, '-gn', '$gwx'], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) return [{ check: 'wcc', file: '(build)', message: `could not run wcc: ${run.error.message}` }];
  if (run.status === 0) return [];
  const message = run.stderr.toString().trim() || `wcc exited ${run.status ?? run.signal} without a message`;
  return [{ check: 'wcc', file: fileOf(message, '(build)'), message }];
}

/** The .wxss files `file` imports, directly or not, relative to the build root (wcsc must be given them). */
function stylesImportedBy(dir: string, file: string, seen = new Set<string>([file])): string[] {
  const found: string[] = [];
  for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/@import\s+["']([^"']+)["']/g)) {
    const target = m[1] ?? '';
    const rel = target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(file), target);
    // A missing import is left off: wcsc then reports it "not found".
    if (seen.has(rel) || !existsSync(path.join(dir, rel))) continue;
    seen.add(rel);
    found.push(rel, ...stylesImportedBy(dir, rel, seen));
  }
  return found;
}

/**
 * Compiles each .wxss with `wcsc -db -pc 1 FILE IMPORTS...`, which prints the real error
 * (`ERR: FILE(line:col): ...`). One run per file, so every broken file is named; a file's
 * @imports must be on the command line too or wcsc reports them "not found".
 */
export function checkStyles(dir: string, bin: string): Finding[] {
  const wcsc = executable(path.join(bin, 'wcsc'));
  const findings = new Map<string, Finding>();
  for (const file of filesWithExt(dir, ['.wxss'])) {
    const run = spawnSync(wcsc, ['-db', '-pc', '1', file, ...stylesImportedBy(dir, file)], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    if (run.error) return [{ check: 'wcsc', file, message: `could not run wcsc: ${run.error.message}` }];
    if (run.status === 0) continue;
    const message = run.stderr.toString().trim() || `wcsc exited ${run.status ?? run.signal} without a message`;
    // A broken imported file is reported by every file that imports it: name it once.
    const named = /^ERR: ([^\s(]+\.wxss)\(/m.exec(message)?.[1] ?? file;
    findings.set(`${named}\n${message}`, { check: 'wcsc', file: named, message });
  }
  return [...findings.values()];
}
