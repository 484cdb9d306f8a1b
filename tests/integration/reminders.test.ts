import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReminderSender } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { DynamoUserRepository } from '../../functions/src/repositories/user-repository';
import { startFakeWechat } from '../../local/fake-wechat';
import { startTestStack, type TestStack } from './support/stack';
import { reminderHelpers } from './support/reminders';
import { daysFromNow } from '../support/time';
import { testClock } from '../support/clock';

let stack: TestStack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;

beforeAll(async () => {
  wechat = await startFakeWechat({ appSecret: () => secret() });
  stack = await startTestStack({ wechatApiBase: wechat.url });
});
afterAll(async () => {
  await stack?.stop();
  await wechat?.close();
});

const { secret, tokensAt, senderAt, subscribedMemberAndSession } = reminderHelpers(() => ({ stack, wechat }));

describe('reminders as WeChat subscription messages', () => {
  it('sends the day-before reminder once, only to members who agreed, and keeps their openid only while they agree', async () => {
    const { secretary, member, bound, session, startsAt } = await subscribedMemberAndSession('提醒测试', 'code-reminder', '提醒消息测试', 3);

    const early = await senderAt(new Date(startsAt.getTime() - 30 * 3_600_000)).sendDue();
    expect(early.sent).toBe(0);
    const due = new Date(startsAt.getTime() - 23 * 3_600_000);
    const [first, second] = await Promise.all([senderAt(due).sendDue(), senderAt(due).sendDue()]);
    expect(first.sent + second.sent).toBe(1);
    expect(wechat.messages).toHaveLength(1);
    expect(wechat.messages[0]).toMatchObject({ touser: 'openid-reminder', template_id: 'TPL-SESSION', page: 'pages/home/index' });
    expect(wechat.messages[0]!.data.thing1!.value).toBe('提醒消息测试');
    expect((await senderAt(due).sendDue()).sent).toBe(0);
    // The access token came from stable_token (POST, JSON body), never from the old /cgi-bin/token.
    expect(wechat.stableTokenRequests.length).toBeGreaterThan(0);
    expect(wechat.stableTokenRequests[0]).toEqual({ grant_type: 'client_credential', appid: 'wx0000000000000000', secret: secret(), force_refresh: false });
    expect(wechat.calls.some((q) => q.has('secret') && !q.has('js_code'))).toBe(false);

    const outbox = (await stack.call('GET', '/branches/br-1/outbox', { token: secretary })).body.items;
    const mine = outbox.filter((e: { sessionId: string; kind: string }) => e.sessionId === session.id && e.kind === 'session_tomorrow');
    expect(mine.find((e: { memberId: string }) => e.memberId === member.id).status).toBe('sent');
    // Members who did not agree were not messaged: their reminders stay for a phone call.
    expect(mine.filter((e: { status: string }) => e.status === 'pending').length).toBeGreaterThan(0);

    // The one agreement is spent: the next reminder is not sent but put on the secretary's phone list.
    const later = new Date(daysFromNow(6));
    const next = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '第二次提醒', startsAt: later.toISOString(), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })).body;
    const nextDue = new Date(later.getTime() - 23 * 3_600_000);
    expect(await senderAt(nextDue).sendDue()).toMatchObject({ sent: 0 });
    expect(wechat.messages).toHaveLength(1);
    const listed = (await stack.call('GET', '/branches/br-1/outbox', { token: secretary })).body.items;
    expect(listed.find((e: { sessionId: string; memberId: string }) => e.sessionId === next.id && e.memberId === member.id).status).toBe('needs_call');

    // Agreeing twice more (two taps of 允许) carries two more: counted down one per reminder.
    for (const key of ['subscribe-again-1', 'subscribe-again-2']) {
      const again = await stack.call('PUT', `/members/${member.id}/subscriptions`, { token: bound, idempotencyKey: key, body: { kinds: ['session_tomorrow'] } });
      expect(again.body.remaining.session_tomorrow).toBe(key.endsWith('1') ? 1 : 2);
    }
    // A retried request (same key) counts once.
    const retried = await stack.call('PUT', `/members/${member.id}/subscriptions`, { token: bound, idempotencyKey: 'subscribe-again-2', body: { kinds: ['session_tomorrow'] } });
    expect(retried.body.remaining.session_tomorrow).toBe(2);
    const third = new Date(daysFromNow(9));
    await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '第三次提醒', startsAt: third.toISOString(), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    });
    expect((await senderAt(new Date(third.getTime() - 23 * 3_600_000)).sendDue()).sent).toBe(1);
    const left = await stack.call('PUT', `/members/${member.id}/subscriptions`, { token: bound, idempotencyKey: 'subscribe-again-3', body: { kinds: ['session_tomorrow'] } });
    expect(left.body.remaining.session_tomorrow).toBe(2);

    // Withdrawing consent drops the openid at the next login.
    await stack.call('PUT', `/members/${member.id}/subscriptions`, { token: bound, body: { kinds: [] } });
    await stack.call('POST', '/auth/wechat', { body: { code: 'code-reminder' } });
    const db = createDocumentClient(stack.dynamoEndpoint);
    const users = await new DynamoUserRepository(db, stack.tableName).listByBranchRole('br-1', 'member');
    expect(users.find((u) => u.memberId === member.id)?.wechatOpenId).toBeUndefined();
  });

  it('sends with a fresh token when the one it holds was replaced meanwhile (errcode 40001)', async () => {
    const { startsAt } = await subscribedMemberAndSession('换令牌测试', 'code-token-rotation', '令牌更换测试', 4);
    const due = new Date(startsAt.getTime() - 23 * 3_600_000);
    const tokens = tokensAt(due);
    const stale = await tokens.token();
    wechat.rotateToken(); // someone force-refreshed it: the held token now answers 40001
    expect(stale).not.toBe(wechat.currentToken());
    const sender = buildReminderSender({ db: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName, clock: { now: () => due }, wechat: { apiBase: wechat.url, tokens }, templates: { session_tomorrow: 'TPL-SESSION' } });
    const before = wechat.messages.length;
    expect((await sender.sendDue()).sent).toBeGreaterThan(0);
    expect(wechat.messages.slice(before).map((m) => m.touser)).toContain('openid-token-rotation');
    expect(await tokens.token()).toBe(wechat.currentToken());
  });
});

describe('a change the branch made, as a WeChat message', () => {
  it('tells a member who agreed that the session moved, at once, with what changed and why; the others go on the phone list', async () => {
    const { secretary, member, session, startsAt } = await subscribedMemberAndSession('改期通知', 'code-change', '改期消息测试', 4, ['plan_changed']);
    const moved = await stack.call('PATCH', `/sessions/${session.id}`, {
      token: secretary, body: { startsAt: new Date(startsAt.getTime() + 86_400_000).toISOString(), changeReason: '活动室装修', expectedVersion: session.version },
    });
    expect(moved.status).toBe(200);
    const before = wechat.messages.length;
    expect((await senderAt(testClock.now(), { plan_changed: 'TPL-CHANGE' }).sendDue()).sent).toBe(1);
    const message = wechat.messages[before]!;
    expect(message).toMatchObject({ touser: 'openid-change', template_id: 'TPL-CHANGE', page: 'pages/home/index' });
    expect(message.data.thing1!.value).toBe('主题党日改时间了');
    expect(message.data.thing3!.value).toBe('活动室装修');

    const changes = ((await stack.call('GET', '/branches/br-1/outbox', { token: secretary })).body.items as { sessionId: string; memberId: string; kind: string; status: string; channel: string; text: string }[])
      .filter((e) => e.sessionId === session.id && e.kind === 'plan_changed');
    expect(changes.find((e) => e.memberId === member.id)).toMatchObject({ status: 'sent', channel: 'wechat' });
    const others = changes.filter((e) => e.memberId !== member.id);
    expect(others.length).toBeGreaterThan(0);
    for (const e of others) {
      expect(e).toMatchObject({ channel: 'none', status: 'pending' });
      expect(e.text).toMatch(/同志：主题党日改时间了。.*原因：活动室装修。$/);
    }
  });
});
