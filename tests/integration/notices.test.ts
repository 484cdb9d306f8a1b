import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeWords } from '@ltx/shared/wording/notice-words';
import { testClock } from '../support/clock';
import { daysFromNow, msFromNow } from '../support/time';
import { startTestStack, type TestStack } from './support/stack';

/**
 * 变动通知 (issue 17, item 2): when the branch schedules, moves or cancels a 送学上门, or moves a session,
 * the member's and their family proxy's home says so with the reason, until each of them taps 知道了.
 * Real handlers over dynalite with the demo branch.
 */
let stack: TestStack;
let secretary: string;
let member: string;
let proxy: string;
let wangId: string;
let motherId: string;

type Notice = { id: string; kind: string; reason?: string; from?: { startsAt: string; place?: string }; to?: { startsAt: string; place?: string }; contactName?: string; byName: string; byRole: string };
const notices = async (memberId: string, token: string) => {
  const r = await stack.call('GET', `/members/${memberId}/notices`, { token });
  expect(r.status).toBe(200);
  return r.body.items as Notice[];
};
const seen = (memberId: string, noticeId: string, token: string) => stack.call('POST', `/members/${memberId}/notices/${noticeId}/seen`, { token });

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, member, proxy] = (await Promise.all(['secretary-1', 'member-wang', 'proxy-liu'].map((a) => stack.login(a)))) as [string, string, string];
  wangId = (await stack.call('GET', '/me', { token: member })).body.memberId;
  motherId = (await stack.call('GET', '/me', { token: proxy })).body.memberId;
});
afterAll(() => stack?.stop());

describe('a 送学上门 the branch changes', () => {
  it('tells the family when it is scheduled, moved and cancelled, each with what changed and why, until they have seen it', async () => {
    const session = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'party_lecture', topic: '学习全会精神', startsAt: daysFromNow(3), place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍', onlineOffered: false },
    })).body as { id: string };
    const requested = await stack.call('POST', `/members/${motherId}/visit-requests`, { token: proxy, body: { sessionId: session.id, slot: 'morning' } });
    expect(requested.status).toBe(201);
    const visitId = requested.body.id as string;
    // Her own request tells her nothing new.
    expect(await notices(motherId, proxy)).toEqual([]);

    const first = { contactUserId: 'u-demo-contact1', windowStart: daysFromNow(1), windowEnd: msFromNow(86_400_000 + 7_200_000) };
    expect((await stack.call('POST', `/visit-requests/${visitId}/schedule`, { token: secretary, body: first })).status).toBe(200);
    const scheduled = await notices(motherId, proxy);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ kind: 'visit_scheduled', to: { startsAt: new Date(first.windowStart).toISOString() }, byRole: 'secretary' });
    expect(scheduled[0]!.contactName).toMatch(/[\u4e00-\u9fa5]/);

    // Moved: the newest word on the visit replaces the older one (it says both times).
    const moved = { ...first, windowStart: daysFromNow(2), windowEnd: msFromNow(2 * 86_400_000 + 3_600_000), reason: '联系人那天要去医院' };
    expect((await stack.call('POST', `/visit-requests/${visitId}/schedule`, { token: secretary, body: moved })).status).toBe(200);
    const movedNotices = await notices(motherId, proxy);
    expect(movedNotices.map((n) => n.kind)).toEqual(['visit_moved']);
    expect(movedNotices[0]).toMatchObject({ from: { startsAt: new Date(first.windowStart).toISOString() }, to: { startsAt: new Date(moved.windowStart).toISOString() }, reason: '联系人那天要去医院' });

    const cancelled = await stack.call('POST', `/visit-requests/${visitId}/cancel`, { token: secretary, body: { reason: '老人已住院，出院后再安排' } });
    expect(cancelled.status).toBe(200);
    const all = await notices(motherId, proxy);
    expect(all.map((n) => n.kind)).toEqual(['visit_cancelled']);
    expect(all[0]).toMatchObject({ reason: '老人已住院，出院后再安排', from: { startsAt: new Date(moved.windowStart).toISOString() } });
    expect(all[0]!.to).toBeUndefined();

    // Read as the family reads it: words, the reason, who told them; no ids, no codes.
    const words = noticeWords(all[0] as never, { today: testClock.now() });
    expect(words.title).toBe('送学上门取消了');
    expect(words.reason).toBe('原因：老人已住院，出院后再安排');
    expect(words.told).toMatch(/^支部书记[\u4e00-\u9fa5]+ \d+月\d+日告知$/);
    expect(Object.values(words).flat().join('')).not.toMatch(/[a-z]{3,}|[0-9a-f]{8}-/);

    // 知道了: gone for the one who tapped, once and for all (the older words on the visit do not come back); the answer is what is left.
    const after = await seen(motherId, all[0]!.id, proxy);
    expect(after.status).toBe(200);
    expect(after.body.items).toEqual([]);
    expect((await seen(motherId, all[0]!.id, proxy)).status).toBe(200);
    expect(await notices(motherId, proxy)).toEqual([]);
  });

  it('is for the member and their family only: staff are refused, another member\'s answers 404, a made-up notice 404', async () => {
    expect((await stack.call('GET', `/members/${motherId}/notices`, { token: member })).status).toBe(404);
    expect((await stack.call('GET', `/members/${wangId}/notices`, { token: secretary })).status).toBe(403);
    const secretary2 = await stack.login('secretary-2');
    expect((await stack.call('GET', `/members/${wangId}/notices`, { token: secretary2 })).status).toBe(404);
    expect((await seen(wangId, 'no-such-notice', member)).status).toBe(404);
  });
});

describe('a session the branch moves', () => {
  it('tells every member it expects, with the old and new time and place and the reason; the one who saw it no longer sees it', async () => {
    const created = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '重温入党誓词', startsAt: daysFromNow(5), place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍', onlineOffered: true },
    })).body as { id: string; version: number; startsAt: string };
    const before = (await notices(wangId, member)).length;

    const newStart = daysFromNow(6);
    const patched = await stack.call('PATCH', `/sessions/${created.id}`, {
      token: secretary, body: { startsAt: newStart, place: '老干部活动中心二楼', changeReason: '活动室装修', expectedVersion: created.version },
    });
    expect(patched.status).toBe(200);

    const wang = await notices(wangId, member);
    expect(wang).toHaveLength(before + 1);
    expect(wang[0]).toMatchObject({
      kind: 'session_moved', reason: '活动室装修',
      from: { startsAt: created.startsAt, place: '社区党员活动室' }, to: { startsAt: new Date(newStart).toISOString(), place: '老干部活动中心二楼' },
    });
    const words = noticeWords(wang[0] as never, { today: testClock.now() });
    expect(words.title).toBe('主题党日改时间了');
    expect(words.lines.join('')).toContain('老干部活动中心二楼');
    // The same change reaches his fellow member's family too.
    expect((await notices(motherId, proxy)).some((n) => n.kind === 'session_moved' && n.reason === '活动室装修')).toBe(true);

    // A change of the topic alone moves nothing: nobody is told.
    await stack.call('PATCH', `/sessions/${created.id}`, { token: secretary, body: { topic: '重温入党誓词（二）', expectedVersion: created.version + 1 } });
    expect(await notices(wangId, member)).toHaveLength(before + 1);

    await seen(wangId, wang[0]!.id, member);
    expect((await notices(wangId, member)).some((n) => n.id === wang[0]!.id)).toBe(false);
    // His family (had he a proxy) would still see it: seeing is per reader, kept on the notice.
  });

  it('refuses a reason longer than a short sentence, naming the field, and moves nothing', async () => {
    const created = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '学习党史', startsAt: daysFromNow(8), place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍', onlineOffered: true },
    })).body as { id: string; version: number; startsAt: string };
    const r = await stack.call('PATCH', `/sessions/${created.id}`, { token: secretary, body: { startsAt: daysFromNow(9), changeReason: '很'.repeat(101), expectedVersion: created.version } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body.error.fields)).toContain('改期原因');
    expect((await stack.call('GET', `/sessions/${created.id}`, { token: secretary })).body.startsAt).toBe(created.startsAt);
  });
});
