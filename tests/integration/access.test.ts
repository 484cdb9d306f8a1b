import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/stack';
import { daysFromNow } from '../support/time';

/**
 * 404 and 403 over HTTP, as docs/rules.md says: a record the actor may not see (another branch's,
 * another member's) answers 404; a record they see but may not change answers 403. Six actors, one table.
 */
type Who = 'member' | 'proxy' | 'contact' | 'secretary' | 'otherSecretary' | 'inspector';
const accounts: Record<Who, string> = {
  member: 'member-wang', // 王建国 himself
  proxy: 'proxy-liu', // for 李秀英, not for 王建国
  contact: 'contact-1', // paired with 王建国, 李秀英 and 周志刚
  secretary: 'secretary-1', // 第一支部
  otherSecretary: 'secretary-2', // 第二支部
  inspector: 'inspector',
};

let stack: TestStack;
const tokens = {} as Record<Who, string>;
let wang: string;
let sun: string;
let sessionId: string;


beforeAll(async () => {
  stack = await startTestStack();
  for (const who of Object.keys(accounts) as Who[]) tokens[who] = await stack.login(accounts[who]);
  const list = (await stack.call('GET', '/branches/br-1/members', { token: tokens.secretary })).body.items as { id: string; name: string }[];
  wang = list.find((m) => m.name === '王建国')!.id;
  sun = list.find((m) => m.name === '孙桂兰')!.id;
  sessionId = (
    await stack.call('POST', '/branches/br-1/sessions', {
      token: tokens.secretary,
      body: { kind: 'theme_day', topic: '权限测试', startsAt: daysFromNow(2), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })
  ).body.id;
});
afterAll(() => stack?.stop());

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: unknown;
  expected: Partial<Record<Who, number>>;
}

const cases: Case[] = [
  {
    name: "marking 王建国's attendance line (excused)",
    method: 'PUT',
    path: () => `/sessions/${sessionId}/attendance/${wang}`,
    body: { status: 'excused', reason: '身体不适' },
    // The session is visible to its branch: another's line, or the paired contact, is 403, not 404.
    expected: { member: 200, proxy: 403, contact: 403, secretary: 200, otherSecretary: 404, inspector: 403 },
  },
  {
    name: "the branch's paired contacts",
    method: 'GET',
    path: () => '/branches/br-1/contacts',
    expected: { member: 403, proxy: 403, contact: 403, secretary: 200, otherSecretary: 404, inspector: 403 },
  },
  {
    name: '王建国 (own member, paired with the contact)',
    method: 'GET',
    path: () => `/members/${wang}`,
    expected: { member: 200, proxy: 404, contact: 200, secretary: 200, otherSecretary: 404, inspector: 200 },
  },
  {
    name: '孙桂兰 (neither own nor paired)',
    method: 'GET',
    path: () => `/members/${sun}`,
    expected: { member: 404, proxy: 404, contact: 404, secretary: 200, otherSecretary: 404, inspector: 200 },
  },
  {
    name: 'awarding points to 王建国',
    method: 'POST',
    path: () => `/members/${wang}/points/entries`,
    body: { category: 'volunteer', points: 1, reason: '权限测试' },
    expected: { member: 403, proxy: 404, contact: 403, secretary: 201, otherSecretary: 404, inspector: 403 },
  },
  {
    // 王建国 himself asks for a correction that waits for the secretary (202); an inspector may not change it.
    name: 'changing 王建国 (the member only asks, an inspector may not)',
    method: 'PATCH',
    path: () => `/members/${wang}`,
    body: { expectedVersion: 1, partyGroup: '第二党小组' },
    expected: { member: 202, proxy: 404, otherSecretary: 404, inspector: 403 },
  },
  {
    name: "the branch's 送学上门 requests",
    method: 'GET',
    path: () => '/branches/br-1/visit-requests',
    expected: { member: 403, proxy: 403, contact: 403, secretary: 200, otherSecretary: 404, inspector: 200 },
  },
  {
    name: 'my visits to make',
    method: 'GET',
    path: () => '/contacts/me/visits',
    expected: { member: 403, proxy: 403, contact: 200, secretary: 200, otherSecretary: 200, inspector: 403 },
  },
  {
    name: 'planning a session in 第一支部',
    method: 'POST',
    path: () => '/branches/br-1/sessions',
    body: { kind: 'party_lecture', topic: '权限测试党课', startsAt: daysFromNow(3), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    expected: { member: 403, proxy: 403, contact: 403, secretary: 201, otherSecretary: 404, inspector: 403 },
  },
  {
    name: 'reading the session',
    method: 'GET',
    path: () => `/sessions/${sessionId}`,
    expected: { member: 200, proxy: 200, contact: 200, secretary: 200, otherSecretary: 404, inspector: 200 },
  },
];

describe('404 for what the actor may not see, 403 for what they see but may not change', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of Object.keys(c.expected) as Who[]) {
        const { status, body } = await stack.call(c.method, c.path(), { token: tokens[who], ...(c.body ? { body: c.body } : {}) });
        got[who] = status;
        if (status === 403) expect(body.error.code).toBe('FORBIDDEN');
        if (status === 404) expect(body.error.code).toBe('NOT_FOUND');
      }
      expect(got).toEqual(c.expected);
    });
  }
});

describe("GET /me says what the actor may do, and the server keeps to it", () => {
  it('answers can for the actor’s own scope, from the same matrix the routes use', async () => {
    const me = {} as Record<Who, { role: string; can: Record<string, boolean> }>;
    for (const who of Object.keys(accounts) as Who[]) {
      const res = await stack.call('GET', '/me', { token: tokens[who] });
      expect(res.status).toBe(200);
      me[who] = res.body;
    }
    expect(me.secretary.can['session.write']).toBe(true);
    expect(me.otherSecretary.can['session.write']).toBe(true);
    for (const who of ['member', 'proxy', 'contact', 'inspector'] as const) expect(me[who].can['session.write']).toBe(false);
    expect(me.contact.can['member.proposeUpdate']).toBe(true);
    expect(me.member.can['attendance.markOwn']).toBe(true);
    expect(me.inspector.can['review.write']).toBe(true);
    expect(me.secretary.can['review.write']).toBe(false);
    // "My visits to make": offered exactly to those the server lets in.
    for (const who of Object.keys(accounts) as Who[]) {
      const { status } = await stack.call('GET', '/contacts/me/visits', { token: tokens[who] });
      expect(status === 200, `${who}: can ${me[who].can['visit.tasks']}, status ${status}`).toBe(me[who].can['visit.tasks']);
    }
  });
});
