import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from '../../local/fake-wechat';
import { startTestStack, validMember, type TestStack } from './support/stack';

let stack: TestStack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;

beforeAll(async () => {
  wechat = await startFakeWechat({ appSecret: () => JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8'))['local/wechat-app-secret'] });
  stack = await startTestStack({ wechatApiBase: wechat.url });
});
afterAll(async () => {
  await stack?.stop();
  await wechat?.close();
});

describe('WeChat login and binding with an invite code', () => {
  it('logs an unknown WeChat user in as a visitor who can do nothing but bind', async () => {
    const { status, body } = await stack.call('POST', '/auth/wechat', { body: { code: 'code-stranger' } });
    expect(status).toBe(200);
    expect(body.me.role).toBe('visitor');
    expect(JSON.stringify(body)).not.toContain('SESSION-KEY');
    expect(JSON.stringify(body)).not.toContain('openid-stranger');
    expect(wechat.calls.at(-1)?.get('appid')).toBe('wx0000000000000000');
    expect((await stack.call('GET', '/branches/br-1/members', { token: body.token })).status).toBe(404);
  });

  it('refuses a code WeChat rejects', async () => {
    const { status, body } = await stack.call('POST', '/auth/wechat', { body: { code: 'forged' } });
    expect(status).toBe(401);
    expect(body.error.code).toBe('WECHAT_LOGIN_FAILED');
  });

  it('binds a member and a proxy through invite codes; the code works once', async () => {
    const secretary = await stack.login('secretary-1');
    const created = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '钱老' } });
    const memberId = created.body.id as string;
    expect(created.body.bound).toBe(false);

    const invite = await stack.call('POST', `/members/${memberId}/invites`, { token: secretary, body: { kind: 'self' } });
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[A-Z0-9]{6}$/);

    const visitor = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-qian' } })).body.token;
    const bound = await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: invite.body.code } });
    expect(bound.status).toBe(200);
    expect(bound.body.me).toMatchObject({ role: 'member', memberId, memberName: '钱老', branchName: '第一离退休干部党支部' });
    // A retry after a lost reply finishes with the same result.
    const retry = await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: invite.body.code } });
    expect(retry.status).toBe(200);
    expect(retry.body.me.userId).toBe(bound.body.me.userId);

    // Next time WeChat login recognises them.
    const again = await stack.call('POST', '/auth/wechat', { body: { code: 'code-qian' } });
    expect(again.body.me).toMatchObject({ role: 'member', memberId });
    const own = await stack.call('GET', `/members/${memberId}`, { token: again.body.token });
    expect(own.status).toBe(200);
    expect(own.body.bound).toBe(true);

    // Someone else cannot reuse the code.
    const other = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-someone' } })).body.token;
    const reused = await stack.call('POST', '/bindings', { token: other, body: { inviteCode: invite.body.code } });
    expect(reused.status).toBe(404);
    expect(reused.body.error.code).toBe('INVITE_INVALID');

    // A proxy binds with a proxy invite and acts for the member.
    const proxyInvite = await stack.call('POST', `/members/${memberId}/invites`, { token: secretary, body: { kind: 'proxy' } });
    const proxyBound = await stack.call('POST', '/bindings', { token: other, body: { inviteCode: proxyInvite.body.code } });
    expect(proxyBound.body.me).toMatchObject({ role: 'proxy', memberId, displayName: '钱老的家属' });
  });

  it('refuses an unknown invite code', async () => {
    const visitor = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-nobody' } })).body.token;
    const { status, body } = await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: 'ZZZZZZ' } });
    expect(status).toBe(404);
    expect(body.error.message).toContain('邀请码');
  });
});
