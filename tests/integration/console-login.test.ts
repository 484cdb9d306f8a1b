import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { createDocumentClient } from '../../functions/src/db/client';
import { DynamoAuditRepository } from '../../functions/src/repositories/audit-repository';
import type { Clock } from '@ltx/shared/time/clock';
import { consolePollLimit } from '../../functions/src/services/console-login-service';
import { fakeWxaCodePng } from '../../local/fake-wechat';
import { testClock } from '../support/clock';
import { startTestStack, type TestStack } from './support/stack';

/** The run's clock, moved forward when a test says so: the stack reads "now" here. */
let ahead = 0;
const clock: Clock = { now: () => new Date(testClock.now().getTime() + ahead) };
const minutes = (n: number) => n * 60_000;

let stack: TestStack;
let secretary: string;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  secretary = await stack.login('secretary-1');
});
afterAll(() => stack?.stop());

/** A login as the web page starts it. */
async function startLogin(): Promise<{ loginId: string; scene: string; codeImage: string; expiresAt: string }> {
  const { status, body } = await stack.call('POST', '/console-logins');
  expect(status).toBe(201);
  return body;
}

describe('web console sign-in by scanning a mini-program code (扫码登录)', () => {
  it('shows WeChat’s code for a one-time scene, waits, and hands the page its own short session once the secretary confirms', async () => {
    const login = await startLogin();
    // The code WeChat made, for this scene, opening the confirmation page.
    expect(login.scene).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(login.scene).not.toBe(login.loginId);
    const asked = stack.wechat!.wxaCodes.at(-1)!;
    expect(asked).toMatchObject({ scene: login.scene, page: 'pages/console-login/index', check_path: false });
    expect(login.codeImage).toBe(`data:image/png;base64,${fakeWxaCodePng.toString('base64')}`);
    expect(Date.parse(login.expiresAt) - clock.now().getTime()).toBeGreaterThan(minutes(4));

    // Before the scan the page learns nothing but "waiting".
    const waiting = await stack.call('GET', `/console-logins/${login.loginId}`);
    expect(waiting).toEqual({ status: 200, body: { status: 'waiting' } });

    const confirmed = await stack.call('POST', '/console-login-confirmations', { token: secretary, body: { scene: login.scene } });
    expect(confirmed).toEqual({ status: 200, body: { status: 'confirmed' } });

    const signedIn = await stack.call('GET', `/console-logins/${login.loginId}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.status).toBe('signedIn');
    expect(signedIn.body.session.me).toMatchObject({ displayName: '张卫东', role: 'secretary', branchId: 'br-1' });
    const token = signedIn.body.session.token as string;
    expect(token).not.toBe(secretary);
    expect((await stack.call('GET', '/me', { token })).body.displayName).toBe('张卫东');
    expect((await stack.call('GET', '/branches/br-1/members', { token })).status).toBe(200);

    // Audited on the secretary's branch, in words.
    const trail = await new DynamoAuditRepository(createDocumentClient(stack.dynamoEndpoint), stack.tableName).list('br-1', new Date(clock.now().getTime() - 3_600_000).toISOString(), '9999');
    expect(trail.filter((e) => e.action === 'console.signIn').map((e) => auditSentence(e))).toEqual([expect.stringContaining('张卫东（支部书记）扫码确认，在电脑上登录了网页版')]);

    // Once only: the login is used up.
    const again = await stack.call('GET', `/console-logins/${login.loginId}`);
    expect(again.status).toBe(410);
    expect(again.body.error.message).toMatch(/过期.*刷新/);

    // A working day, not the phone's week.
    ahead += minutes(8 * 60 + 1);
    expect((await stack.call('GET', '/me', { token })).status).toBe(401);
    expect((await stack.call('GET', '/me', { token: secretary })).status).toBe(200);
  });

  it('refuses a second confirmation of the same code, in words', async () => {
    const login = await startLogin();
    expect((await stack.call('POST', '/console-login-confirmations', { token: secretary, body: { scene: login.scene } })).status).toBe(200);
    const other = await stack.login('secretary-2');
    const second = await stack.call('POST', '/console-login-confirmations', { token: other, body: { scene: login.scene } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONSOLE_LOGIN_USED');
    expect(second.body.error.message).toMatch(/已经确认过/);
    // The page gets the first confirmer's session, not the second's.
    expect((await stack.call('GET', `/console-logins/${login.loginId}`)).body.session.me.displayName).toBe('张卫东');
  });

  it('refuses an expired code to the phone and to the page', async () => {
    const login = await startLogin();
    ahead += minutes(5) + 1000;
    const late = await stack.call('POST', '/console-login-confirmations', { token: secretary, body: { scene: login.scene } });
    expect(late.status).toBe(410);
    expect(late.body.error.message).toMatch(/二维码已经过期/);
    const poll = await stack.call('GET', `/console-logins/${login.loginId}`);
    expect(poll.status).toBe(410);
    expect(poll.body.error.code).toBe('CONSOLE_LOGIN_EXPIRED');
  });

  it('lets inspectors and administrators confirm, but not members, proxies or contacts', async () => {
    for (const account of ['member-wang', 'proxy-liu', 'contact-1']) {
      const login = await startLogin();
      const refused = await stack.call('POST', '/console-login-confirmations', { token: await stack.login(account), body: { scene: login.scene } });
      expect(refused.status, account).toBe(403);
      expect(refused.body.error.message).toMatch(/没有权限/);
      // The code stays unconfirmed: the page still waits.
      expect((await stack.call('GET', `/console-logins/${login.loginId}`)).body).toEqual({ status: 'waiting' });
    }
    for (const account of ['inspector', 'admin']) {
      const login = await startLogin();
      expect((await stack.call('POST', '/console-login-confirmations', { token: await stack.login(account), body: { scene: login.scene } })).status, account).toBe(200);
      expect((await stack.call('GET', `/console-logins/${login.loginId}`)).body.session.me.role).toBe(account);
    }
  });

  it('names the field when the scanned scene is not one of ours, and knows no login by a made-up id', async () => {
    const bad = await stack.call('POST', '/console-login-confirmations', { token: secretary, body: { scene: 'abc' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].message).toMatch(/登录二维码/);
    const unknown = await stack.call('POST', '/console-login-confirmations', { token: secretary, body: { scene: 'A'.repeat(32) } });
    expect(unknown.status).toBe(410);
    expect((await stack.call('GET', '/console-logins/no-such-login')).status).toBe(410);
  });

  it('stops answering a page that polls far more often than a page does', async () => {
    const login = await startLogin();
    for (let i = 0; i < consolePollLimit; i++) expect((await stack.call('GET', `/console-logins/${login.loginId}`)).status).toBe(200);
    const refused = await stack.call('GET', `/console-logins/${login.loginId}`);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/太频繁/);
  });
});
