import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChinaDays, chinaDay } from '@ltx/shared/time/china-day';
import { testClock } from '../support/clock';
import { daysFromNow } from '../support/time';
import { startTestStack, validMember, type TestStack } from './support/stack';

/**
 * 已联系 (issue 17, item 4): the secretary phones a member from the five-month warning or a reminder to phone,
 * and records it in one tap. Real handlers over dynalite, with the demo's months of history (孙桂兰 is quiet).
 */
let stack: TestStack;
let secretary: string;
let quietId: string;
beforeAll(async () => {
  stack = await startTestStack({ demoHistory: true });
  secretary = await stack.login('secretary-1');
  const overview = (await stack.call('GET', '/branches/br-1/overview', { token: secretary })).body;
  quietId = overview.quietMembers.find((m: { name: string }) => m.name === '孙桂兰').memberId;
});
afterAll(() => stack?.stop());

const today = () => chinaDay(testClock.now().toISOString());

describe('已联系: a recorded call', () => {
  it('shows the quiet member\'s number to the secretary, and a call rests the warning until the chosen day, who called when', async () => {
    const before = (await stack.call('GET', '/branches/br-1/overview', { token: secretary })).body;
    const quiet = before.quietMembers.find((m: { memberId: string }) => m.memberId === quietId);
    expect(quiet).toMatchObject({ phone: '13800010004', lastCall: null });

    const recorded = await stack.call('POST', `/members/${quietId}/calls`, { token: secretary, idempotencyKey: 'call-quiet-1', body: { note: '身体还好，下月来开会', pause: 'two_months' } });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ memberId: quietId, memberName: '孙桂兰', byName: expect.stringMatching(/[\u4e00-\u9fa5]/), note: '身体还好，下月来开会', quietUntil: addChinaDays(today(), 60) });

    // The same tap again (a retry with its key) is the same call, not a second one.
    const again = await stack.call('POST', `/members/${quietId}/calls`, { token: secretary, idempotencyKey: 'call-quiet-1', body: { note: '身体还好，下月来开会', pause: 'two_months' } });
    expect(again.body.id).toBe(recorded.body.id);

    const after = (await stack.call('GET', '/branches/br-1/overview', { token: secretary })).body;
    expect(after.quietMembers.map((m: { memberId: string }) => m.memberId)).not.toContain(quietId);
    const resting = after.contactedQuietMembers.find((m: { memberId: string }) => m.memberId === quietId);
    expect(resting.lastCall).toMatchObject({ at: recorded.body.at, byName: recorded.body.byName, note: '身体还好，下月来开会', quietUntil: addChinaDays(today(), 60) });

    const list = await stack.call('GET', `/members/${quietId}/calls`, { token: secretary });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: recorded.body.id, byName: recorded.body.byName });

    // The branch's trail (its ledger) says it in words, never the note.
    const ledger = await stack.call('GET', `/branches/br-1/ledger?period=${today().slice(0, 7)}`, { token: secretary });
    expect(ledger.status).toBe(200);
    const sentences = (ledger.body.audit as { sentence: string }[]).map((a) => a.sentence).filter((s) => s.includes('孙桂兰电话联系'));
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toContain(`${Number(addChinaDays(today(), 60).slice(5, 7))}月`);
    expect(sentences[0]).not.toContain('身体还好');
  });

  it('marks a reminder to phone as 已电话通知, with who called when', async () => {
    // A new member without WeChat reminders: the session's reminder waits for a phone call.
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '电话通知', phone: '13822223333' } })).body;
    const session = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '电话通知测试', startsAt: new Date(daysFromNow(3)).toISOString(), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })).body;
    const outbox = (await stack.call('GET', '/branches/br-1/outbox', { token: secretary })).body.items;
    const reminder = outbox.find((e: { sessionId: string; memberId: string }) => e.sessionId === session.id && e.memberId === member.id);
    expect(reminder).toMatchObject({ channel: 'none', status: 'pending', phone: '13822223333' });

    const call = await stack.call('POST', `/members/${member.id}/calls`, { token: secretary, idempotencyKey: 'call-reminder-1', body: { outboxId: reminder.id } });
    expect(call.status).toBe(201);
    expect(call.body.reminderKind).toBe(reminder.kind);

    const listed = (await stack.call('GET', '/branches/br-1/outbox', { token: secretary })).body.items.find((e: { id: string }) => e.id === reminder.id);
    expect(listed.status).toBe('called');
    expect(listed.call).toMatchObject({ at: call.body.at, byName: call.body.byName });
  });

  it('answers another branch\'s member 404, and an inspector, who sees the member but does not phone, 403', async () => {
    const other = await stack.login('secretary-2');
    expect((await stack.call('POST', `/members/${quietId}/calls`, { token: other, idempotencyKey: 'call-other', body: {} })).status).toBe(404);
    expect((await stack.call('GET', `/members/${quietId}/calls`, { token: other })).status).toBe(404);
    const inspector = await stack.login('inspector');
    const asInspector = await stack.call('POST', `/members/${quietId}/calls`, { token: inspector, idempotencyKey: 'call-inspector', body: {} });
    expect(asInspector.status).toBe(403);
    expect((await stack.call('GET', `/members/${quietId}/calls`, { token: secretary })).body.items).toHaveLength(1);
  });

  it('names the wrong field in Chinese and records nothing', async () => {
    const long = await stack.call('POST', `/members/${quietId}/calls`, { token: secretary, idempotencyKey: 'bad-call-1', body: { note: '很'.repeat(101) } });
    expect(long.status).toBe(422);
    expect(long.body.error.fields[0].message).toContain('备注');
    const pause = await stack.call('POST', `/members/${quietId}/calls`, { token: secretary, idempotencyKey: 'bad-call-2', body: { pause: 'forever' } });
    expect(pause.status).toBe(422);
    expect(pause.body.error.fields[0].message).toContain('暂不提醒的时间');
    const reminder = await stack.call('POST', `/members/${quietId}/calls`, { token: secretary, idempotencyKey: 'bad-call-3', body: { outboxId: 'no-such-reminder' } });
    expect(reminder.status).toBe(422);
    expect(reminder.body.error.fields[0].message).toContain('提醒');
    expect((await stack.call('GET', `/members/${quietId}/calls`, { token: secretary })).body.items).toHaveLength(1);
  });
});
