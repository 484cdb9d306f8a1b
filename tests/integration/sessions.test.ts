import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/stack';
import { daysFromNow, msFromNow, nowIso } from '../support/time';

let stack: TestStack;
let secretary: string;
let secretary2: string;
let member: string;
let proxy: string;
let contact: string;
let inspector: string;
let admin: string;
let members: { id: string; name: string; committeeRole?: string; partyGroup?: string }[];

const plan = (over: Record<string, unknown> = {}) => ({
  kind: 'theme_day', topic: '学习党的二十届四中全会精神', startsAt: daysFromNow(3), place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍',
  materialText: '学习材料：全会公报全文。', onlineOffered: true, ...over,
});

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, member, proxy, contact, inspector, admin] = (await Promise.all(
    ['secretary-1', 'secretary-2', 'member-wang', 'proxy-liu', 'contact-1', 'inspector', 'admin'].map((a) => stack.login(a)),
  )) as [string, string, string, string, string, string, string];
  members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items;
});
afterAll(() => stack?.stop());

const idOf = (name: string) => members.find((m) => m.name === name)!.id;

describe('organisational life', () => {
  it('plans a theme day for the whole branch, a committee meeting for the committee, a group meeting for the group', async () => {
    const day = await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan() });
    expect(day.status).toBe(201);
    expect(day.body.attendance).toHaveLength(members.length);
    expect(day.body.quorum).toBeUndefined();

    const committee = await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ kind: 'committee_meeting', topic: '研究十二月工作' }) });
    expect(committee.body.attendance).toHaveLength(3);
    expect(committee.body.attendance.map((a: { memberName: string }) => a.memberName).sort()).toEqual(members.filter((m) => m.committeeRole).map((m) => m.name).sort());
    expect(committee.body.quorum).toMatchObject({ present: 0, met: false });

    const group = await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ kind: 'group_meeting', partyGroup: '第二党小组' }) });
    expect(group.body.attendance.length).toBe(members.filter((m) => m.partyGroup === '第二党小组').length);
    const noGroup = await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ kind: 'group_meeting' }) });
    expect(noGroup.status).toBe(422);
    expect(noGroup.body.error.fields[0]).toMatchObject({ path: 'partyGroup' });
  });

  it('marks everyone present in one write, changes one line, and stores the quorum', async () => {
    const committee = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ kind: 'committee_meeting', startsAt: daysFromNow(-2) }) })).body;
    const everyone = committee.attendance.map((a: { memberId: string }) => ({ memberId: a.memberId, status: 'present' }));
    const all = await stack.call('PUT', `/sessions/${committee.id}/attendance`, { token: secretary, body: { entries: everyone } });
    expect(all.status).toBe(200);
    expect(all.body.quorum).toMatchObject({ entitled: everyone.length, present: everyone.length, met: true });
    const first = everyone[0].memberId;
    const leave = await stack.call('PUT', `/sessions/${committee.id}/attendance/${first}`, { token: secretary, body: { status: 'excused' } });
    expect(leave.status).toBe(422);
    expect(leave.body.error.fields[0].message).toContain('请假');
    const ok = await stack.call('PUT', `/sessions/${committee.id}/attendance/${first}`, { token: secretary, body: { status: 'excused', reason: '住院' } });
    expect(ok.body.attendance.find((a: { memberId: string }) => a.memberId === first)).toMatchObject({ status: 'excused', reason: '住院' });
    expect(ok.body.quorum.present).toBe(everyone.length - 1);
  });

  it('lets a member ask for leave or say they studied online, but nothing else, and shows them only their own line', async () => {
    // Held a few minutes ago: online study counts only once a session has started.
    const day = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ startsAt: msFromNow(-5 * 60_000) }) })).body;
    const wang = idOf('王建国');
    const leave = await stack.call('PUT', `/sessions/${day.id}/attendance/${wang}`, { token: member, body: { status: 'excused', reason: '腿脚不便' } });
    expect(leave.status).toBe(200);
    expect(leave.body.attendance).toEqual([expect.objectContaining({ memberId: wang, status: 'excused' })]);
    expect((await stack.call('PUT', `/sessions/${day.id}/attendance/${wang}`, { token: member, body: { status: 'present' } })).status).toBe(403);
    // The session is visible to the member; another member's line is not theirs to change: 403 (docs/rules.md).
    expect((await stack.call('PUT', `/sessions/${day.id}/attendance/${idOf('李秀英')}`, { token: member, body: { status: 'online' } })).status).toBe(403);
    const online = await stack.call('PUT', `/sessions/${day.id}/attendance/${idOf('李秀英')}`, { token: proxy, body: { status: 'online', reflection: '妈妈听了材料，很受教育' } });
    expect(online.status).toBe(200);
    expect(online.body.attendance[0]).toMatchObject({ status: 'online', reflection: '妈妈听了材料，很受教育' });
  });

  it('shows the member their sessions with the next one first and their own status', async () => {
    const { status, body } = await stack.call('GET', `/members/${idOf('王建国')}/sessions`, { token: member });
    expect(status).toBe(200);
    const upcoming = body.items.filter((s: { startsAt: string }) => s.startsAt > nowIso());
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming[0]).toMatchObject({ kind: 'theme_day', materialText: '学习材料：全会公报全文。' });
    expect((await stack.call('GET', `/members/${idOf('李秀英')}/sessions`, { token: member })).status).toBe(404);
  });

  it('closes the record: writes answer 409 with a clear message, an amendment is the only way in', async () => {
    const day = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ startsAt: daysFromNow(-1) }) })).body;
    const minutes = await stack.call('PUT', `/sessions/${day.id}/minutes`, { token: secretary, body: { agenda: '一、学习；二、讨论', content: '大家踊跃发言', decisions: '下月走访困难党员' } });
    expect(minutes.status).toBe(200);
    expect(minutes.body.minutes.decisions).toBe('下月走访困难党员');
    const closed = await stack.call('POST', `/sessions/${day.id}/close`, { token: secretary });
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'u-demo-sec1' });

    const wang = idOf('王建国');
    for (const [method, path, body] of [
      ['PUT', `/sessions/${day.id}/attendance/${wang}`, { status: 'present' }],
      ['PUT', `/sessions/${day.id}/minutes`, { content: '改写' }],
      ['PATCH', `/sessions/${day.id}`, { expectedVersion: closed.body.version, place: '别处' }],
      ['POST', `/sessions/${day.id}/close`, undefined],
    ] as const) {
      const refused = await stack.call(method, path, { token: secretary, body });
      expect(refused.status, `${method} ${path}`).toBe(409);
      expect(refused.body.error.message).toContain('更正');
    }
    const amended = await stack.call('POST', `/sessions/${day.id}/amendments`, {
      token: secretary, body: { reason: '会后核实，王建国同志实际到会', attendance: { memberId: wang, status: 'present' } },
    });
    expect(amended.status).toBe(201);
    expect(amended.body.attendance.find((a: { memberId: string }) => a.memberId === wang).status).toBe('present');
    expect(amended.body.amendments).toEqual([expect.objectContaining({ reason: '会后核实，王建国同志实际到会', by: 'u-demo-sec1' })]);
    expect(amended.body.minutes.content).toBe('大家踊跃发言');
  });

  it('hides another branch’s sessions (404) and keeps inspectors and contacts to reading', async () => {
    const day = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan() })).body;
    expect((await stack.call('GET', `/sessions/${day.id}`, { token: secretary2 })).status).toBe(404);
    expect((await stack.call('GET', '/branches/br-1/sessions', { token: secretary2 })).status).toBe(404);
    expect((await stack.call('GET', `/sessions/${day.id}`, { token: inspector })).status).toBe(200);
    expect((await stack.call('GET', `/sessions/${day.id}`, { token: contact })).status).toBe(200);
    expect((await stack.call('POST', `/sessions/${day.id}/close`, { token: inspector })).status).toBe(403);
    expect((await stack.call('POST', '/branches/br-1/sessions', { token: contact, body: plan() })).status).toBe(403);
  });

  it('lists a branch’s sessions of a month with one query, filtered by kind', async () => {
    const month = new Date(daysFromNow(3)).toISOString().slice(0, 7);
    const { status, body } = await stack.call('GET', `/branches/br-1/sessions?from=${month}-01&to=${month}-28&kind=committee_meeting`, { token: secretary });
    expect(status).toBe(200);
    expect(body.items.every((s: { kind: string }) => s.kind === 'committee_meeting')).toBe(true);
    const bad = await stack.call('GET', '/branches/br-1/sessions?from=yesterday', { token: secretary });
    expect(bad.status).toBe(422);
  });

  it('uploads a photo through the presigned form and refuses files that were never uploaded', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const ticket = await stack.call('POST', '/uploads', { token: secretary, body: { contentType: 'image/png', size: png.length, name: '会议照片.png' } });
    expect(ticket.status).toBe(201);
    const tooBig = new FormData();
    for (const [k, v] of Object.entries(ticket.body.fields as Record<string, string>)) tooBig.append(k, v);
    tooBig.append('file', new Blob([Buffer.concat([png, png])], { type: 'image/png' }), 'a.png');
    expect((await fetch(ticket.body.url, { method: 'POST', body: tooBig })).status).toBe(400);

    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.body.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([png], { type: 'image/png' }), 'a.png');
    expect((await fetch(ticket.body.url, { method: 'POST', body: form })).status).toBe(204);

    const day = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ startsAt: daysFromNow(-1) }) })).body;
    const withPhoto = await stack.call('PUT', `/sessions/${day.id}/minutes`, { token: secretary, body: { content: '合影留念', photos: [{ uploadId: ticket.body.uploadId, name: '会议照片.png' }] } });
    expect(withPhoto.status).toBe(200);
    const photo = await fetch(withPhoto.body.minutes.photos[0].url);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);

    const never = await stack.call('POST', '/uploads', { token: secretary, body: { contentType: 'application/pdf', size: 100, name: '材料.pdf' } });
    const refused = await stack.call('PUT', `/sessions/${day.id}/minutes`, { token: secretary, body: { photos: [{ uploadId: never.body.uploadId, name: '材料.pdf' }] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('UPLOAD_INVALID');
    const exe = await stack.call('POST', '/uploads', { token: secretary, body: { contentType: 'application/x-msdownload', size: 100, name: 'a.exe' } });
    expect(exe.status).toBe(422);
  });

  it('computes reminders into the outbox and records subscriptions', async () => {
    const wang = idOf('王建国');
    expect((await stack.call('PUT', `/members/${wang}/subscriptions`, { token: member, body: { kinds: ['session_tomorrow'] } })).status).toBe(200);
    const day = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ startsAt: daysFromNow(5), topic: '提醒测试' }) })).body;
    const { body } = await stack.call('GET', '/branches/br-1/outbox', { token: secretary });
    const mine = body.items.filter((e: { sessionId: string; memberId: string }) => e.sessionId === day.id && e.memberId === wang);
    expect(mine.map((e: { kind: string; channel: string }) => `${e.kind}:${e.channel}`).sort()).toEqual(['material_published:none', 'session_tomorrow:wechat']);
    expect(mine.find((e: { kind: string }) => e.kind === 'session_tomorrow').text).toContain('提醒测试');
    expect((await stack.call('GET', '/branches/br-1/outbox', { token: member })).status).toBe(403);
  });

  it('warns of members quiet for five months, and the rules are data the admin edits', async () => {
    const overview = await stack.call('GET', '/branches/br-1/overview', { token: secretary });
    expect(overview.status).toBe(200);
    expect(Array.isArray(overview.body.quietMembers)).toBe(true);
    const rules = await stack.call('GET', '/orgs/org-chengnan/session-rules', { token: admin });
    expect(rules.body).toMatchObject({ committee_meeting: 'monthly', branch_general_meeting: 'quarterly', democratic_appraisal: 'yearly' });
    const saved = await stack.call('PUT', '/orgs/org-chengnan/session-rules', { token: admin, body: { ...rules.body, party_lecture: 'monthly' } });
    expect(saved.status).toBe(200);
    expect((await stack.call('GET', '/orgs/org-chengnan/session-rules', { token: inspector })).body.party_lecture).toBe('monthly');
    expect((await stack.call('PUT', '/orgs/org-chengnan/session-rules', { token: inspector, body: rules.body })).status).toBe(403);
  });
});
