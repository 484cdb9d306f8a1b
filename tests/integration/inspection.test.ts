import ExcelJS from 'exceljs';
import { periodWords } from '@ltx/shared/domain/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/stack';
import { markAllPresent, planSession, tenInBeijing } from './support/sessions';

let stack: TestStack;
let secretary: string;
let secretary2: string;
let inspector: string;
let admin: string;
let member: string;
const period = '2025-Q3';
const committeeIds: string[] = [];

const at = tenInBeijing;
const plan = (token: string, branchId: string, kind: string, day: string, extra: Record<string, unknown> = {}) => planSession(stack, token, branchId, kind, day, extra);
const allPresent = (token: string, session: { id: string; attendance: { memberId: string }[] }) => markAllPresent(stack, token, session);

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, inspector, admin, member] = (await Promise.all(['secretary-1', 'secretary-2', 'inspector', 'admin', 'member-wang'].map((a) => stack.login(a)))) as [
    string, string, string, string, string,
  ];
  // Branch 1 held 2 of the 3 monthly 支委会 of the quarter, and nothing else.
  for (const day of ['2025-07-10', '2025-08-10']) {
    const s = await plan(secretary, 'br-1', 'committee_meeting', day);
    committeeIds.push(s.id);
    await allPresent(secretary, s);
  }
  // Branch 2 held everything the default rules require for a quarter, everyone present.
  for (const month of ['07', '08', '09']) {
    for (const kind of ['committee_meeting', 'theme_day']) await allPresent(secretary2, await plan(secretary2, 'br-2', kind, `2025-${month}-12`));
    await allPresent(secretary2, await plan(secretary2, 'br-2', 'group_meeting', `2025-${month}-15`, { partyGroup: '第一党小组' }));
  }
  await allPresent(secretary2, await plan(secretary2, 'br-2', 'branch_general_meeting', '2025-09-20'));
  await allPresent(secretary2, await plan(secretary2, 'br-2', 'party_lecture', '2025-09-21'));
});
afterAll(() => stack?.stop());

describe('inspection', () => {
  it('shows at a glance which branch falls short, the short branch first', async () => {
    const { status, body } = await stack.call('GET', `/orgs/org-chengnan/compliance?period=${period}`, { token: inspector });
    expect(status).toBe(200);
    expect(body.branches.map((b: { branchId: string }) => b.branchId)).toEqual(['br-1', 'br-2']);
    const [b1, b2] = body.branches;
    expect(b1.meetings.find((m: { kind: string }) => m.kind === 'committee_meeting')).toMatchObject({ kind: 'committee_meeting', due: true, held: 2, required: 3, short: true });
    expect(b1.shortfalls).toContain('支委会 2/3，不足');
    expect(b2.meetings.every((m: { short: boolean }) => !m.short)).toBe(true);
    expect(b2.coverage).toMatchObject({ sessions: 11, average: 1, lowest: 1 });
    expect(b1.coverage).toMatchObject({ sessions: 2, average: 1 });
    expect((await stack.call('GET', `/orgs/org-chengnan/compliance?period=2025-13`, { token: inspector })).status).toBe(422);
    expect((await stack.call('GET', `/orgs/org-chengnan/compliance?period=${period}`, { token: secretary })).status).toBe(404);
  });

  it('opens the ledger in its sections, health only as counts', async () => {
    const { status, body } = await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: inspector });
    expect(status).toBe(200);
    expect(body.setup.committee.map((c: { name: string }) => c.name).sort()).toEqual(['吴淑珍', '王建国', '郑国强'].sort());
    expect(body.setup.byHealthClass).toMatchObject({ not_self_reliant: 2 });
    expect(body.sessions).toHaveLength(2);
    expect(body.sessions[0]).toMatchObject({ kind: 'committee_meeting', expected: 3, present: 3, quorumMet: true });
    expect(body.sessions[0].filledBy).toBe('张卫东');
    expect(Array.isArray(body.audit)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('左耳听力弱');
    expect((await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: secretary2 })).status).toBe(404);
    expect((await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: member })).status).toBe(403);
  });

  it('runs a rectification from opinion to acceptance: open, answered, returned, answered, accepted', async () => {
    const review = await stack.call('POST', '/branches/br-1/reviews', {
      token: inspector, body: { period, opinion: '支委会召开次数不足，会议记录需完整。', items: [{ what: '补开九月支委会并完善记录', deadline: '2099-12-31' }] },
    });
    expect(review.status).toBe(201);
    const item = review.body.items[0];
    expect(item).toMatchObject({ status: 'open', overdue: false });
    expect((await stack.call('POST', '/branches/br-1/reviews', { token: secretary, body: { period, opinion: '自评', items: [] } })).status).toBe(403);
    expect((await stack.call('PATCH', `/rectifications/${item.id}`, { token: inspector, body: { action: 'accept' } })).status).toBe(409);
    expect((await stack.call('PATCH', `/rectifications/${item.id}`, { token: inspector, body: { action: 'answer', text: '代答' } })).status).toBe(403);

    const answered = await stack.call('PATCH', `/rectifications/${item.id}`, { token: secretary, body: { action: 'answer', text: '已于十月补开' } });
    expect(answered.body.status).toBe('answered');
    const returned = await stack.call('PATCH', `/rectifications/${item.id}`, { token: inspector, body: { action: 'return', reason: '请附会议记录照片' } });
    expect(returned.body.status).toBe('returned');
    expect((await stack.call('PATCH', `/rectifications/${item.id}`, { token: inspector, body: { action: 'return' } })).status).toBe(422);
    await stack.call('PATCH', `/rectifications/${item.id}`, { token: secretary, body: { action: 'answer', text: '已补充会议记录' } });
    const accepted = await stack.call('PATCH', `/rectifications/${item.id}`, { token: inspector, body: { action: 'accept' } });
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.history.map((h: { action: string }) => h.action)).toEqual(['open', 'answer', 'return', 'answer', 'accept']);
    expect(accepted.body.history[2]).toMatchObject({ byName: '周明', text: '请附会议记录照片' });

    const late = await stack.call('POST', '/branches/br-1/reviews', { token: inspector, body: { period, opinion: '另有一项', items: [{ what: '更新党员信息', deadline: '2025-10-01' }] } });
    expect(late.body.items[0].overdue).toBe(true);
    const compliance = await stack.call('GET', `/orgs/org-chengnan/compliance?period=${period}`, { token: inspector });
    expect(compliance.body.branches.find((b: { branchId: string }) => b.branchId === 'br-1')).toMatchObject({ openItems: 1, overdueItems: 1 });
    const open = await stack.call('GET', '/branches/br-1/rectifications', { token: secretary });
    expect(open.body.items.map((i: { what: string; overdue: boolean }) => [i.what, i.overdue])).toEqual([['更新党员信息', true]]);
    expect((await stack.call('GET', '/branches/br-1/rectifications', { token: secretary2 })).status).toBe(404);
  });

  it('locks the period after sign-off: sessions, attendance, minutes and amendments answer 409', async () => {
    const check = await stack.call('GET', `/branches/br-1/signoff-check?period=${period}`, { token: inspector });
    const kinds: string[] = check.body.items.map((i: { kind: string }) => i.kind);
    // What the quarter's rules required and the branch did not hold comes first (支委会 2 of 3; the others none).
    expect(kinds.filter((k) => k === 'meeting_short')).toHaveLength(5);
    expect(check.body.items.map((i: { text: string }) => i.text)).toContain(`支委会：${periodWords(period)}应开 3 次，只开了 2 次`);
    expect(kinds.filter((k) => k !== 'meeting_short')).toEqual(['session_open', 'session_open', 'minutes_missing', 'minutes_missing', 'rectification_open']);
    const acknowledged = check.body.items.map((i: { key: string }) => i.key);
    const signed = await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period, acknowledged } });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ period, byName: '周明' });
    expect((await stack.call('POST', '/branches/br-1/signoffs', { token: inspector, body: { period, acknowledged } })).status).toBe(409);
    expect((await stack.call('POST', '/branches/br-1/signoffs', { token: secretary, body: { period: '2025-Q2' } })).status).toBe(403);

    const session = (await stack.call('GET', `/sessions/${committeeIds[0]}`, { token: secretary })).body;
    const change = await stack.call('PUT', `/sessions/${session.id}/attendance/${session.attendance[0].memberId}`, { token: secretary, body: { status: 'absent' } });
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe('PERIOD_LOCKED');
    expect(change.body.error.message).toContain('签字');
    expect((await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { content: '补写' } })).status).toBe(409);
    expect((await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '补录', startsAt: at('2025-08-20'), place: '活动室', hostName: '书记', recorderName: '委员' },
    })).status).toBe(409);
    expect((await stack.call('POST', `/sessions/${session.id}/amendments`, {
      token: secretary, body: { reason: '更正', attendance: { memberId: session.attendance[0].memberId, status: 'absent' } },
    })).status).toBe(409);
    // A note too: the correction is a new record in the current period, not an addition to the signed one.
    const note = await stack.call('POST', `/sessions/${session.id}/amendments`, { token: secretary, body: { reason: '核对记录', note: '九月另有一次临时支委会未记录，已在本期补记' } });
    expect(note.status).toBe(409);
    const ledger = await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: inspector });
    expect(ledger.body.signoff).toMatchObject({ byName: '周明' });
    expect(ledger.body.sessions.find((x: { id: string }) => x.id === session.id).amendments).toBe(0);
    expect((await stack.call('GET', `/sessions/${session.id}`, { token: secretary })).body.locked).toBe(true);
  });

  it('exports the ledger as a workbook with one sheet per section, and as a page for printing', async () => {
    const response = await fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${period}&format=xlsx`, { headers: { authorization: `Bearer ${inspector}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['组织设置', '组织生活', '党员教育', '党员积分', '影像资料', '填报审核记录', '督导意见', '督导签字']);
    const life = book.getWorksheet('组织生活')!;
    expect(life.rowCount).toBe(3);
    expect(life.getRow(2).getCell(2).value).toBe('支委会');
    expect(book.getWorksheet('党员积分')!.rowCount).toBe(9);
    expect(book.getWorksheet('督导意见')!.getRow(2).getCell(3).value).toBe('支委会召开次数不足，会议记录需完整。');

    const print = await fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${period}&format=pdf`, { headers: { authorization: `Bearer ${inspector}` } });
    expect(print.headers.get('content-type')).toContain('text/html');
    const html = await print.text();
    expect(html).toContain('第一离退休干部党支部 党支部工作台账（2025-Q3）');
    expect(html).toContain('督导签字：周明');
    expect((await fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${period}&format=doc`, { headers: { authorization: `Bearer ${inspector}` } })).status).toBe(422);
  });

  it('gives inspectors only reviews, acceptances and sign-offs to write', async () => {
    const members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items;
    expect((await stack.call('PATCH', `/members/${members[0].id}`, { token: inspector, body: { expectedVersion: 1, partyGroup: 'x' } })).status).toBe(403);
    expect((await stack.call('POST', '/branches/br-1/sessions', { token: inspector, body: {} })).status).toBe(422);
    expect((await stack.call('POST', `/members/${members[0].id}/points/entries`, { token: inspector, body: { category: 'volunteer', points: 3, reason: '督导记分' } })).status).toBe(403);
    expect((await stack.call('GET', `/orgs/org-chengnan/compliance?period=${period}`, { token: admin })).status).toBe(200);
  });
});
