import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/src/api';
import { startTestStack, type TestStack } from './support/stack';
import { nowIso } from '../support/time';

let stack: TestStack;
let secretary: string;
let boundMember: string;
let memberId: string;
let sessionId: string;
let requestId: string;

beforeAll(async () => {
  stack = await startTestStack();
  secretary = await stack.login('secretary-1');
  const list = await stack.call('GET', '/branches/br-1/members', { token: secretary });
  memberId = list.body.items[0].id;
  sessionId = (
    await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary,
      body: { kind: 'theme_day', topic: '模糊测试', startsAt: nowIso(), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })
  ).body.id;
  requestId = (await stack.call('POST', `/members/${memberId}/visit-requests`, { token: secretary, body: { sessionId } })).body.id;
  boundMember = (await stack.call('POST', '/auth/dev-login', { body: { account: 'member-wang' } })).body.token;
});
afterAll(() => stack?.stop());

/** Anything JSON can carry, plus near-misses of the real shapes. */
const anyBody = fc.oneof(
  fc.jsonValue(),
  fc.record({ name: fc.string(), gender: fc.string(), birthDate: fc.string(), expectedVersion: fc.anything() }, { requiredKeys: [] }),
  fc.record({ inviteCode: fc.string(), kind: fc.string(), code: fc.string(), account: fc.string() }, { requiredKeys: [] }),
  fc.dictionary(fc.string(), fc.anything().map((v) => (typeof v === 'bigint' ? String(v) : v))),
);
const rawBody = fc.oneof(
  anyBody.map((b) => { try { return JSON.stringify(b) ?? 'null'; } catch { return '{'; } }),
  fc.string(),
);

// Closing needs no body, so the first random call closes the fuzzed session: it goes last.
const writeRoutes = routes.filter((r) => r.method !== 'GET').sort((a, b) => Number(a.id === 'session-close') - Number(b.id === 'session-close'));
const concrete = (path: string) =>
  path.replace('{branchId}', 'br-1').replace('{memberId}', memberId).replace('{changeId}', 'nope').replace('{sessionId}', sessionId).replace('{orgId}', 'org-chengnan').replace('{requestId}', requestId).replace('{entryId}', '2026_nobody_0123456789abcdef0123').replace('{itemId}', 'no-such-item').replace('{userId}', 'u-demo-sec2').replace('{transferId}', 'no-such-transfer').replace('{importId}', 'no-such-import').replace('{feedbackId}', 'no-such-feedback').replace('{noticeId}', 'no-such-notice');

// 500 random bodies a route in the ordinary run; the fixed-instant reruns check time, not parsing: 50 there.
const bodies = process.env.TEST_NOW ? 50 : 500;

describe('bad input gets a clear 4xx and changes nothing', () => {
  it('reaches every write route with real ids in its path', () => {
    for (const r of writeRoutes) expect(concrete(r.path), r.path).not.toContain('{');
  });

  for (const route of writeRoutes) {
    it(`${route.method} ${route.path}: ${bodies} random bodies, only 4xx`, async () => {
      const before = (await stack.call('GET', '/branches/br-1', { token: secretary })).body.memberCount;
      const token = route.id === 'binding-create' ? boundMember : secretary;
      await fc.assert(
        fc.asyncProperty(rawBody, async (body) => {
          const { status, body: answer } = await stack.call(route.method, concrete(route.path).replace('/api/v1', ''), { token, rawBody: body });
          // A random body may happen to be valid for a route without required fields; it must still never fail inside.
          expect(status).toBeLessThan(500);
          if (status >= 400) {
            expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
            for (const f of answer.error.fields ?? []) expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
          }
        }),
        { numRuns: bodies },
      );
      const after = (await stack.call('GET', '/branches/br-1', { token: secretary })).body.memberCount;
      if (route.id !== 'member-create') expect(after).toBe(before);
    });
  }

  it('never creates a member from a random body', async () => {
    const before = (await stack.call('GET', '/branches/br-1', { token: secretary })).body.memberCount;
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const { status } = await stack.call('POST', '/branches/br-1/members', { token: secretary, body });
        expect([400, 422]).toContain(status);
      }),
      { numRuns: process.env.TEST_NOW ? 40 : 200 },
    );
    expect((await stack.call('GET', '/branches/br-1', { token: secretary })).body.memberCount).toBe(before);
  });
});

describe('date filters on session lists', () => {
  const list = (query: string) => stack.call('GET', `/branches/br-1/sessions?${query}`, { token: secretary });

  it('answers an inverted window with 422 naming the field, in Chinese', async () => {
    const { status, body } = await list('from=2026-05-01&to=2026-04-01');
    expect(status).toBe(422);
    expect(body.error.fields).toEqual([{ path: 'to', message: '结束日期：不能早于开始日期' }]);
  });

  it('answers a window longer than 400 days, an impossible day and a far-off year with 422', async () => {
    const tooLong = await list('from=2024-01-01&to=2025-02-05');
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.fields[0].message).toBe('结束日期：与开始日期相隔不能超过 400 天');
    const impossible = await list('from=2026-02-30');
    expect(impossible.status).toBe(422);
    expect(impossible.body.error.fields[0].message).toMatch(/^开始日期：/);
    for (const far of ['from=1900-01-01', 'to=9999-12-31', 'from=0000-01-01&to=0000-01-02']) {
      const { status, body } = await list(far);
      expect(status, far).toBe(422);
      expect(body.error.fields[0].message, far).toMatch(/^(开始|结束)日期：/);
    }
  });

  it('accepts a window of exactly 400 days and one given end alone (the other from its year)', async () => {
    expect((await list('from=2024-01-01&to=2025-02-03')).status).toBe(200);
    for (const q of ['from=2099-06-01', 'to=2001-01-01', 'from=2003-12-31', 'to=2000-01-01']) {
      const { status, body } = await list(q);
      expect(status, q).toBe(200);
      expect(body.items, q).toEqual([]);
    }
  });
});

describe('malformed % escapes in paths', () => {
  it('answer 400 with a Chinese message on API routes, with or without a token', async () => {
    for (const path of ['/members/%E0%A4%A', '/members/%', '/branches/%ZZ/sessions', '/visit-requests/%C3%28', '/%']) {
      for (const token of [secretary, undefined]) {
        const response = await fetch(`${stack.url}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        expect(response.status, path).toBe(400);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('MALFORMED_PATH');
        expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  });
});

describe('a Host header that names no host', () => {
  it('answers 400 in Chinese, not 500 (API Gateway never passes one on)', async () => {
    const { port } = new URL(stack.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET /api/v1/me HTTP/1.1\r\nHost: a b c\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(reply).toContain('MALFORMED_PATH');
    expect(reply).toMatch(/[\u4e00-\u9fa5]/);
  });
});
