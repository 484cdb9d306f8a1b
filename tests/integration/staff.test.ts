import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { buildServices } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { topOrgId } from '../../functions/src/services/staff-service';
import { runAdmin } from '../../scripts/admin';
import { startFakeWechat } from '../../local/fake-wechat';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { testClock } from '../support/clock';

/**
 * Staff roles end to end over HTTP: the first administrator from the bootstrap command, invites to a
 * role and scope, binding them in WeChat, the staff list in words, withdrawal taking effect on the
 * very next request, and guessing codes refused after a few wrong ones.
 */
let stack: TestStack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let admin: string;

const visitor = async (name: string) => (await stack.call('POST', '/auth/wechat', { body: { code: `code-${name}` } })).body.token as string;
const bind = (token: string, inviteCode: string) => stack.call('POST', '/bindings', { token, body: { inviteCode } });
const services = () => buildServices({ db: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName, clock: testClock });

beforeAll(async () => {
  wechat = await startFakeWechat({ appSecret: () => JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8'))['local/wechat-app-secret'] });
  stack = await startTestStack({ wechatApiBase: wechat.url });
  admin = await stack.login('admin');
});
afterAll(async () => {
  await stack?.stop();
  await wechat?.close();
});

describe('the first administrator of a fresh deployment', () => {
  const orgName = '某市委老干部局离退休干部工委';
  const args = ['bootstrap', '--org', orgName, '--name', '郑国强', '--endpoint', '', '--table', ''];

  it('creates the top organisation once and a one-time administrator invite each run, and the invite makes an administrator', async () => {
    const run = async () => {
      const lines: string[] = [];
      const code = await runAdmin(args.map((a, i) => (i === 6 ? stack.dynamoEndpoint : i === 8 ? stack.tableName : a)), { print: (l) => lines.push(l), clock: testClock });
      expect(code).toBe(0);
      const invite = /管理员邀请码：([A-Z0-9]{6})/.exec(lines.join('\n'))?.[1];
      expect(invite, lines.join('\n')).toBeDefined();
      return { text: lines.join('\n'), invite: invite! };
    };
    const first = await run();
    expect(first.text).toContain(`组织：${orgName}（已新建）`);
    expect(first.text).toContain(`pages/bind/index?code=${first.invite}`);
    const second = await run();
    expect(second.text).toContain('已存在，未重复创建');
    expect(second.invite).not.toBe(first.invite);

    const orgId = topOrgId(orgName);
    expect(await services().repositories.orgs.getOrg(orgId)).toEqual({ id: orgId, name: orgName });

    const bound = await bind(await visitor('first-admin'), first.invite);
    expect(bound.status).toBe(200);
    expect(bound.body.me).toMatchObject({ role: 'admin', displayName: '郑国强', orgId, orgName });
    expect(bound.body.me.can['staff.invite']).toBe(true);
    // The used invite leaves the pending list; the second run's is still there.
    const list = await stack.call('GET', `/orgs/${orgId}/staff`, { token: bound.body.token });
    expect(list.status).toBe(200);
    expect(list.body.staff).toEqual([expect.objectContaining({ name: '郑国强', role: 'admin', roleText: '管理员', scopeText: orgName })]);
    expect(list.body.pendingInvites.map((i: { code: string }) => i.code)).toEqual([second.invite]);
    // The code works once.
    expect((await bind(await visitor('second-try'), first.invite)).status).toBe(404);

    const trail = await services().repositories.audit.list(orgId, '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    const sentences = trail.map((e) => auditSentence(e));
    expect(sentences.filter((s) => s.includes(`创建了组织「${orgName}」`))).toHaveLength(1);
    expect(sentences.some((s) => s.includes(`部署人员邀请郑国强担任${orgName}的管理员`))).toBe(true);
    expect(sentences.some((s) => s.includes(`郑国强（管理员）接受邀请，担任${orgName}的管理员`))).toBe(true);
  });

  it('says how to use it when the organisation is missing', async () => {
    const lines: string[] = [];
    expect(await runAdmin(['bootstrap'], { print: (l) => lines.push(l) })).toBe(2);
    expect(lines.join('\n')).toContain('用法');
  });
});

describe('staff invites, the staff list and withdrawal', () => {
  it('invites a secretary to a branch; binding gives that role and scope; withdrawal stops the token at once', async () => {
    const invited = await stack.call('POST', '/orgs/org-chengnan/staff-invites', {
      token: admin, idempotencyKey: 'invite-zhou-1', body: { name: '周新华', role: 'secretary', branchId: 'br-2' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ name: '周新华', role: 'secretary', roleText: '支部书记', scopeText: '第二离退休干部党支部', branchId: 'br-2' });
    expect(invited.body.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(invited.body.path).toBe(`pages/bind/index?code=${invited.body.code}`);
    const days = (Date.parse(invited.body.expiresAt) - testClock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // The same submission again answers the same invite.
    const repeat = await stack.call('POST', '/orgs/org-chengnan/staff-invites', {
      token: admin, idempotencyKey: 'invite-zhou-1', body: { name: '周新华', role: 'secretary', branchId: 'br-2' },
    });
    expect(repeat.body.code).toBe(invited.body.code);

    const pending = await stack.call('GET', '/orgs/org-chengnan/staff', { token: admin });
    expect(pending.body.pendingInvites).toEqual([expect.objectContaining({ code: invited.body.code, name: '周新华', roleText: '支部书记', scopeText: '第二离退休干部党支部' })]);
    // Words for people: the demo staff by name and role, never an id as their name.
    expect(pending.body.staff).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: '张卫东', roleText: '支部书记', scopeText: '第一离退休干部党支部' }),
      expect.objectContaining({ name: '周明', roleText: '督导', scopeText: '城南街道离退休干部党工委' }),
    ]));
    for (const s of pending.body.staff) expect(s.name).not.toMatch(/^u-/);

    const zhouVisitor = await visitor('zhou');
    const bound = await bind(zhouVisitor, invited.body.code);
    expect(bound.status).toBe(200);
    expect(bound.body.me).toMatchObject({ role: 'secretary', displayName: '周新华', orgId: 'org-chengnan', branchId: 'br-2', branchName: '第二离退休干部党支部' });
    const zhou = bound.body.token as string;
    expect((await stack.call('GET', '/branches/br-2/members', { token: zhou })).status).toBe(200);
    expect((await stack.call('GET', '/branches/br-1/members', { token: zhou })).status).toBe(404);
    // Members of the branch read their secretary's name.
    expect((await stack.call('GET', '/branches/br-2', { token: zhou })).body.secretaryName).toBe('周新华');

    const after = await stack.call('GET', '/orgs/org-chengnan/staff', { token: admin });
    expect(after.body.pendingInvites).toEqual([]);
    const held = after.body.staff.find((s: { name: string }) => s.name === '周新华');
    expect(held).toMatchObject({ role: 'secretary', roleText: '支部书记', scopeText: '第二离退休干部党支部', userId: bound.body.me.userId });

    const withdrawn = await stack.call('POST', `/orgs/org-chengnan/staff/${held.userId}/withdraw`, { token: admin });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ name: '周新华', role: 'secretary' });
    expect(withdrawn.body.withdrawnAt).toBeDefined();
    // The very next request with the old token: 401, in words.
    const refused = await stack.call('GET', '/branches/br-2/members', { token: zhou });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('ROLE_WITHDRAWN');
    expect(refused.body.error.message).toContain('职务已被收回');
    expect((await stack.call('GET', '/me', { token: zhou })).status).toBe(401);
    // A write is refused before it does anything, even with a body it would refuse itself; a read's
    // own mistake gives way to the refusal too (reads run beside the check, writes after it).
    const write = await stack.call('POST', '/branches/br-2/members', { token: zhou, body: { ...validMember, name: '不该写入' }, idempotencyKey: 'withdrawn-write-1' });
    expect(write.status).toBe(401);
    expect((await stack.call('POST', '/branches/br-2/members', { token: zhou, body: {}, idempotencyKey: 'withdrawn-write-2' })).body.error.code).toBe('ROLE_WITHDRAWN');
    expect((await stack.call('GET', '/branches/br-2/ledger?period=not-a-period', { token: zhou })).body.error.code).toBe('ROLE_WITHDRAWN');
    const roll = await stack.call('GET', '/branches/br-2/members', { token: admin });
    expect(roll.status).toBe(200);
    expect(JSON.stringify(roll.body)).not.toContain('不该写入');
    // Gone from the list; withdrawing again changes nothing; WeChat login makes them a visitor again.
    const gone = await stack.call('GET', '/orgs/org-chengnan/staff', { token: admin });
    expect(gone.body.staff.some((s: { name: string }) => s.name === '周新华')).toBe(false);
    expect((await stack.call('POST', `/orgs/org-chengnan/staff/${held.userId}/withdraw`, { token: admin })).status).toBe(200);
    expect((await stack.call('POST', '/auth/wechat', { body: { code: 'code-zhou' } })).body.me.role).toBe('visitor');
    expect((await stack.call('GET', '/branches/br-2', { token: admin })).body.secretaryName).toBeUndefined();

    // Invited again, as a contact: the old secretary token still does not work, the new one does.
    const again = await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: admin, body: { name: '周新华', role: 'contact', branchId: 'br-2' } });
    const rebound = await bind(await visitor('zhou'), again.body.code);
    expect(rebound.body.me).toMatchObject({ role: 'contact', userId: held.userId });
    expect((await stack.call('GET', '/me', { token: zhou })).status).toBe(401);
    expect((await stack.call('GET', '/me', { token: rebound.body.token })).status).toBe(200);

    const trail = await services().repositories.audit.list('br-2', '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    const sentences = trail.map((e) => auditSentence(e)).join('\n');
    expect(sentences).toContain('党工委管理员（管理员）邀请周新华担任第二离退休干部党支部的支部书记');
    expect(sentences).toContain('周新华（支部书记）接受邀请，担任第二离退休干部党支部的支部书记');
    expect(sentences).toContain('党工委管理员（管理员）收回了周新华担任的第二离退休干部党支部的支部书记');
  });

  it('invites inspectors and administrators to the organisation, not a branch', async () => {
    const inspector = await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: admin, body: { name: '吴督导', role: 'inspector' } });
    expect(inspector.status).toBe(201);
    expect(inspector.body).toMatchObject({ roleText: '督导', scopeText: '城南街道离退休干部党工委' });
    expect(inspector.body.branchId).toBeUndefined();
    const bound = await bind(await visitor('wu'), inspector.body.code);
    expect(bound.body.me).toMatchObject({ role: 'inspector', orgId: 'org-chengnan' });
    expect((await stack.call('GET', '/orgs/org-chengnan/branches', { token: bound.body.token })).status).toBe(200);
  });

  it('changes a role at once: the old token answers 401, the next login carries the new role', async () => {
    const invite = await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: admin, body: { name: '钱联络', role: 'contact', branchId: 'br-1' } });
    const bound = await bind(await visitor('qian'), invite.body.code);
    const old = bound.body.token as string;
    expect((await stack.call('GET', '/contacts/me/visits', { token: old })).status).toBe(200);

    const bad = await stack.call('POST', `/orgs/org-chengnan/staff/${bound.body.me.userId}/role`, { token: admin, body: { role: 'inspector', branchId: 'br-1' } });
    expect(bad.status).toBe(422);
    const changed = await stack.call('POST', `/orgs/org-chengnan/staff/${bound.body.me.userId}/role`, { token: admin, body: { role: 'inspector' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: '钱联络', role: 'inspector', roleText: '督导', scopeText: '城南街道离退休干部党工委' });
    expect(changed.body.branchId).toBeUndefined();

    const refused = await stack.call('GET', '/contacts/me/visits', { token: old });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('SESSION_OUTDATED');
    expect(refused.body.error.message).toContain('重新登录');
    const again = await stack.call('POST', '/auth/wechat', { body: { code: 'code-qian' } });
    expect(again.body.me).toMatchObject({ role: 'inspector', displayName: '钱联络' });
    expect((await stack.call('GET', '/orgs/org-chengnan/branches', { token: again.body.token })).status).toBe(200);
    expect((await stack.call('POST', `/orgs/org-chengnan/staff/u-demo-admin/role`, { token: admin, body: { role: 'inspector' } })).status).toBe(409);

    const trail = await services().repositories.audit.list('org-chengnan', '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    expect(trail.map((e) => auditSentence(e)).join('\n')).toContain('把钱联络的职务由第一离退休干部党支部的结对联系人改为城南街道离退休干部党工委的督导');
  });

  it('answers bad input in Chinese naming the field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ name: '刘某', role: 'secretary' }, 'branchId'],
      [{ name: '刘某', role: 'inspector', branchId: 'br-1' }, 'branchId'],
      [{ name: '刘某', role: 'secretary', branchId: 'br-elsewhere' }, 'branchId'],
      [{ name: '刘某', role: 'member', branchId: 'br-1' }, 'role'],
      [{ name: '', role: 'contact', branchId: 'br-1' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const { status, body: answer } = await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: admin, body });
      expect(status, JSON.stringify(body)).toBe(422);
      const issue = answer.error.fields.find((f: { path: string }) => f.path === field);
      expect(issue?.message, JSON.stringify(answer)).toMatch(/^(支部|职务|姓名)：/);
    }
    const list = await stack.call('GET', '/orgs/org-chengnan/staff', { token: admin });
    expect(list.body.pendingInvites.some((i: { name: string }) => i.name === '刘某')).toBe(false);
  });

  it('lets only the administrator of the organisation invite, list and withdraw', async () => {
    const secretary = await stack.login('secretary-1');
    const inspector = await stack.login('inspector');
    const body = { name: '冒名者', role: 'admin' };
    expect((await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: secretary, body })).status).toBe(404);
    expect((await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: inspector, body })).status).toBe(403);
    expect((await stack.call('GET', '/orgs/org-chengnan/staff', { token: inspector })).status).toBe(403);
    expect((await stack.call('GET', '/orgs/org-elsewhere/staff', { token: admin })).status).toBe(404);
    expect((await stack.call('POST', '/orgs/org-chengnan/staff/u-demo-sec1/withdraw', { token: inspector })).status).toBe(403);
    const self = await stack.call('POST', '/orgs/org-chengnan/staff/u-demo-admin/withdraw', { token: admin });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('SELF_WITHDRAW');
    // Members are not staff: withdrawing one answers 404.
    expect((await stack.call('POST', '/orgs/org-chengnan/staff/u-demo-wang/withdraw', { token: admin })).status).toBe(404);
    // Nothing was withdrawn: the secretary still works.
    expect((await stack.call('GET', '/branches/br-1/members', { token: secretary })).status).toBe(200);
  });
});

describe('guessing invite codes', () => {
  it('refuses an identity for a while after five wrong codes, even a right one; others are not affected', async () => {
    const guesser = await visitor('guesser');
    const wrong = ['ZZZZZ2', 'ZZZZZ3', 'ZZZZZ4', 'ZZZZZ5', 'ZZZZZ6'];
    for (const code of wrong) expect((await bind(guesser, code)).status).toBe(404);
    const invite = await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: admin, body: { name: '林新', role: 'contact', branchId: 'br-1' } });
    const refused = await bind(guesser, invite.body.code);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('INVITE_ATTEMPTS_EXCEEDED');
    expect(refused.body.error.message).toContain('输错次数太多');
    // A fresh token of the same WeChat identity is the same identity.
    expect((await bind(await visitor('guesser'), invite.body.code)).status).toBe(429);
    // Someone else binds with it.
    expect((await bind(await visitor('lin'), invite.body.code)).body.me).toMatchObject({ role: 'contact', displayName: '林新' });
  });
});
