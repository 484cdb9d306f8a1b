import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/stack';
import { daysFromNow, msFromNow, nowIso } from '../support/time';

let stack: TestStack;
let secretary: string;
let secretary2: string;
let proxy: string;
let member: string;
let contact: string;
let inspector: string;
let liId: string;
let wangId: string;
let sessionId: string;


const newRequest = (token: string, memberId: string, key?: string) =>
  stack.call('POST', `/members/${memberId}/visit-requests`, { token, idempotencyKey: key, body: { slot: 'morning', note: '妈妈这次来不了' } });

const schedule = (id: string, token = secretary) =>
  stack.call('POST', `/visit-requests/${id}/schedule`, { token, body: { contactUserId: 'u-demo-contact1', windowStart: daysFromNow(1), windowEnd: msFromNow(86_400_000 + 7_200_000) } });
const deliver = (id: string, token = contact, extra: Record<string, unknown> = {}) =>
  stack.call('POST', `/visit-requests/${id}/deliver`, { token, body: { deliveredAt: nowIso(), studied: '学习全会公报', remarks: '很受鼓舞', ...extra } });

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, proxy, member, contact, inspector] = (await Promise.all(
    ['secretary-1', 'secretary-2', 'proxy-liu', 'member-wang', 'contact-1', 'inspector'].map((a) => stack.login(a)),
  )) as [string, string, string, string, string, string];
  const list = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  liId = list.find((m) => m.name === '李秀英')!.id;
  wangId = list.find((m) => m.name === '王建国')!.id;
  sessionId = (
    await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary,
      body: { kind: 'theme_day', topic: '送学测试', startsAt: daysFromNow(4), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍', materialText: '材料' },
    })
  ).body.id;
});
afterAll(() => stack?.stop());

describe('送学上门', () => {
  it('proposes drafts for members who study at home when a session is planned; the secretary accepts in one tap', async () => {
    const drafts = (await stack.call('GET', '/branches/br-1/visit-requests?status=draft', { token: secretary })).body.items;
    const names = drafts.filter((d: { sessionId: string }) => d.sessionId === sessionId).map((d: { memberName: string }) => d.memberName).sort();
    expect(names).toEqual(['周志刚', '李秀英'].sort());
    const zhou = drafts.find((d: { memberName: string; sessionId: string }) => d.memberName === '周志刚' && d.sessionId === sessionId);
    const accepted = await stack.call('POST', `/visit-requests/${zhou.id}/accept`, { token: secretary });
    expect(accepted.body.status).toBe('requested');
    expect((await stack.call('POST', `/visit-requests/${zhou.id}/accept`, { token: secretary })).status).toBe(409);
  });

  it('runs the whole flow: proxy requests, secretary schedules, contact delivers with an observation, member confirms, attendance credited', async () => {
    const requested = await newRequest(proxy, liId, 'key-flow-0001');
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'requested', sessionId, slot: 'morning', requestedByRole: 'proxy' });
    expect(requested.body.statusText).toContain('上午');

    const scheduled = await schedule(requested.body.id);
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.statusText).toMatch(/^已安排：林小红 .+ (凌晨|上午|中午|下午|晚上)\d+点.*来$/);

    const mine = await stack.call('GET', '/contacts/me/visits', { token: contact });
    const visit = mine.body.items.find((v: { id: string }) => v.id === requested.body.id);
    expect(visit).toMatchObject({ memberName: '李秀英', memberGender: 'female', memberPhone: '13800010002' });
    expect(visit.careNotes.bestVisitTime).toBe('下午三点到五点');
    expect(visit.emergencyContacts[0]).toMatchObject({ name: '刘芳', phone: '13900010002' });

    const delivered = await deliver(requested.body.id, contact, { observations: { hearing: '右耳也开始听不清' }, views: '希望多组织线上学习' });
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.delivered.careNotesChange).toBe('pending_approval');
    const profile = await stack.call('GET', `/members/${liId}`, { token: secretary });
    expect(profile.body.pendingChanges.at(-1).patch.sensitive.careNotes.hearing).toBe('右耳也开始听不清');

    // Before confirmation the session does not count it.
    const before = await stack.call('GET', `/sessions/${sessionId}`, { token: secretary });
    expect(before.body.attendance.find((a: { memberId: string }) => a.memberId === liId).status).toBeNull();

    const confirmed = await stack.call('POST', `/visit-requests/${requested.body.id}/confirm`, { token: proxy, body: {} });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('closed');
    expect(confirmed.body.confirmed.via).toBe('proxy');
    const after = await stack.call('GET', `/sessions/${sessionId}`, { token: secretary });
    expect(after.body.attendance.find((a: { memberId: string }) => a.memberId === liId).status).toBe('home_delivered');
  });

  it('turns the system’s draft into the member’s request instead of a second one beside it', async () => {
    const planned = await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'party_lecture', topic: '草稿采纳', startsAt: daysFromNow(6), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    });
    const draft = (await stack.call('GET', '/branches/br-1/visit-requests?status=draft', { token: secretary })).body.items.find(
      (d: { sessionId: string; memberId: string }) => d.sessionId === planned.body.id && d.memberId === liId,
    );
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${stack.url}/api/v1/members/${liId}/visit-requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${proxy}` },
          body: JSON.stringify({ sessionId: planned.body.id, slot: 'afternoon' }),
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    expect(results.every((r) => r.body.id === draft.id)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results[0]!.body).toMatchObject({ status: 'requested', slot: 'afternoon', requestedByRole: 'proxy' });
    const open = (await stack.call('GET', '/branches/br-1/visit-requests', { token: secretary })).body.items;
    expect(open.filter((v: { sessionId: string; memberId: string }) => v.sessionId === planned.body.id && v.memberId === liId)).toHaveLength(1);
  });

  it('creates exactly one request from 20 identical submissions with one key, and answers each the same', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => newRequest(member, wangId, 'double-tap-key-0001')));
    // Every repeat answers the first result: the same status and the same request.
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const open = (await stack.call('GET', '/branches/br-1/visit-requests', { token: secretary })).body.items;
    expect(open.filter((v: { memberId: string; requestedByRole: string }) => v.memberId === wangId && v.requestedByRole === 'member')).toHaveLength(1);
  });

  it('lets exactly one of two concurrent deliveries win', async () => {
    const { body } = await newRequest(secretary, wangId, 'race-key-00001');
    await schedule(body.id);
    const [a, b] = await Promise.all([deliver(body.id, contact), deliver(body.id, secretary)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.message).toContain('状态');
  });

  it('enforces the state machine: every illegal step answers 409', async () => {
    const { body } = await newRequest(member, wangId, 'illegal-steps-01');
    const id = body.id;
    expect((await deliver(id, secretary)).status).toBe(409);
    expect((await stack.call('POST', `/visit-requests/${id}/confirm`, { token: member, body: {} })).status).toBe(409);
    expect((await stack.call('POST', `/visit-requests/${id}/accept`, { token: secretary })).status).toBe(409);
    expect((await schedule(id)).status).toBe(200);
    expect((await schedule(id)).body.status).toBe('scheduled'); // rescheduled
    expect((await stack.call('POST', `/visit-requests/${id}/cancel`, { token: member, body: {} })).status).toBe(422);
    const cancelled = await stack.call('POST', `/visit-requests/${id}/cancel`, { token: member, body: { reason: '身体好转，能去现场' } });
    expect(cancelled.body.statusText).toBe('已取消：身体好转，能去现场');
    for (const step of ['accept', 'cancel']) {
      expect((await stack.call('POST', `/visit-requests/${id}/${step}`, { token: secretary, body: { reason: 'x' } })).status).toBe(409);
    }
    expect((await schedule(id)).status).toBe(409);
    expect((await deliver(id, secretary)).status).toBe(409);

    const { body: late } = await newRequest(member, wangId, 'illegal-steps-02');
    await schedule(late.id);
    await deliver(late.id, secretary);
    expect((await stack.call('POST', `/visit-requests/${late.id}/cancel`, { token: secretary, body: { reason: '太晚了' } })).status).toBe(409);
    expect((await stack.call('POST', `/visit-requests/${late.id}/confirm`, { token: secretary, body: {} })).status).toBe(422);
    const byPhone = await stack.call('POST', `/visit-requests/${late.id}/confirm`, { token: secretary, body: { byPhone: true } });
    expect(byPhone.body).toMatchObject({ status: 'closed', confirmed: { via: 'secretary_phone' } });
    expect((await stack.call('POST', `/visit-requests/${late.id}/confirm`, { token: member, body: {} })).status).toBe(409);
  });

  it('hides requests from other branches and from contacts they are not assigned to', async () => {
    const { body } = await newRequest(member, wangId, 'access-key-0001');
    expect((await stack.call('GET', `/visit-requests/${body.id}`, { token: secretary2 })).status).toBe(404);
    expect((await stack.call('GET', `/visit-requests/${body.id}`, { token: contact })).status).toBe(404);
    expect((await stack.call('GET', '/branches/br-1/visit-requests', { token: secretary2 })).status).toBe(404);
    expect((await stack.call('GET', `/visit-requests/${body.id}`, { token: inspector })).status).toBe(200);
    expect((await schedule(body.id, inspector)).status).toBe(403);
    await schedule(body.id);
    expect((await stack.call('GET', `/visit-requests/${body.id}`, { token: contact })).status).toBe(200);
    expect((await stack.call('GET', '/contacts/me/visits', { token: member })).status).toBe(403);
  });

  it('shows the member their request status in words and counts open requests on the secretary’s home', async () => {
    const mine = await stack.call('GET', `/members/${wangId}/visit-requests`, { token: member });
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((v: { statusText: string }) => v.statusText.length > 0)).toBe(true);
    const overview = await stack.call('GET', '/branches/br-1/overview', { token: secretary });
    expect(overview.body.visits.open).toBeGreaterThan(0);
    expect(overview.body.visits.notScheduled).toBe(0);
    const contacts = await stack.call('GET', '/branches/br-1/contacts', { token: secretary });
    expect(contacts.body.items).toEqual([{ userId: 'u-demo-contact1', name: '林小红' }]);
  });
});
