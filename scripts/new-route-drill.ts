/**
 * `npm run drill:new-route`: shows that a new route needs its domain module and its schema, and
 * nothing else. On a copy of the committed tree it adds one route ("a greeting for a member": a
 * schema in shared/src/schemas/member.ts, a declaration in functions/src/api/members.ts), then
 * regenerates the OpenAPI document and runs what derives from the declarations:
 *
 *   - the typecheck of the back end and the mini-program (RouteTypes gives the client its types);
 *   - tests/unit/routes.test.ts (the domain router serves it, the OpenAPI document lists it) and
 *     tests/unit/openapi.test.ts (the document is current);
 *   - tests/infra/api.test.ts (the synthesized stack deploys it on the members function);
 *   - a call through the local stack: the secretary gets the greeting, another branch's secretary 404,
 *     because the declaration's `can` decides.
 *
 * It then lists the files that differ from the committed tree: the two edits and the generated
 * docs/openapi.json. Takes two to four minutes. Leaves nothing behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const copy = mkdtempSync(path.join(tmpdir(), 'new-route-drill-'));
const workspaces = ['shared', 'functions', 'infra', 'miniapp'];

/** The schema and the declaration a developer would write: the whole change. */
const edits: { file: string; after: string | RegExp; insert: string }[] = [
  {
    file: 'shared/src/schemas/member.ts',
    after: /$/,
    insert: `
/** A greeting for a member, by name (the new-route drill's example). */
export const MemberGreeting = z.object({ memberId: z.string(), words: z.string() });
export type MemberGreeting = z.infer<typeof MemberGreeting>;
`,
  },
  {
    file: 'functions/src/api/members.ts',
    after: 'export const routes = [\n',
    insert: `  defineRoute({
    id: 'member-greeting', method: 'GET', path: '/api/v1/members/{memberId}/greeting', auth: 'token', can: 'member.read', summary: '问候党员',
    response: MemberGreeting,
    handle: async ({ ctx, actor, params }) => {
      const member = await ctx.members.get(actor, params.memberId);
      return { memberId: member.id, words: \`\${member.name}同志，您好\` };
    },
  }),
`,
  },
];

function step(label: string, command: string, args: string[]): void {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(command, args, { cwd: copy, stdio: 'inherit', env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  if (r.status !== 0) fail(`${label} failed (exit ${r.status ?? r.signal})`);
  console.log(`  ✓ ${label} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function fail(message: string): never {
  console.error(`\n✗ ${message}. The copy is kept for a look: ${copy}`);
  process.exit(1);
}

/** The committed tree, with its own git history of one commit to diff against. */
function copyCommittedTree(): void {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) cpSync(path.join(root, f), path.join(copy, f), { recursive: false });
  // Installed packages are shared, but the workspaces' own links must point into the copy.
  mkdirSync(path.join(copy, 'node_modules/@ltx'), { recursive: true });
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry !== '@ltx') symlinkSync(path.join(root, 'node_modules', entry), path.join(copy, 'node_modules', entry));
  }
  for (const w of workspaces) symlinkSync(path.join(copy, w), path.join(copy, 'node_modules/@ltx', w));
  symlinkSync(path.join(root, 'miniapp/node_modules'), path.join(copy, 'miniapp/node_modules'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: copy, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=drill', '-c', 'user.email=drill@localhost', 'commit', '-qm', 'committed tree');
}

function applyEdits(): void {
  for (const e of edits) {
    const file = path.join(copy, e.file);
    const text = readFileSync(file, 'utf8');
    const at = typeof e.after === 'string' ? text.indexOf(e.after) + e.after.length : text.length;
    if (typeof e.after === 'string' && at < e.after.length) fail(`${e.file} no longer has ${JSON.stringify(e.after)}: update the drill`);
    let next = text.slice(0, at) + e.insert + text.slice(at);
    // The declaration's module imports the new schema (a line of its own: whatever the module imports already).
    if (e.file.endsWith('api/members.ts')) next = `import { MemberGreeting } from '@ltx/shared/schemas/member';\n${next}`;
    if (next === text) fail(`could not edit ${e.file}`);
    writeFileSync(file, next);
  }
}

/** The new route through the local stack, as the mini-program would call it. */
const callScript = `
import { startTestStack } from './tests/integration/support/stack';
const stack = await startTestStack();
try {
  const secretary = await stack.login('secretary-1');
  const other = await stack.login('secretary-2');
  const wang = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items.find((m: { name: string }) => m.name === '王建国');
  const mine = await stack.call('GET', \`/members/\${wang.id}/greeting\`, { token: secretary });
  const theirs = await stack.call('GET', \`/members/\${wang.id}/greeting\`, { token: other });
  console.log('  secretary:', mine.status, JSON.stringify(mine.body), '· other branch:', theirs.status);
  if (mine.status !== 200 || mine.body.words !== '王建国同志，您好' || theirs.status !== 404) process.exit(1);
} finally {
  await stack.stop();
}
`;

try {
  const started = Date.now();
  copyCommittedTree();
  applyEdits();
  step('regenerate docs/openapi.json', 'npx', ['tsx', 'scripts/openapi.ts']);
  step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  step('route and OpenAPI tests', 'npx', ['vitest', 'run', '--project', 'unit', 'tests/unit/routes.test.ts', 'tests/unit/openapi.test.ts']);
  step('the synthesized stack deploys it', 'npx', ['vitest', 'run', '--project', 'infra', 'tests/infra/api.test.ts']);
  writeFileSync(path.join(copy, 'drill-call.ts'), callScript);
  step('call it on the local stack', 'npx', ['tsx', 'drill-call.ts']);
  rmSync(path.join(copy, 'drill-call.ts'));
  const changed = execFileSync('git', ['status', '--porcelain'], { cwd: copy, encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
  const expected = ['docs/openapi.json', ...edits.map((e) => e.file)].sort();
  console.log(`\nFiles that differ from the committed tree:\n${changed.map((f) => `  ${f}`).join('\n')}`);
  if (JSON.stringify(changed) !== JSON.stringify(expected)) fail(`expected exactly ${expected.join(', ')}`);
  console.log(`\n✓ A new route took its schema and its declaration, and nothing else (${((Date.now() - started) / 1000).toFixed(0)} s).`);
  rmSync(copy, { recursive: true, force: true });
} catch (e) {
  fail(String(e));
}
