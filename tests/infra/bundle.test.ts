import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployedRoutes } from '../../functions/src/api';
import { RUNTIME_PROVIDED_MODULES } from '../../infra/src/constructs/api';
import { repoRoot } from '../../infra/src/paths';
import { buildStack } from './helpers';
import { msFromNow } from '../support/time';

/**
 * Bundles the uploads domain with the stack's real NodejsFunction settings (esbuild, ESM, externals) and
 * runs the result in a fresh Node process, as Lambda loads `index.mjs`. The entry re-exports the
 * real handler and adds a `probe` that drives S3UploadStore, so the presigners' dynamic import()
 * is exercised inside the bundle: a presigned POST form and a presigned GET link are signed
 * offline with dummy credentials. The work folder sits under the repo (cdk.out.test* is ignored)
 * so the external @aws-sdk clients resolve from node_modules, standing in for the runtime's copy.
 */
const PROBE_ENTRY = `
export { handler } from ${JSON.stringify(path.join(repoRoot, 'functions/src/api/uploads'))};
import { S3UploadStore } from ${JSON.stringify(path.join(repoRoot, 'functions/src/uploads/s3-upload-store'))};

export async function probe(bucket, key, expiresAt) {
  const store = new S3UploadStore(bucket);
  const form = await store.presign({ key, contentType: 'image/png', maxBytes: 1024, expiresAt: new Date(expiresAt) });
  return { form, link: await store.downloadUrl(key) };
}
`;

let work: string;
let bundle: string;

beforeAll(() => {
  work = mkdtempSync(path.join(repoRoot, 'infra', 'cdk.out.test-bundle-'));
  const apiDir = path.join(work, 'api');
  mkdirSync(apiDir);
  writeFileSync(path.join(apiDir, 'uploads.ts'), PROBE_ENTRY);
  const outdir = path.join(work, 'cdk.out');
  buildStack({ routes: deployedRoutes.filter((r) => r.domain === 'uploads'), apiDir }, { bundle: { outdir } });
  // Two bundles: the probe's, and the scheduled reminder job's (every stack has it). The probe's exports `probe`.
  const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
  expect(assets).toHaveLength(2);
  const probe = assets.filter((a) => /export\{[^}]*\bprobe\b/.test(readFileSync(path.join(outdir, a, 'index.mjs'), 'utf8')));
  expect(probe).toHaveLength(1);
  bundle = path.join(outdir, probe[0]!, 'index.mjs');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Every module the bundle still imports at run time (static and dynamic), read by esbuild's own
 * parser from the finished bundle (a text search would also hit SDK error messages that quote
 * `require("@aws-sdk/signature-v4-crt")`). Calls through the shimmed `require` are not listed, but
 * esbuild only leaves those for externals and Node built-ins, which is what the test limits.
 */
async function specifiers(file: string): Promise<string[]> {
  const result = await build({ entryPoints: [file], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
  const input = Object.values(result.metafile.inputs)[0]!;
  return [...new Set(input.imports.map((i) => i.path))].sort();
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}$`);

describe('domain bundle (uploads, bundled as cdk synth does)', () => {
  it('imports only Node built-ins and the SDK clients the Lambda runtime provides', async () => {
    const external = await specifiers(bundle);
    expect(external).toContain('@aws-sdk/client-s3'); // dynamic import, left to the runtime
    const runtime = RUNTIME_PROVIDED_MODULES.map(glob);
    const builtins = new Set(builtinModules);
    for (const s of external) {
      const ok = s.startsWith('node:') || builtins.has(s) || runtime.some((re) => re.test(s));
      expect(ok, `bundle imports ${s}`).toBe(true);
    }
  });

  it('bundles the two presigners instead of importing them from the runtime', async () => {
    const external = await specifiers(bundle);
    expect(external).not.toContain('@aws-sdk/s3-presigned-post');
    expect(external).not.toContain('@aws-sdk/s3-request-presigner');
  });

  it('loads as ESM and signs an upload form and a download link through the dynamic imports', () => {
    const script = `
      const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      if (typeof m.handler !== 'function') throw new Error('no handler export');
      console.log(JSON.stringify(await m.probe('probe-bucket', 'uploads/branch-1/0000-probe', ${JSON.stringify(msFromNow(600_000))})));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: work,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        HOME: work, // no ~/.aws profile may leak in
        AWS_REGION: 'ap-east-1',
        AWS_ACCESS_KEY_ID: 'AKIAPROBEPROBEPROBE0',
        AWS_SECRET_ACCESS_KEY: 'probe-secret',
        AWS_SESSION_TOKEN: 'probe-session-token', // Lambda roles sign with session credentials
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    const { form, link } = JSON.parse(out.trim().split('\n').pop()!) as { form: { url: string; fields: Record<string, string> }; link: string };

    expect(form.url).toBe('https://probe-bucket.s3.ap-east-1.amazonaws.com/');
    expect(form.fields).toMatchObject({ key: 'uploads/branch-1/0000-probe', 'Content-Type': 'image/png', 'X-Amz-Security-Token': 'probe-session-token' });
    expect(form.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    const policy = JSON.parse(Buffer.from(form.fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 1024]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'image/png']);
    expect(policy.conditions).toContainEqual({ bucket: 'probe-bucket' });

    const url = new URL(link);
    expect(url.host).toBe('probe-bucket.s3.ap-east-1.amazonaws.com');
    expect(url.pathname).toBe('/uploads/branch-1/0000-probe');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});
