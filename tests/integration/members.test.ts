import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { chinaDayIn } from '../support/time';
import { byPinyin } from '../../shared/src/domain/name-order';

let stack: TestStack;
let secretary: string;
let secretary2: string;
let contact: string;
let inspector: string;
let member: string;
let proxy: string;

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, contact, inspector, member, proxy] = (await Promise.all(
    ['secretary-1', 'secretary-2', 'contact-1', 'inspector', 'member-wang', 'proxy-liu'].map((a) => stack.login(a)),
  )) as [string, string, string, string, string, string];
});
afterAll(() => stack?.stop());

const byName = (items: any[], name: string) => items.find((m) => m.name === name);

describe('branches and members', () => {
  it('lists the branch members by name with masked phones and no health data', async () => {
    const { status, body } = await stack.call('GET', '/branches/br-1/members', { token: secretary });
    expect(status).toBe(200);
    expect(body.items).toHaveLength(8);
    const names = body.items.map((m: { name: string }) => m.name);
    // One order for names everywhere: by pinyin (冯 李 孙 王 吴 …), not by code point.
    expect(names).toEqual([...names].sort(byPinyin));
    const wang = byName(body.items, '王建国');
    // Born 12 March 1944: 82 until his birthday in 2027, then 83 (China's calendar, whatever the machine's zone).
    const today = chinaDayIn(0);
    const age = Number(today.slice(0, 4)) - 1944 - (today.slice(5) < '03-12' ? 1 : 0);
    expect(wang).toMatchObject({ phoneMasked: '138****0001', attendanceMode: 'in_person', bound: true, age });
    expect(JSON.stringify(body)).not.toContain('13800010001');
    expect(JSON.stringify(body)).not.toContain('healthClass');
  });

  it('derives home-delivered study for bedridden members and online study for those far away', async () => {
    const { body } = await stack.call('GET', '/branches/br-1/members', { token: secretary });
    expect(byName(body.items, '李秀英').attendanceMode).toBe('home_delivered');
    expect(byName(body.items, '赵德明').attendanceMode).toBe('online');
  });

  it('answers 404 for another branch, 401 without a token', async () => {
    expect((await stack.call('GET', '/branches/br-2/members', { token: secretary })).status).toBe(404);
    const other = await stack.call('GET', '/branches/br-2/members', { token: secretary2 });
    const chen = byName(other.body.items, '陈保国');
    const denied = await stack.call('GET', `/members/${chen.id}`, { token: secretary });
    expect(denied.status).toBe(404);
    expect(denied.body.error.message).toBe('没有找到该记录');
    expect((await stack.call('GET', '/branches/br-1/members')).status).toBe(401);
    expect((await stack.call('GET', '/me', { token: 'not-a-token' })).status).toBe(401);
  });

  it('shows health data to the secretary, the paired contact, the member and the proxy, never to the inspector', async () => {
    const list = await stack.call('GET', '/branches/br-1/members', { token: secretary });
    const li = byName(list.body.items, '李秀英');
    for (const token of [secretary, contact, proxy]) {
      const { status, body } = await stack.call('GET', `/members/${li.id}`, { token });
      expect(status).toBe(200);
      expect(body.sensitive.healthClass).toBe('not_self_reliant');
    }
    const seen = await stack.call('GET', `/members/${li.id}`, { token: inspector });
    expect(seen.status).toBe(200);
    expect(seen.body.sensitive).toBeUndefined();
    expect(seen.body.phone).toBe('138****0002');
    const own = await stack.call('GET', `/members/${li.id}`, { token: proxy });
    expect(own.body.phone).toBe('13800010002');
    // The member sees themselves only.
    expect((await stack.call('GET', `/members/${li.id}`, { token: member })).status).toBe(404);
  });

  it('gives inspectors health classes as counts per branch only', async () => {
    const { status, body } = await stack.call('GET', '/orgs/org-chengnan/branches', { token: inspector });
    expect(status).toBe(200);
    const b1 = body.items.find((b: { id: string }) => b.id === 'br-1');
    expect(b1.memberCount).toBe(8);
    expect(b1.healthClassCounts).toMatchObject({ not_self_reliant: 2, minor_illness: 2, healthy: 2, chronic_self_reliant: 1, unknown: 1 });
    expect((await stack.call('GET', '/orgs/org-chengnan/branches', { token: secretary })).status).toBe(404);
  });

  it('lets the secretary add a member, counts them and records who did it', async () => {
    const before = (await stack.call('GET', '/branches/br-1', { token: secretary })).body.memberCount;
    const { status, body } = await stack.call('POST', '/branches/br-1/members', {
      token: secretary,
      body: validMember,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: '测试党员', version: 1, updatedBy: 'u-demo-sec1', phone: '13811112222', attendanceMode: 'in_person' });
    // Health data waits for the member's own consent (health-consent.test.ts).
    expect(body.sensitive).toBeUndefined();
    const after = (await stack.call('GET', '/branches/br-1', { token: secretary })).body.memberCount;
    expect(after).toBe(before + 1);
  });

  it('refuses bad input with Chinese messages per field and writes nothing', async () => {
    const before = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items.length;
    const bad = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '', phone: '12' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '姓名：不能为空' },
        { path: 'phone', message: '手机号：应为以 1 开头的 11 位数字' },
      ]),
    );
    const malformed = await stack.call('POST', '/branches/br-1/members', { token: secretary, rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    const after = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items.length;
    expect(after).toBe(before);
  });

  it('answers unknown routes with 404 in Chinese', async () => {
    const { status, body } = await stack.call('GET', '/nowhere', { token: secretary });
    expect(status).toBe(404);
    expect(body.error.message).toBe('没有这个接口');
  });

  it('refuses writes by those who may only read', async () => {
    const list = await stack.call('GET', '/branches/br-1/members', { token: secretary });
    const wang = byName(list.body.items, '王建国');
    expect((await stack.call('PATCH', `/members/${wang.id}`, { token: inspector, body: { expectedVersion: 1, partyGroup: '第二党小组' } })).status).toBe(403);
    expect((await stack.call('POST', '/branches/br-1/members', { token: inspector, body: validMember })).status).toBe(403);
    expect((await stack.call('POST', '/branches/br-1/members', { token: member, body: validMember })).status).toBe(403);
  });

  it('edits with optimistic versions: a stale version answers 409 and changes nothing', async () => {
    const list = await stack.call('GET', '/branches/br-1/members', { token: secretary });
    const wu = byName(list.body.items, '吴淑珍');
    const current = (await stack.call('GET', `/members/${wu.id}`, { token: secretary })).body;
    const edited = await stack.call('PATCH', `/members/${wu.id}`, { token: secretary, body: { expectedVersion: current.version, partyGroup: '第一党小组' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ partyGroup: '第一党小组', version: current.version + 1 });
    const stale = await stack.call('PATCH', `/members/${wu.id}`, { token: secretary, body: { expectedVersion: current.version, partyGroup: '第二党小组' } });
    expect(stale.status).toBe(409);
    expect((await stack.call('GET', `/members/${wu.id}`, { token: secretary })).body.partyGroup).toBe('第一党小组');
  });

  it('keeps a contact’s change pending until the secretary approves it', async () => {
    const list = await stack.call('GET', '/branches/br-1/members', { token: contact });
    // A contact sees only the members paired with them.
    expect(list.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['周志刚', '李秀英', '王建国'].sort());
    const wang = byName(list.body.items, '王建国');
    const before = (await stack.call('GET', `/members/${wang.id}`, { token: contact })).body;
    const proposed = await stack.call('PATCH', `/members/${wang.id}`, {
      token: contact,
      body: { expectedVersion: before.version, sensitive: { ...before.sensitive, careNotes: { ...before.sensitive.careNotes, bestVisitTime: '下午两点后' } } },
    });
    expect(proposed.status).toBe(202);
    const unchanged = (await stack.call('GET', `/members/${wang.id}`, { token: secretary })).body;
    expect(unchanged.sensitive.careNotes.bestVisitTime).toBe('上午九点以后');
    expect(unchanged.pendingChanges).toHaveLength(1);
    const approved = await stack.call('POST', `/members/${wang.id}/changes/${proposed.body.pendingChangeId}/approve`, { token: secretary });
    expect(approved.status).toBe(200);
    expect(approved.body.sensitive.careNotes.bestVisitTime).toBe('下午两点后');
    expect(approved.body.pendingChanges).toEqual([]);
    const again = await stack.call('POST', `/members/${wang.id}/changes/${proposed.body.pendingChangeId}/approve`, { token: secretary });
    expect(again.status).toBe(409);
  });

  it('lets the member and their proxy ask for a correction of their own record, which waits for the secretary', async () => {
    const mine = (await stack.call('GET', '/me', { token: member })).body.memberId as string;
    const before = (await stack.call('GET', `/members/${mine}`, { token: member })).body;
    const asked = await stack.call('PATCH', `/members/${mine}`, { token: member, body: { expectedVersion: before.version, phone: '13800019999' } });
    expect(asked.status).toBe(202);
    // Nothing changes until the secretary approves.
    const seen = (await stack.call('GET', `/members/${mine}`, { token: secretary })).body;
    expect(seen.phone).toBe(before.phone);
    const pending = seen.pendingChanges.find((c: { id: string }) => c.id === asked.body.pendingChangeId);
    expect(pending.patch).toEqual({ phone: '13800019999' });
    const approved = await stack.call('POST', `/members/${mine}/changes/${pending.id}/approve`, { token: secretary });
    expect(approved.body.phone).toBe('13800019999');
    // How the branch arranges their study, and someone else's record, are not theirs to ask about this way.
    expect((await stack.call('PATCH', `/members/${mine}`, { token: member, body: { expectedVersion: approved.body.version, attendanceModeOverride: 'online' } })).status).toBe(403);
    const other = byName((await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items, '周志刚');
    expect((await stack.call('PATCH', `/members/${other.id}`, { token: proxy, body: { expectedVersion: 1, phone: '13800018888' } })).status).toBe(404);
  });

  it('keeps counters exact under concurrent creates', async () => {
    const before = (await stack.call('GET', '/branches/br-2', { token: secretary2 })).body;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stack.call('POST', '/branches/br-2/members', { token: secretary2, body: { ...validMember, name: `并发党员${i}`, phone: undefined } }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const after = (await stack.call('GET', '/branches/br-2', { token: secretary2 })).body;
    expect(after.memberCount).toBe(before.memberCount + 20);
    expect(after.healthClassCounts.unknown).toBe((before.healthClassCounts.unknown ?? 0) + 20);
  });
});
