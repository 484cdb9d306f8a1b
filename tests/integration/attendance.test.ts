import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '@ltx/shared/domain/periods';
import { createDocumentClient } from '../../functions/src/db/client';
import { DynamoMemberRepository } from '../../functions/src/repositories/member-repository';
import { DynamoPointsRepository } from '../../functions/src/repositories/points-repository';
import { entryId } from '../../functions/src/services/points-service';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { daysFromNow, msFromNow, nowIso } from '../support/time';

let stack: TestStack;
let secretary: string;
let secretary2: string;
let member: string;
let proxy: string;
let ids: Record<string, string>;

/** Sessions that must count as held "now" start a few minutes ago (the same China day and year at any instant but the first minutes of a day). */
const minutesAgo = (m: number) => msFromNow(-m * 60_000);
const plan = (over: Record<string, unknown> = {}) => ({
  kind: 'theme_day', topic: '学习党章', startsAt: minutesAgo(5), place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍', onlineOffered: true, ...over,
});

type Line = { memberId: string; memberName: string; status: string | null; selfRecorded?: string; visitText?: string };
type Entry = { id: string; sessionId?: string; points: number; reversalOf?: string; reversedBy?: string };

const createSession = async (over: Record<string, unknown> = {}) => {
  const r = await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan(over) });
  expect(r.status).toBe(201);
  return r.body as { id: string; startsAt: string; attendance: Line[] };
};
const lineOf = (s: { attendance: Line[] }, memberId: string) => s.attendance.find((a) => a.memberId === memberId)!;
const yearOf = (startsAt: string) => Number(chinaDay(startsAt).slice(0, 4));
/** The member's live points for one session (entries not reversed, reversals excluded). */
const livePoints = async (memberId: string, session: { id: string; startsAt: string }) => {
  const body = (await stack.call('GET', `/members/${memberId}/points?year=${yearOf(session.startsAt)}`, { token: secretary })).body as { entries: Entry[] };
  return body.entries.filter((e) => e.sessionId === session.id && !e.reversalOf && !e.reversedBy).map((e) => e.points);
};
const lastParticipatedAt = async (memberId: string) =>
  ((await stack.call('GET', `/members/${memberId}`, { token: secretary })).body as { lastParticipatedAt?: string }).lastParticipatedAt ?? null;

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, member, proxy] = (await Promise.all(['secretary-1', 'secretary-2', 'member-wang', 'proxy-liu'].map((a) => stack.login(a)))) as [string, string, string, string];
  const list = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  ids = Object.fromEntries(list.map((m) => [m.name, m.id]));
});
afterAll(() => stack?.stop());

describe('attendance before a session starts', () => {
  it('refuses presence, absence and online study (and so their points), but takes leave', async () => {
    const later = await createSession({ startsAt: daysFromNow(3) });
    const wang = ids['王建国']!;
    const present = await stack.call('PUT', `/sessions/${later.id}/attendance/${wang}`, { token: secretary, body: { status: 'present' } });
    expect(present.status).toBe(409);
    expect(present.body.error).toMatchObject({ code: 'SESSION_NOT_STARTED' });
    expect(present.body.error.message).toContain('会议还没有开始');
    expect((await stack.call('PUT', `/sessions/${later.id}/attendance/${wang}`, { token: secretary, body: { status: 'absent' } })).status).toBe(409);
    const studied = await stack.call('PUT', `/sessions/${later.id}/attendance/${wang}`, { token: member, body: { status: 'online' } });
    expect(studied.status).toBe(409);
    const all = await stack.call('PUT', `/sessions/${later.id}/attendance`, { token: secretary, body: { entries: later.attendance.map((a) => ({ memberId: a.memberId, status: 'present' })) } });
    expect(all.status).toBe(409);
    expect(await livePoints(wang, later)).toEqual([]);

    const leave = await stack.call('PUT', `/sessions/${later.id}/attendance/${wang}`, { token: member, body: { status: 'excused', reason: '住院' } });
    expect(leave.status).toBe(200);
    expect(leave.body.attendance[0]).toMatchObject({ status: 'excused', reason: '住院' });
  });
});

describe('"everyone present" keeps what people said', () => {
  it('previews, fills only unrecorded lines, never touches own lines or a 送学上门 under way, and can be undone', async () => {
    const s = await createSession();
    const wang = ids['王建国']!;
    const li = ids['李秀英']!;
    const zhou = ids['周志刚']!;
    // 王建国 says he studied online himself; 李秀英's daughter asks for the study at home; the secretary records 周志刚's leave.
    expect((await stack.call('PUT', `/sessions/${s.id}/attendance/${wang}`, { token: member, body: { status: 'online', reflection: '认真读了' } })).status).toBe(200);
    expect((await stack.call('POST', `/members/${li}/visit-requests`, { token: proxy, body: { sessionId: s.id, slot: 'afternoon' } })).status).toBe(201);
    expect((await stack.call('PUT', `/sessions/${s.id}/attendance/${zhou}`, { token: secretary, body: { status: 'excused', reason: '外出就医' } })).status).toBe(200);
    const everyone = { entries: s.attendance.map((a) => ({ memberId: a.memberId, status: 'present' })) };
    const others = s.attendance.map((a) => a.memberId).filter((m) => ![wang, li, zhou].includes(m));

    const preview = await stack.call('POST', `/sessions/${s.id}/attendance/preview`, { token: secretary, body: everyone });
    expect(preview.status).toBe(200);
    expect(preview.body.toMark.map((l: Line) => l.memberId).sort()).toEqual([...others].sort());
    expect(preview.body.toMark[0].text).toBe('将登记为“出席”');
    const kept = Object.fromEntries(preview.body.kept.map((l: Line & { text: string }) => [l.memberId, l]));
    expect(kept[wang]).toMatchObject({ status: 'online', text: '已登记为“网上自学”（王建国本人登记），保持不变' });
    expect(kept[li]).toMatchObject({ status: null, text: '送学上门已申请，待安排，保持不变' });
    expect(kept[zhou].text).toContain('请假：外出就医');
    expect(preview.body.summary).toBe(`将为 ${others.length} 人登记；3 人已有登记或已安排送学上门，保持不变。`);
    // A preview writes nothing.
    expect(lineOf((await stack.call('GET', `/sessions/${s.id}`, { token: secretary })).body, others[0]!).status).toBeNull();

    const before = await Promise.all(others.map((m) => livePoints(m, s)));
    expect(before.every((p) => p.length === 0)).toBe(true);
    const marked = await stack.call('PUT', `/sessions/${s.id}/attendance`, { token: secretary, body: everyone });
    expect(marked.status).toBe(200);
    expect(lineOf(marked.body, wang)).toMatchObject({ status: 'online', selfRecorded: '王建国本人登记' });
    expect(lineOf(marked.body, li)).toMatchObject({ status: null, visitText: '送学上门已申请，待安排' });
    expect(lineOf(marked.body, zhou)).toMatchObject({ status: 'excused' });
    for (const m of others) expect(lineOf(marked.body, m).status).toBe('present');
    expect(marked.body.lastBulk).toMatchObject({ count: others.length, undoable: true });
    expect(await livePoints(others[0]!, s)).toEqual([2]);
    expect(await lastParticipatedAt(others[0]!)).toBe(s.startsAt);

    const undone = await stack.call('POST', `/sessions/${s.id}/attendance/undo`, { token: secretary, body: { bulkId: marked.body.lastBulk.id } });
    expect(undone.status).toBe(200);
    for (const m of others) expect(lineOf(undone.body, m).status).toBeNull();
    expect(lineOf(undone.body, wang).status).toBe('online');
    expect(lineOf(undone.body, zhou).status).toBe('excused');
    expect(undone.body.lastBulk).toBeUndefined();
    // The points went back through the ledger: the award stays, reversed.
    expect(await livePoints(others[0]!, s)).toEqual([]);
    const ledger = (await stack.call('GET', `/members/${others[0]}/points?year=${yearOf(s.startsAt)}`, { token: secretary })).body.entries as Entry[];
    expect(ledger.filter((e) => e.sessionId === s.id).map((e) => e.points).sort()).toEqual([-2, 2]);

    const again = await stack.call('POST', `/sessions/${s.id}/attendance/undo`, { token: secretary, body: { bulkId: marked.body.lastBulk.id } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOTHING_TO_UNDO');

    // Once a line it filled has been changed, the undo is refused as a whole.
    const second = (await stack.call('PUT', `/sessions/${s.id}/attendance`, { token: secretary, body: everyone })).body;
    await stack.call('PUT', `/sessions/${s.id}/attendance/${others[1]}`, { token: secretary, body: { status: 'absent' } });
    const changed = (await stack.call('GET', `/sessions/${s.id}`, { token: secretary })).body;
    expect(changed.lastBulk.undoable).toBe(false);
    const stale = await stack.call('POST', `/sessions/${s.id}/attendance/undo`, { token: secretary, body: { bulkId: second.lastBulk.id } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('UNDO_STALE');
    expect(lineOf((await stack.call('GET', `/sessions/${s.id}`, { token: secretary })).body, others[0]!).status).toBe('present');

    // Only the secretary: a member may neither preview nor undo.
    expect((await stack.call('POST', `/sessions/${s.id}/attendance/preview`, { token: member, body: everyone })).status).toBe(403);
    expect((await stack.call('POST', `/sessions/${s.id}/attendance/undo`, { token: member, body: { bulkId: second.lastBulk.id } })).status).toBe(403);
  });
});

describe('archiving without minutes', () => {
  it('asks a 支部党员大会 for the reason there are no minutes, and keeps it on the record', async () => {
    const meeting = await createSession({ kind: 'branch_general_meeting', topic: '选举支部委员' });
    const refused = await stack.call('POST', `/sessions/${meeting.id}/close`, { token: secretary });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'MINUTES_MISSING' });
    expect(refused.body.error.message).toContain('没有记录的原因');
    expect((await stack.call('GET', `/sessions/${meeting.id}`, { token: secretary })).body.status).toBe('open');
    const blank = await stack.call('POST', `/sessions/${meeting.id}/close`, { token: secretary, body: { noMinutesReason: '   ' } });
    expect(blank.status).toBe(422);
    const closed = await stack.call('POST', `/sessions/${meeting.id}/close`, { token: secretary, body: { noMinutesReason: '记录人住院，纸质记录补交' } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', noMinutesReason: '记录人住院，纸质记录补交' });
    // The inspector reads the reason in the period's ledger and its printed page.
    const inspector = await stack.login('inspector');
    const period = chinaDay(meeting.startsAt).slice(0, 7);
    const ledger = await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: inspector });
    expect(ledger.body.sessions.find((x: { id: string }) => x.id === meeting.id)).toMatchObject({ minutes: null, noMinutesReason: '记录人住院，纸质记录补交' });
    const print = await fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${period}&format=html`, { headers: { authorization: `Bearer ${inspector}` } });
    expect(await print.text()).toContain('未填写会议记录（原因：记录人住院，纸质记录补交）');
  });

  it('archives a meeting with minutes, or a theme day, without asking', async () => {
    const meeting = await createSession({ kind: 'committee_meeting', topic: '研究工作' });
    await stack.call('PUT', `/sessions/${meeting.id}/minutes`, { token: secretary, body: { content: '研究了下月安排' } });
    const closed = await stack.call('POST', `/sessions/${meeting.id}/close`, { token: secretary, body: { noMinutesReason: '不需要' } });
    expect(closed.status).toBe(200);
    expect(closed.body.noMinutesReason).toBeUndefined();
    const day = await createSession();
    expect((await stack.call('POST', `/sessions/${day.id}/close`, { token: secretary })).status).toBe(200);
  });
});

describe('derived fields follow the stored line', () => {
  const statuses = [{ status: 'present' }, { status: 'absent' }, { status: 'excused', reason: '身体不适' }];

  it('20 concurrent changes of one line converge: participation date and points match the final line', async () => {
    const created = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '并发测试' } });
    expect(created.status).toBe(201);
    const m = created.body.id as string;
    for (const offset of [0, 1]) {
      const s = await createSession({ topic: `并发登记 ${offset}` });
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stack.call('PUT', `/sessions/${s.id}/attendance/${m}`, { token: secretary, body: statuses[(i + offset) % 3] })),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const final = lineOf((await stack.call('GET', `/sessions/${s.id}`, { token: secretary })).body, m).status;
      expect(final).not.toBeNull();
      expect(await livePoints(m, s)).toEqual(final === 'present' ? [2] : []);
      // The member took part (present or excused) exactly when the final line says so; this session is the member's latest.
      const last = await lastParticipatedAt(m);
      if (final === 'absent') expect(last === null || last < s.startsAt).toBe(true);
      else expect(last).toBe(s.startsAt);
    }
  });

  it('reconciliation repairs a corrupted participation date and points, and says so', async () => {
    const created = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '核对测试' } });
    const m = created.body.id as string;
    const s = await createSession({ topic: '核对' });
    await stack.call('PUT', `/sessions/${s.id}/attendance/${m}`, { token: secretary, body: { status: 'present' } });
    expect(await lastParticipatedAt(m)).toBe(s.startsAt);
    expect(await livePoints(m, s)).toEqual([2]);

    // Drift: the date is lost and a second award for the same session appears.
    const db = createDocumentClient(stack.dynamoEndpoint);
    await new DynamoMemberRepository(db, stack.tableName).setLastParticipation(m, null);
    const year = yearOf(s.startsAt);
    await new DynamoPointsRepository(db, stack.tableName).append({
      id: entryId(year, m, 'corrupt', s.id), orgId: 'org-chengnan', branchId: 'br-1', memberId: m, year, date: chinaDay(s.startsAt), category: 'theme_day', points: 2,
      source: 'attendance', sourceKey: `session:${s.id}`, sessionId: s.id, reason: '重复记录', recordedBy: 'system', recordedAt: nowIso(),
    });
    expect(await lastParticipatedAt(m)).toBeNull();
    expect(await livePoints(m, s)).toEqual([2, 2]);

    expect((await stack.call('POST', `/sessions/${s.id}/reconcile`, { token: member })).status).toBe(403);
    expect((await stack.call('POST', `/sessions/${s.id}/reconcile`, { token: secretary2 })).status).toBe(404);
    const report = await stack.call('POST', `/sessions/${s.id}/reconcile`, { token: secretary });
    expect(report.status).toBe(200);
    expect(report.body.repaired).toEqual({ lastParticipatedAt: 1, points: 1 });
    expect(report.body.lines).toEqual(['核对测试：已按出席记录修正最近参加日期和积分']);
    expect(report.body.message).toContain('修正了 1 人的最近参加日期、1 人的积分');
    expect(await lastParticipatedAt(m)).toBe(s.startsAt);
    expect(await livePoints(m, s)).toEqual([2]);

    const clean = await stack.call('POST', `/sessions/${s.id}/reconcile`, { token: secretary });
    expect(clean.body.repaired).toEqual({ lastParticipatedAt: 0, points: 0 });
    expect(clean.body.message).toContain('没有需要修正的');
  });
});
