/**
 * Child-process entry (see child.ts) that runs WeChat's CI package over one build folder.
 * Input: { dir, steps }. Output: CiResult. Works offline with a dummy appid and key.
 */
import ci from 'miniprogram-ci';
import { childMain } from './child';
import type { Finding } from './findings';
import type { CiInput, CiResult, CiStep } from './ci-checks';

type Project = InstanceType<typeof ci.Project>;

interface AnalysedDep {
  error?: string;
}
interface AnalysedModule {
  path: string;
  deps?: AnalysedDep[];
}

/** Missing page files, broken usingComponents paths and unresolved require()s show up as deps with an `error`. */
async function analyse(project: Project): Promise<Finding[]> {
  const result = (await ci.analyseCode(project)) as unknown as { modules: AnalysedModule[] };
  return result.modules.flatMap((m) =>
    (m.deps ?? []).filter((d) => d.error).map((d) => ({ check: 'ci.analyseCode', file: m.path, message: d.error as string })),
  );
}

/**
 * app.json and page json fields, JS syntax, WXML tags and WXSS syntax. It throws at the first
 * error, with the file in `path`. It asks WeChat's server for the project's settings first; offline
 * the defaults stand in (a second, harmless ENOTFOUND for the extension white list is logged).
 */
async function compile(project: Project): Promise<Finding[]> {
  project.attr = async () => ci.DefaultProjectAttr;
  try {
    await ci.getCompiledResult({ project, setting: { es7: true, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true } } as never);
    return [];
  } catch (e) {
    const err = e as { message?: string; path?: string };
    // A JS syntax error quotes the minified line after a blank line: keep what comes before, which says where.
    const message = String(err.message ?? e).split(/\n\s*\n/)[0] ?? '';
    const file = err.path ?? /File: (\S+)/.exec(String(e))?.[1] ?? /^file: (\S+)/.exec(message)?.[1] ?? '(unknown)';
    return [{ check: 'ci.getCompiledResult', file, message: message.length > 600 ? `${message.slice(0, 600)}…` : message }];
  }
}

interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

/** The package-size report. Only PACKAGE_SIZE_LIMIT counts here; the other items are advice (compression flags, lazy loading). */
async function quality(project: Project): Promise<{ findings: Finding[]; sizes: Record<string, number> }> {
  const items = (await ci.checkCodeQuality(project)) as unknown as QualityItem[];
  const size = items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT');
  if (!size) return { findings: [{ check: 'ci.checkCodeQuality', file: 'app.json', message: 'no PACKAGE_SIZE_LIMIT item in the report' }], sizes: {} };
  const sizes = (size.detail ?? {}) as Record<string, number>;
  const findings = size.success ? [] : [{ check: 'ci.checkCodeQuality', file: '(main package)', message: `${size.text}: ${JSON.stringify(sizes)}` }];
  return { findings, sizes };
}

async function main({ dir, steps }: CiInput): Promise<CiResult> {
  const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath: dir, privateKey: 'dummy-key-offline' });
  const result: CiResult = { findings: [], sizes: {}, ms: {} };
  const run: Record<CiStep, () => Promise<Finding[]>> = {
    analyse: () => analyse(project),
    quality: async () => {
      const q = await quality(project);
      result.sizes = q.sizes;
      return q.findings;
    },
    compile: () => compile(project),
  };
  for (const step of steps) {
    const started = performance.now();
    try {
      result.findings.push(...(await run[step]()));
    } catch (e) {
      result.findings.push({ check: `ci.${step}`, file: '(build)', message: `the CI package failed: ${String((e as Error)?.message ?? e)}` });
    }
    result.ms[step] = Math.round(performance.now() - started);
  }
  return result;
}

void childMain(main);
