import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { chinaDay, parsePeriod } from '@ltx/shared/domain/periods';
import { errorCatalog } from '@ltx/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/src/db/client';
import { keys } from '../../functions/src/db/keys';
import { DynamoSignoffRepository } from '../../functions/src/repositories/signoff-repository';
import { DynamoVisitRepository } from '../../functions/src/repositories/visit-repository';
import { startTestStack, type TestStack } from './support/stack';
import { chinaDayIn, daysFromNow, msFromNow, nowIso } from '../support/time';

/**
 * The period lock, over HTTP on the real stack: records of a month two months back are written
 * while it is open, the month is signed off, and then every write into it answers 409
 * PERIOD_LOCKED and changes nothing. The signed month is derived from now's China month, so the
 * file passes at any instant (New Year's Eve in Beijing included).
 */
let stack: TestStack;
let db: ReturnType<typeof createDocumentClient>;
let secretary: string;
let contact: string;
let proxy: string;
let inspector: string;
let ids: Record<string, string>;

const dayMs = 86_400_000;
const ago = (ms: number) => msFromNow(-ms);

/** The China month two months before now's, e.g. `2025-11` when it is January 2026 in Beijing. */
function monthTwoBack(): string {
  const [y, m] = chinaDayIn(0).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const lockedMonth = monthTwoBack();
const lockedYear = Number(lockedMonth.slice(0, 4));
/** 10:00 in Beijing on a day of the signed month. */
const inLocked = (day: number) => `${lockedMonth}-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const graceDays = 100;

const locked = (r: { status: number; body: any }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(409);
  expect(r.body.error).toMatchObject({ code: 'PERIOD_LOCKED', message: errorCatalog.PERIOD_LOCKED.message });
};
const ok = (r: { status: number; body: any }, status = 200) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};

const post = (path: string, token: string, body: unknown, key?: string) =>
  stack.call('POST', path, { token, idempotencyKey: key, ...(typeof body === 'string' ? { rawBody: body } : { body }) });

const plan = async (kind: string, startsAt: string, topic: string) =>
  ok(await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: { kind, topic, startsAt, place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' } }), 201);
const requestVisit = async (sessionId: string) => ok(await post(`/members/${ids['李秀英']}/visit-requests`, secretary, { sessionId, slot: 'morning' }), 201);
const scheduleVisit = async (id: string) =>
  ok(await stack.call('POST', `/visit-requests/${id}/schedule`, { token: secretary, body: { contactUserId: 'u-demo-contact1', windowStart: daysFromNow(1), windowEnd: daysFromNow(1.1) } }));
const deliverVisit = (id: string, deliveredAt: string) => stack.call('POST', `/visit-requests/${id}/deliver`, { token: contact, body: { deliveredAt, studied: '主题党日学习材料' } });

/** What the signed month looks like from outside: compared before and after the refused writes. */
async function snapshot(s: { closed: string; open: string; visits: string[] }) {
  const [ledger, closed, open, points, sessions, ...visits] = await Promise.all([
    stack.call('GET', `/branches/br-1/ledger?period=${lockedMonth}`, { token: inspector }),
    stack.call('GET', `/sessions/${s.closed}`, { token: secretary }),
    stack.call('GET', `/sessions/${s.open}`, { token: secretary }),
    stack.call('GET', `/members/${ids['王建国']}/points?year=${lockedYear}`, { token: secretary }),
    stack.call('GET', `/branches/br-1/sessions?from=${lockedMonth}-01&to=${parsePeriod(lockedMonth)!.end}`, { token: secretary }),
    ...s.visits.map((v) => stack.call('GET', `/visit-requests/${v}`, { token: secretary })),
  ]);
  return { ledger: ledger.body, closed: closed.body, open: open.body, points: points.body, sessions: sessions.body, visits: visits.map((v) => v.body) };
}

let closedId: string;
let openId: string;
let currentId: string;
let lockedEntryId: string;
const visit: Record<'requested' | 'scheduled' | 'delivered' | 'current', string> = { requested: '', scheduled: '', delivered: '', current: '' };

beforeAll(async () => {
  stack = await startTestStack();
  db = createDocumentClient(stack.dynamoEndpoint);
  // The organisation's 送学上门 rules as data: a generous grace here, so a delivery dated in the signed month is within it.
  await db.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.visitRules('org-chengnan'), type: 'VisitRules', rules: { deliveryGraceDays: graceDays } } }));
  [secretary, contact, proxy, inspector] = (await Promise.all(['secretary-1', 'contact-1', 'proxy-liu', 'inspector'].map((a) => stack.login(a)))) as [string, string, string, string];
  const list = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  ids = Object.fromEntries(list.map((m) => [m.name, m.id]));

  // While the month is open: a closed record with attendance and minutes, an open one, a points entry.
  const closed = await plan('theme_day', inLocked(10), '主题党日（已归档）');
  closedId = closed.id;
  ok(await stack.call('PUT', `/sessions/${closedId}/attendance`, { token: secretary, body: { entries: closed.attendance.map((a: { memberId: string }) => ({ memberId: a.memberId, status: 'present' })) } }));
  ok(await stack.call('PUT', `/sessions/${closedId}/minutes`, { token: secretary, body: { content: '学习了全会精神', decisions: '按计划开展送学' } }));
  ok(await stack.call('POST', `/sessions/${closedId}/close`, { token: secretary }));
  const open = await plan('committee_meeting', inLocked(12), '支委会（未归档）');
  openId = open.id;
  ok(await stack.call('PUT', `/sessions/${openId}/attendance/${open.attendance[0].memberId}`, { token: secretary, body: { status: 'present' } }));
  lockedEntryId = ok(await post(`/members/${ids['王建国']}/points/entries`, secretary, { category: 'volunteer', points: 3, reason: '社区帮扶', date: `${lockedMonth}-15` }, 'locks-entry-1'), 201).id;

  // Visits for the signed month's study, in the states a later step would move them from.
  visit.requested = (await requestVisit(closedId)).id;
  visit.scheduled = (await requestVisit(closedId)).id;
  await scheduleVisit(visit.scheduled);
  visit.delivered = (await requestVisit(closedId)).id;
  await scheduleVisit(visit.delivered);
  ok(await deliverVisit(visit.delivered, nowIso()));

  // A visit for a current study that was scheduled long ago (stored as it would be): its delivery may be back-dated into the signed month.
  currentId = (await plan('theme_day', daysFromNow(3), '本期主题党日')).id;
  visit.current = (await requestVisit(currentId)).id;
  await scheduleVisit(visit.current);
  const visits = new DynamoVisitRepository(db, stack.tableName);
  const stored = (await visits.get(visit.current))!;
  const longAgo = ago(120 * dayMs);
  const backdated = { ...stored, createdAt: longAgo, scheduled: { ...stored.scheduled!, at: longAgo }, history: stored.history.map((h) => ({ ...h, at: longAgo })), version: stored.version + 1 };
  expect(await visits.replace(backdated, { status: stored.status, version: stored.version })).toBe('ok');

  // The inspector signs the month off. Through the repository, as points.test does: this file is about what the
  // lock refuses, not about when the sign-off checklist lets a period be signed (tests/integration/inspection.test.ts).
  const period = parsePeriod(lockedMonth)!;
  expect(
    await new DynamoSignoffRepository(db, stack.tableName).put({
      branchId: 'br-1', orgId: 'org-chengnan', period: period.text, start: period.start, end: period.end, by: 'u-demo-inspector', byName: '周明', at: nowIso(),
    }),
  ).toBe('created');
});
afterAll(async () => {
  db?.destroy();
  await stack?.stop();
});

describe('a signed-off period', () => {
  it('refuses every write into its sessions, and nothing changes', async () => {
    const before = await snapshot({ closed: closedId, open: openId, visits: [] });
    expect(before.closed.locked).toBe(true);
    expect(before.open.locked).toBe(true);
    const member = before.closed.attendance[0].memberId as string;

    locked(await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: { kind: 'party_lecture', topic: '补录党课', startsAt: inLocked(20), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' } }));
    locked(await stack.call('PATCH', `/sessions/${openId}`, { token: secretary, body: { expectedVersion: before.open.version, topic: '改个主题' } }));
    locked(await stack.call('PUT', `/sessions/${openId}/attendance/${before.open.attendance[0].memberId}`, { token: secretary, body: { status: 'absent' } }));
    locked(await stack.call('PUT', `/sessions/${openId}/attendance`, { token: secretary, body: { entries: before.open.attendance.map((a: { memberId: string }) => ({ memberId: a.memberId, status: 'present' })) } }));
    locked(await stack.call('PUT', `/sessions/${openId}/minutes`, { token: secretary, body: { content: '补写记录' } }));
    locked(await stack.call('POST', `/sessions/${openId}/close`, { token: secretary }));
    // The member's or proxy's way back (我能来了) writes into the session too.
    locked(await post(`/sessions/${openId}/attendance/${ids['李秀英']}/withdraw`, proxy, { status: 'excused' }));
    // Amendments are part of the record: neither an attendance correction nor a note is added to a signed month.
    locked(await stack.call('POST', `/sessions/${closedId}/amendments`, { token: secretary, body: { reason: '记错了', attendance: { memberId: member, status: 'absent' } } }));
    locked(await stack.call('POST', `/sessions/${closedId}/amendments`, { token: secretary, body: { reason: '补充', note: '会上还学习了党章' } }));

    const after = await snapshot({ closed: closedId, open: openId, visits: [] });
    expect(after).toEqual(before);
    expect(after.closed.amendments).toHaveLength(0);
  });

  it('refuses moving a current session into it', async () => {
    const current = ok(await stack.call('GET', `/sessions/${currentId}`, { token: secretary }));
    locked(await stack.call('PATCH', `/sessions/${currentId}`, { token: secretary, body: { expectedVersion: current.version, startsAt: inLocked(25) } }));
    expect(ok(await stack.call('GET', `/sessions/${currentId}`, { token: secretary }))).toEqual(current);
  });

  it('refuses points entries dated in it and their reversal; a correction goes into the current period', async () => {
    const before = ok(await stack.call('GET', `/members/${ids['王建国']}/points?year=${lockedYear}`, { token: secretary }));
    locked(await post(`/members/${ids['王建国']}/points/entries`, secretary, { category: 'volunteer', points: 3, reason: '补记', date: `${lockedMonth}-20` }));
    locked(await post(`/points/entries/${lockedEntryId}/reversal`, secretary, { reason: '记错了' }));
    expect(ok(await stack.call('GET', `/members/${ids['王建国']}/points?year=${lockedYear}`, { token: secretary }))).toEqual(before);

    // What the message says to do: a new entry in the current period that names the old one.
    const correction = ok(await post(`/members/${ids['王建国']}/points/entries`, secretary, { category: 'adjustment', points: -3, reason: '更正：帮扶分记错了人', refersTo: lockedEntryId }), 201);
    expect(correction).toMatchObject({ refersTo: lockedEntryId, date: chinaDay(correction.recordedAt) });
    expect(correction.date > parsePeriod(lockedMonth)!.end).toBe(true);
  });

  it('refuses every step of the visits that deliver its study, and nothing changes', async () => {
    const before = await snapshot({ closed: closedId, open: openId, visits: [visit.requested, visit.scheduled, visit.delivered] });
    expect(before.visits.map((v) => v.status)).toEqual(['requested', 'scheduled', 'delivered']);

    locked(await post(`/members/${ids['李秀英']}/visit-requests`, proxy, { sessionId: closedId }));
    locked(await stack.call('POST', `/visit-requests/${visit.requested}/schedule`, { token: secretary, body: { contactUserId: 'u-demo-contact1', windowStart: daysFromNow(1), windowEnd: daysFromNow(1.1) } }));
    locked(await stack.call('POST', `/visit-requests/${visit.requested}/cancel`, { token: secretary, body: { reason: '本人住院' } }));
    locked(await deliverVisit(visit.scheduled, nowIso()));
    locked(await stack.call('POST', `/visit-requests/${visit.delivered}/confirm`, { token: proxy, body: {} }));
    locked(await stack.call('POST', `/visit-requests/${visit.delivered}/confirm`, { token: secretary, body: { byPhone: true } }));
    // The proxy's ways back are steps of the visit too.
    locked(await post(`/visit-requests/${visit.scheduled}/withdraw`, proxy, {}));
    locked(await post(`/visit-requests/${visit.delivered}/missed`, proxy, { note: '没有人来' }));

    const after = await snapshot({ closed: closedId, open: openId, visits: [visit.requested, visit.scheduled, visit.delivered] });
    expect(after).toEqual(before);
    // The signed record's attendance was not credited from the visit.
    expect(after.closed.attendance.find((a: { memberName: string }) => a.memberName === '李秀英').status).toBe('present');
  });

  it('refuses a delivery back-dated into it, even for a current study', async () => {
    locked(await deliverVisit(visit.current, inLocked(15)));
    expect(ok(await stack.call('GET', `/visit-requests/${visit.current}`, { token: secretary })).status).toBe('scheduled');
  });

  it('refuses the inspector’s opinion on it after signing', async () => {
    const before = ok(await stack.call('GET', `/branches/br-1/reviews?period=${lockedMonth}`, { token: inspector }));
    locked(await stack.call('POST', '/branches/br-1/reviews', { token: inspector, body: { period: lockedMonth, opinion: '补充意见', items: [] } }));
    expect(ok(await stack.call('GET', `/branches/br-1/reviews?period=${lockedMonth}`, { token: inspector }))).toEqual(before);
  });
});

describe('the time of a delivery', () => {
  it('is no further back than the organisation’s grace, and not before the visit was scheduled', async () => {
    const tooOld = await deliverVisit(visit.current, ago((graceDays + 1) * dayMs));
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.error.fields).toEqual([{ path: 'deliveredAt', message: `送学时间：只能补记 ${graceDays} 天以内的送学` }]);

    // A request for another study, scheduled just now (a second request for the same study would be the same one).
    const fresh = (await requestVisit((await plan('party_lecture', daysFromNow(5), '本期党课')).id)).id;
    await scheduleVisit(fresh);
    const early = await deliverVisit(fresh, ago(3600_000));
    expect(early.status).toBe(422);
    expect(early.body.error.fields).toEqual([{ path: 'deliveredAt', message: '送学时间：不能早于安排送学的时间' }]);
    expect(ok(await stack.call('GET', `/visit-requests/${fresh}`, { token: secretary })).status).toBe('scheduled');

    // 07:00 in Beijing on the first day after the signed month: weeks back, past the default week but inside this
    // organisation's grace, and not in the signed month, though its UTC date is the signed month's last day.
    const nextMonth = parsePeriod(lockedMonth)!.end;
    const justAfter = new Date(Date.parse(`${nextMonth}T07:00:00+08:00`)).toISOString();
    expect(justAfter.slice(0, 10) < nextMonth).toBe(true);
    const deliveredIn = async (period: string) => ok(await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: inspector })).education.visitsDelivered as number;
    const [signedBefore, nextBefore] = [await deliveredIn(lockedMonth), await deliveredIn(nextMonth.slice(0, 7))];
    expect(ok(await deliverVisit(visit.current, justAfter))).toMatchObject({ status: 'delivered', delivered: { at: justAfter } });
    // The signed month's ledger is as it was signed; the delivery counts in the month it happened in Beijing.
    expect(await deliveredIn(lockedMonth)).toBe(signedBefore);
    expect(await deliveredIn(nextMonth.slice(0, 7))).toBe(nextBefore + 1);
  });
});
