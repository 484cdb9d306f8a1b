import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '@ltx/shared/domain/periods';
import { startTestStack, type TestStack } from './support/stack';
import { chinaDayIn, daysFromNow, msFromNow, nowIso } from '../support/time';

/**
 * Issue 17, "nobody stuck": a member or their proxy has a way back from each of their own records:
 * leave taken back (我能来了), 我已学习 undone, a 送学上门 request withdrawn, "没有人来" on a delivery.
 * Nothing they recorded is replaced without their saying so, and each change reads in the audit trail.
 */

let stack: TestStack;
let secretary: string;
let secretary2: string;
let member: string;
let proxy: string;
let contact: string;
let inspector: string;
let ids: Record<string, string>;

type Line = { memberId: string; status: string | null; reason?: string };
type Entry = { sessionId?: string; points: number; reversalOf?: string; reversedBy?: string };

const plan = (over: Record<string, unknown> = {}) => ({
  kind: 'theme_day', topic: '学习党章', startsAt: msFromNow(-5 * 60_000), place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍', onlineOffered: true, ...over,
});
const createSession = async (over: Record<string, unknown> = {}, token = secretary, branch = 'br-1') => {
  const r = await stack.call('POST', `/branches/${branch}/sessions`, { token, body: plan(over) });
  expect(r.status).toBe(201);
  return r.body as { id: string; startsAt: string };
};
const mark = (sessionId: string, memberId: string, token: string, body: Record<string, unknown>) => stack.call('PUT', `/sessions/${sessionId}/attendance/${memberId}`, { token, body });
const withdraw = (sessionId: string, memberId: string, token: string, status: string, idempotencyKey?: string) =>
  stack.call('POST', `/sessions/${sessionId}/attendance/${memberId}/withdraw`, { token, body: { status }, idempotencyKey });
const lineOf = async (sessionId: string, memberId: string) =>
  ((await stack.call('GET', `/sessions/${sessionId}`, { token: secretary })).body.attendance as Line[]).find((a) => a.memberId === memberId)!;
const livePoints = async (memberId: string, session: { id: string; startsAt: string }) => {
  const body = (await stack.call('GET', `/members/${memberId}/points?year=${chinaDay(session.startsAt).slice(0, 4)}`, { token: secretary })).body as { entries: Entry[] };
  return body.entries.filter((e) => e.sessionId === session.id && !e.reversalOf && !e.reversedBy).map((e) => e.points);
};

const requestVisit = (token: string, memberId: string, sessionId: string) =>
  stack.call('POST', `/members/${memberId}/visit-requests`, { token, body: { sessionId, slot: 'morning' } });
const schedule = (id: string) =>
  stack.call('POST', `/visit-requests/${id}/schedule`, { token: secretary, body: { contactUserId: 'u-demo-contact1', windowStart: daysFromNow(1), windowEnd: msFromNow(86_400_000 + 7_200_000) } });
const deliver = (id: string) => stack.call('POST', `/visit-requests/${id}/deliver`, { token: contact, body: { deliveredAt: nowIso(), studied: '学习全会公报' } });
const withdrawVisit = (id: string, token: string, body: Record<string, unknown> = {}, idempotencyKey?: string) =>
  stack.call('POST', `/visit-requests/${id}/withdraw`, { token, body, idempotencyKey });
const missed = (id: string, token: string, body: Record<string, unknown> = {}, idempotencyKey?: string) =>
  stack.call('POST', `/visit-requests/${id}/missed`, { token, body, idempotencyKey });
const contactTasks = async () => ((await stack.call('GET', '/contacts/me/visits', { token: contact })).body.items as { id: string }[]).map((v) => v.id);
const ledgerSentences = async () =>
  ((await stack.call('GET', `/branches/br-1/ledger?period=${chinaDayIn(0).slice(0, 7)}`, { token: inspector })).body.audit as { sentence: string }[]).map((a) => a.sentence);

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, member, proxy, contact, inspector] = (await Promise.all(
    ['secretary-1', 'secretary-2', 'member-wang', 'proxy-liu', 'contact-1', 'inspector'].map((a) => stack.login(a)),
  )) as [string, string, string, string, string, string];
  const list = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  ids = Object.fromEntries(list.map((m) => [m.name, m.id]));
});
afterAll(() => stack?.stop());

describe('a member changing their mind on attendance', () => {
  it('must say which status they replace: without it the recorded one stays, with a message naming both', async () => {
    const s = await createSession();
    const wang = ids['王建国']!;
    expect((await mark(s.id, wang, member, { status: 'excused', reason: '住院' })).status).toBe(200);

    const silent = await mark(s.id, wang, member, { status: 'online' });
    expect(silent.status).toBe(409);
    expect(silent.body.error.code).toBe('ATTENDANCE_REPLACE');
    expect(silent.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(silent.body.error.fields).toEqual([{ path: 'replaces', message: '现在登记的是“请假”，要改为“网上自学”，请先确认更改' }]);
    expect((await lineOf(s.id, wang)).status).toBe('excused');
    // Saying the wrong status is not saying it either.
    expect((await mark(s.id, wang, member, { status: 'online', replaces: 'present' })).status).toBe(409);

    const changed = await mark(s.id, wang, member, { status: 'online', reflection: '认真读了', replaces: 'excused' });
    expect(changed.status).toBe(200);
    expect(changed.body.attendance[0]).toMatchObject({ status: 'online', reflection: '认真读了' });
    // The same status again (a retry, a reflection added) is no change of mind.
    expect((await mark(s.id, wang, member, { status: 'online', reflection: '又读了一遍' })).status).toBe(200);

    // The secretary, who sees whose line it is before changing it, is not asked.
    expect((await mark(s.id, wang, secretary, { status: 'present' })).status).toBe(200);
    const overSecretary = await mark(s.id, wang, member, { status: 'excused', reason: '住院' });
    expect(overSecretary.body.error.fields[0].message).toBe('现在登记的是“出席”，要改为“请假”，请先确认更改');

    expect(await ledgerSentences()).toContainEqual(expect.stringContaining('王建国（党员）把王建国的请假改为网上自学：主题党日'));
  });
});

describe('taking back one\'s own leave or 我已学习', () => {
  it('clears the line while the session is open, reverses its points, and a retry changes nothing more', async () => {
    const s = await createSession();
    const wang = ids['王建国']!;
    expect((await mark(s.id, wang, member, { status: 'online' })).status).toBe(200);
    expect(await livePoints(wang, s)).toEqual([2]);

    const undone = await withdraw(s.id, wang, member, 'online', 'undo-online-0001');
    expect(undone.status).toBe(200);
    expect(undone.body.attendance).toEqual([expect.objectContaining({ memberId: wang, status: null })]);
    expect(await livePoints(wang, s)).toEqual([]);
    // The same tap again, with its key or without: the same answer, nothing written twice.
    const replay = await withdraw(s.id, wang, member, 'online', 'undo-online-0001');
    expect(replay.status).toBe(200);
    expect(replay.body.attendance[0].status).toBeNull();
    expect((await withdraw(s.id, wang, member, 'online')).status).toBe(200);
    const ledger = (await stack.call('GET', `/members/${wang}/points?year=${chinaDay(s.startsAt).slice(0, 4)}`, { token: secretary })).body.entries as Entry[];
    expect(ledger.filter((e) => e.sessionId === s.id).map((e) => e.points).sort()).toEqual([-2, 2]);

    expect(await ledgerSentences()).toContainEqual(expect.stringContaining('王建国（党员）撤销了王建国的网上自学：主题党日'));
  });

  it('lets the proxy say 我能来了 for the elder, asked before the session', async () => {
    const later = await createSession({ startsAt: daysFromNow(3) });
    const li = ids['李秀英']!;
    expect((await mark(later.id, li, proxy, { status: 'excused', reason: '身体不适' })).status).toBe(200);
    const back = await withdraw(later.id, li, proxy, 'excused');
    expect(back.status).toBe(200);
    expect(await lineOf(later.id, li)).toMatchObject({ status: null });
    expect(await ledgerSentences()).toContainEqual(expect.stringContaining('刘芳（家属代办）撤销了李秀英的请假'));
  });

  it('takes back only what is there: not another status, not someone else\'s line', async () => {
    const s = await createSession();
    const wang = ids['王建国']!;
    const li = ids['李秀英']!;
    expect((await mark(s.id, wang, member, { status: 'excused', reason: '住院' })).status).toBe(200);
    const other = await withdraw(s.id, wang, member, 'online');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('NOTHING_TO_WITHDRAW');
    expect((await lineOf(s.id, wang)).status).toBe('excused');
    // Presence the secretary recorded is not the member's to take back.
    expect((await mark(s.id, li, secretary, { status: 'present' })).status).toBe(200);
    expect((await withdraw(s.id, li, proxy, 'excused')).status).toBe(409);
    // Another member's line in one's own branch: visible session, not theirs to change.
    expect((await withdraw(s.id, li, member, 'excused')).status).toBe(403);
    expect((await withdraw(s.id, wang, secretary, 'excused')).status).toBe(403);
    expect((await withdraw(s.id, wang, member, 'present')).status).toBe(422);
  });

  it('is refused once the session is archived, and another branch\'s session answers 404', async () => {
    const s = await createSession();
    const wang = ids['王建国']!;
    expect((await mark(s.id, wang, member, { status: 'excused', reason: '住院' })).status).toBe(200);
    expect((await stack.call('POST', `/sessions/${s.id}/close`, { token: secretary, body: {} })).status).toBe(200);
    const late = await withdraw(s.id, wang, member, 'excused');
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'WITHDRAW_CLOSED', message: expect.stringContaining('已经归档') });
    expect((await lineOf(s.id, wang)).status).toBe('excused');

    const elsewhere = await createSession({}, secretary2, 'br-2');
    expect((await withdraw(elsewhere.id, wang, member, 'excused')).status).toBe(404);
    expect((await withdraw('no-such-session', wang, member, 'excused')).status).toBe(404);
  });
});

describe('a 送学上门 request taken back, and "没有人来"', () => {
  it('withdraws a request before delivery, in words the secretary reads; asking again makes a new request', async () => {
    const s = await createSession({ startsAt: daysFromNow(5) });
    const li = ids['李秀英']!;
    const asked = await requestVisit(proxy, li, s.id);
    expect(asked.status).toBe(201);
    const back = await withdrawVisit(asked.body.id, proxy, { reason: '身体好转，能去现场' }, 'withdraw-0001');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'cancelled', statusText: '已取消：家属代为撤回申请（身体好转，能去现场）' });
    expect((await withdrawVisit(asked.body.id, proxy, { reason: '身体好转，能去现场' }, 'withdraw-0001')).body.status).toBe('cancelled');
    expect((await withdrawVisit(asked.body.id, proxy)).status).toBe(200);
    const cancelled = (await stack.call('GET', '/branches/br-1/visit-requests?status=cancelled', { token: secretary })).body.items as { id: string; statusText: string }[];
    expect(cancelled.find((v) => v.id === asked.body.id)?.statusText).toContain('家属代为撤回申请');
    expect(await ledgerSentences()).toContainEqual(expect.stringContaining('刘芳（家属代办）撤回了李秀英的送学上门申请'));

    const again = await requestVisit(proxy, li, s.id);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(asked.body.id);
    expect(again.body.status).toBe('requested');
  });

  it('withdraws a scheduled visit (the contact no longer has it), but not a delivered one', async () => {
    const s = await createSession({ startsAt: daysFromNow(6) });
    const wang = ids['王建国']!;
    const asked = await requestVisit(member, wang, s.id);
    expect((await schedule(asked.body.id)).status).toBe(200);
    expect(await contactTasks()).toContain(asked.body.id);
    const back = await withdrawVisit(asked.body.id, member);
    expect(back.body).toMatchObject({ status: 'cancelled', statusText: '已取消：本人撤回申请' });
    expect(await contactTasks()).not.toContain(asked.body.id);

    const second = await requestVisit(member, wang, s.id);
    await schedule(second.body.id);
    expect((await deliver(second.body.id)).status).toBe(200);
    const late = await withdrawVisit(second.body.id, member);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'VISIT_ALREADY_DELIVERED', message: expect.stringContaining('没有人来') });
    // Only the member and their proxy withdraw: the secretary cancels, with a reason.
    expect((await withdrawVisit(second.body.id, secretary)).status).toBe(403);
  });

  it('"没有人来" opens the visit again for the secretary with the member\'s words; it is then arranged, delivered and confirmed', async () => {
    const s = await createSession({ startsAt: daysFromNow(7) });
    const wang = ids['王建国']!;
    const asked = await requestVisit(member, wang, s.id);
    // Not before a delivery is recorded.
    expect((await missed(asked.body.id, member)).status).toBe(409);
    await schedule(asked.body.id);
    expect((await missed(asked.body.id, member)).status).toBe(409);
    await deliver(asked.body.id);

    const nobody = await missed(asked.body.id, member, { note: '等了一上午，没有人来' }, 'missed-0001');
    expect(nobody.status).toBe(200);
    expect(nobody.body).toMatchObject({ status: 'requested', missed: { via: 'member', note: '等了一上午，没有人来' } });
    expect(nobody.body.delivered).toBeUndefined();
    expect(nobody.body.statusText).toMatch(/^本人说.+没有人来送学，已告诉支部，等待重新安排$/);
    expect((await missed(asked.body.id, member, { note: '等了一上午，没有人来' }, 'missed-0001')).body.status).toBe('requested');
    expect((await missed(asked.body.id, member, { note: '等了一上午，没有人来' })).status).toBe(200);
    expect(await contactTasks()).not.toContain(asked.body.id);

    const seen = (await stack.call('GET', '/branches/br-1/visit-requests?status=requested', { token: secretary })).body.items as { id: string; missed?: { note?: string; text: string } }[];
    expect(seen.find((v) => v.id === asked.body.id)?.missed).toMatchObject({ note: '等了一上午，没有人来', text: expect.stringContaining('没有人来送学') });
    expect(await ledgerSentences()).toContainEqual(expect.stringContaining('王建国（党员）告知支部：没有人来为王建国送学上门，请重新安排'));

    expect((await schedule(asked.body.id)).status).toBe(200);
    expect((await deliver(asked.body.id)).status).toBe(200);
    const confirmed = await stack.call('POST', `/visit-requests/${asked.body.id}/confirm`, { token: member, body: {} });
    expect(confirmed.body.status).toBe('closed');
    expect((await lineOf(s.id, wang)).status).toBe('home_delivered');
    // Confirmed: nothing to say "没有人来" about any more.
    expect((await missed(asked.body.id, member)).status).toBe(409);
  });

  it('answers 404 for another branch\'s request', async () => {
    await createSession({ startsAt: daysFromNow(8) }, secretary2, 'br-2');
    const theirs = (await stack.call('GET', '/branches/br-2/members', { token: secretary2 })).body.items as { id: string }[];
    const asked = await stack.call('POST', `/members/${theirs[0]!.id}/visit-requests`, { token: secretary2, body: { slot: 'any' } });
    expect(asked.status).toBe(201);
    expect((await withdrawVisit(asked.body.id, member)).status).toBe(404);
    expect((await missed(asked.body.id, proxy)).status).toBe(404);
    expect((await withdrawVisit('vr-nothing-here', member)).status).toBe(404);
  });
});
