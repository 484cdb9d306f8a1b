import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '@ltx/shared/domain/periods';
import { chinaDay } from '@ltx/shared/time/china-day';
import { buildReminderSender } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { StableTokenSource } from '../../functions/src/wechat/access-token';
import { startFakeWechat } from '../../local/fake-wechat';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { chinaDayIn, minutesFromNow } from '../support/time';

/**
 * A member who died (逝世) or left the branch, recorded by the secretary with the day: from that day no
 * reminders, no expectation at later sessions, no coverage counted against the branch; earlier sessions
 * keep them. Over HTTP on the real local stack.
 */

let stack: TestStack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let secretary: string;
const secret = () => JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8'))['local/wechat-app-secret'] as string;

beforeAll(async () => {
  wechat = await startFakeWechat({ appSecret: () => secret() });
  stack = await startTestStack({ wechatApiBase: wechat.url });
  secretary = await stack.login('secretary-1');
});
afterAll(async () => {
  await stack?.stop();
  await wechat?.close();
});

function senderAt(now: Date) {
  return buildReminderSender({
    db: createDocumentClient(stack.dynamoEndpoint),
    tableName: stack.tableName,
    clock: { now: () => now },
    wechat: { apiBase: wechat.url, tokens: new StableTokenSource({ baseUrl: wechat.url, appId: 'wx0000000000000000', appSecret: async () => secret(), clock: { now: () => now } }) },
    templates: { session_tomorrow: 'TPL-SESSION' },
  });
}

const plan = (topic: string, startsAt: string) =>
  stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: { kind: 'theme_day', topic, startsAt, place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' } });
const namesIn = (session: { attendance: { memberName: string }[] }) => session.attendance.map((a) => a.memberName);
const ledgerLine = async (sessionId: string, startsAt: string) => {
  const ledger = (await stack.call('GET', `/branches/br-1/ledger?period=${chinaDay(startsAt).slice(0, 7)}`, { token: secretary })).body;
  return { line: ledger.sessions.find((s: { id: string }) => s.id === sessionId), audit: ledger.audit.map((a: { sentence: string }) => a.sentence) as string[] };
};

describe('leaving the roll', () => {
  it('stops reminders and later expectations from the day, keeps earlier sessions, and can be taken back', async () => {
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '离世测试' } })).body;
    // Bound in WeChat and agreed to reminders, so a reminder would really go out.
    const invite = (await stack.call('POST', `/members/${member.id}/invites`, { token: secretary, body: { kind: 'self' } })).body;
    const visitor = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-departed' } })).body.token;
    const bound = (await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: invite.code } })).body.token;
    expect((await stack.call('PUT', `/members/${member.id}/subscriptions`, { token: bound, body: { kinds: ['session_tomorrow'] } })).status).toBe(200);
    await stack.call('POST', '/auth/wechat', { body: { code: 'code-departed' } });

    // 30 hours ago is an earlier China day, whatever the hour; 5 minutes ago is today's; in 3 days is later.
    const earlierAt = minutesFromNow(-30 * 60);
    const todayAt = minutesFromNow(-5);
    const laterAt = minutesFromNow(3 * 24 * 60);
    const earlier = (await plan('离开前的学习', earlierAt)).body;
    const sameDay = (await plan('当天的学习', todayAt)).body;
    const later = (await plan('离开后的学习', laterAt)).body;
    for (const s of [earlier, sameDay, later]) expect(namesIn(s)).toContain('离世测试');

    const today = chinaDayIn(0);
    const current = (await stack.call('GET', `/members/${member.id}`, { token: secretary })).body;
    const recorded = await stack.call('POST', `/members/${member.id}/departure`, {
      token: secretary, idempotencyKey: 'depart-1', body: { reason: 'deceased', on: today, note: '家属告知', expectedVersion: current.version },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.departure).toMatchObject({ reason: 'deceased', on: today, effectiveOn: today, note: '家属告知' });
    // Recorded twice by mistake: 409 in words, nothing changes.
    const twice = await stack.call('POST', `/members/${member.id}/departure`, { token: secretary, body: { reason: 'deceased', on: today, expectedVersion: recorded.body.version } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('已登记为逝世');

    // Sessions on or after the day no longer expect them; the earlier one still does.
    const view = async (id: string) => (await stack.call('GET', `/sessions/${id}`, { token: secretary })).body;
    expect(namesIn(await view(earlier.id))).toContain('离世测试');
    expect(namesIn(await view(sameDay.id))).not.toContain('离世测试');
    const laterView = await view(later.id);
    expect(namesIn(laterView)).not.toContain('离世测试');
    expect(laterView.expectedCount).toBe(later.expectedCount - 1);
    const mark = await stack.call('PUT', `/sessions/${later.id}/attendance/${member.id}`, { token: secretary, body: { status: 'excused', reason: '测试' } });
    expect(mark.status).toBe(422);
    // A session planned after the day never lists them.
    const after = (await plan('登记后新建的学习', minutesFromNow(4 * 24 * 60))).body;
    expect(namesIn(after)).not.toContain('离世测试');

    // The ledger: the earlier session keeps them among those expected, the same-day one counts without them.
    const before = await ledgerLine(earlier.id, earlierAt);
    expect(before.line.absentees.map((a: { name: string }) => a.name)).toContain('离世测试');
    const sameDayLine = (await ledgerLine(sameDay.id, todayAt));
    expect(sameDayLine.line.absentees.map((a: { name: string }) => a.name)).not.toContain('离世测试');
    expect(sameDayLine.line.expected).toBe(sameDay.expectedCount - 1);
    expect(sameDayLine.audit.some((s) => s.includes('登记了离世测试同志逝世'))).toBe(true);

    // The reminder queued before the departure is not sent, and is not shown as waiting.
    const due = new Date(Date.parse(laterAt) - 23 * 3_600_000);
    await senderAt(due).sendDue();
    expect(wechat.messages.filter((m) => m.touser === 'openid-departed')).toHaveLength(0);
    const outbox = (await stack.call('GET', '/branches/br-1/outbox', { token: secretary })).body.items;
    expect(outbox.filter((e: { memberId: string; status: string }) => e.memberId === member.id && e.status === 'pending')).toHaveLength(0);

    // The roll shows them apart, with the day; the member's own sessions stop at the day.
    const list = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items;
    expect(list.find((m: { id: string }) => m.id === member.id).departure).toMatchObject({ reason: 'deceased', on: today });
    const own = (await stack.call('GET', `/members/${member.id}/sessions`, { token: bound })).body.items.map((s: { id: string }) => s.id);
    expect(own).not.toContain(later.id);

    // Taken back: on the roll again, later sessions expect them again.
    const undone = await stack.call('POST', `/members/${member.id}/departure/undo`, { token: secretary, body: { expectedVersion: recorded.body.version } });
    expect(undone.status).toBe(200);
    expect(undone.body.departure).toBeUndefined();
    expect(namesIn(await view(later.id))).toContain('离世测试');
    const again = await stack.call('POST', `/members/${member.id}/departure/undo`, { token: secretary, body: { expectedVersion: undone.body.version } });
    expect(again.status).toBe(409);
    const trail = (await ledgerLine(sameDay.id, todayAt)).audit;
    expect(trail.some((s) => s.includes('撤销了离世测试同志逝世'))).toBe(true);
  });

  it('answers bad input with 422 naming the field, and changes nothing', async () => {
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '输入测试' } })).body;
    const send = (body: unknown) => stack.call('POST', `/members/${member.id}/departure`, { token: secretary, body });
    const tomorrow = chinaDayIn(1);
    const future = await send({ reason: 'deceased', on: tomorrow, expectedVersion: member.version });
    expect(future.status).toBe(422);
    expect(future.body.error.fields).toEqual([{ path: 'on', message: '日期：不能晚于今天' }]);
    const beforeJoining = await send({ reason: 'left', on: '1960-01-01', expectedVersion: member.version });
    expect(beforeJoining.status).toBe(422);
    expect(beforeJoining.body.error.fields[0].message).toContain('入党日期');
    const badReason = await send({ reason: 'dead', on: '2020-01-01', expectedVersion: member.version });
    expect(badReason.status).toBe(422);
    expect(badReason.body.error.fields[0].path).toBe('reason');
    expect(badReason.body.error.fields[0].message).toContain('原因');
    const badDay = await send({ reason: 'left', on: '2020-02-30', expectedVersion: member.version });
    expect(badDay.status).toBe(422);
    expect(badDay.body.error.fields[0].message).toContain('日期');
    const longNote = await send({ reason: 'left', on: '2020-01-01', note: '长'.repeat(101), expectedVersion: member.version });
    expect(longNote.status).toBe(422);
    expect(longNote.body.error.fields[0].message).toContain('备注');
    const stale = await send({ reason: 'left', on: '2020-01-01', expectedVersion: member.version + 5 });
    expect(stale.status).toBe(409);
    const after = (await stack.call('GET', `/members/${member.id}`, { token: secretary })).body;
    expect(after.departure).toBeUndefined();
    expect(after.version).toBe(member.version);
  });

  it("answers 404 for another branch's member and 403 to those who see the member but may not record it", async () => {
    const secretary2 = await stack.login('secretary-2');
    const chen = (await stack.call('GET', '/branches/br-2/members', { token: secretary2 })).body.items[0];
    const body = { reason: 'deceased', on: '2020-01-01', expectedVersion: 1 };
    expect((await stack.call('POST', `/members/${chen.id}/departure`, { token: secretary, body })).status).toBe(404);
    expect((await stack.call('POST', `/members/${chen.id}/departure/undo`, { token: secretary, body: { expectedVersion: 1 } })).status).toBe(404);
    const inspector = await stack.login('inspector');
    expect((await stack.call('POST', `/members/${chen.id}/departure`, { token: inspector, body })).status).toBe(403);
  });

  // Last in the file: it signs off last month, which the sessions above may fall in.
  it('keeps a signed-off ledger as signed: a day in it takes effect after it, and what it sealed cannot be taken back', async () => {
    const inspector = await stack.login('inspector');
    const [y, m] = chinaDayIn(0).split('-').map(Number) as [number, number];
    const index = y * 12 + (m - 1) - 1;
    const lastMonth = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const period = parsePeriod(lastMonth)!;
    const create = async (name: string) => (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name } })).body;
    const depart = (member: { id: string }, version: number) =>
      stack.call('POST', `/members/${member.id}/departure`, { token: secretary, body: { reason: 'transferred_out', on: `${lastMonth}-15`, note: '转至城北第二支部', expectedVersion: version } });
    const late = await create('签收后登记');
    const early = await create('签收前登记');
    // Recorded before the sign-off: the signed month is then signed without them from the 15th.
    const before = await depart(early, early.version);
    expect(before.body.departure.effectiveOn).toBe(`${lastMonth}-15`);

    const check = (await stack.call('GET', `/branches/br-1/signoff-check?period=${lastMonth}`, { token: inspector })).body;
    const signed = await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period: lastMonth, acknowledged: check.items.map((i: { key: string }) => i.key) } });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);

    // Recorded after: the day as it happened, the effect from the first day after the signed month.
    const after = await depart(late, late.version);
    expect(after.status).toBe(200);
    expect(after.body.departure).toMatchObject({ on: `${lastMonth}-15`, effectiveOn: period.end });
    const ledger = (await stack.call('GET', `/branches/br-1/ledger?period=${lastMonth}`, { token: inspector })).body;
    expect(ledger.points.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['签收后登记', '签收前登记']));

    // Taking back the later one leaves the signed month as it was; the earlier one is sealed in it.
    expect((await stack.call('POST', `/members/${late.id}/departure/undo`, { token: secretary, body: { expectedVersion: after.body.version } })).status).toBe(200);
    const sealed = await stack.call('POST', `/members/${early.id}/departure/undo`, { token: secretary, body: { expectedVersion: before.body.version } });
    expect(sealed.status).toBe(409);
    expect(sealed.body.error.code).toBe('PERIOD_LOCKED');
  });
});
