import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../functions/src/http/logger';
import { testClock } from '../support/clock';
import { startTestStack, validMember, type TestStack, recordHealth } from './support/stack';

let stack: TestStack;
const written: string[] = [];

beforeAll(async () => {
  // As the stack sets it on every function (infra/src/constructs/observability.ts); without it nothing is written.
  process.env.METRICS_NAMESPACE = 'LtxBranch/Test';
  stack = await startTestStack({ clock: testClock });
  logger.setLogLevel('DEBUG');
  // Powertools writes through the console; capture everything it prints during the requests below.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
  }
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
});
afterAll(async () => {
  delete process.env.METRICS_NAMESPACE;
  vi.restoreAllMocks();
  await stack?.stop();
});

type Json = Record<string, any>;
/** Every JSON line written since `from` (log lines and EMF documents). */
const linesSince = (from: number): Json[] =>
  written.slice(from).flatMap((chunk) => chunk.split('\n')).filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as Json);
const requestLines = (from: number) => linesSince(from).filter((l) => l.message === 'request');

describe('logs', () => {
  it('carry routes, statuses and timings but no names, phone numbers or health notes', async () => {
    const token = await stack.login('secretary-1');
    const created = await stack.call('POST', '/branches/br-1/members', {
      token, body: { ...validMember, name: '日志测试人', phone: '13912345678' },
    });
    expect(created.status).toBe(201);
    await recordHealth(stack, token, created.body.id, { healthClass: 'minor_illness', careNotes: { hearing: '日志里不该出现的听力说明' } });
    await stack.call('GET', `/members/${created.body.id}`, { token });
    await stack.call('POST', '/branches/br-1/members', { token, body: { ...validMember, name: '日志错误人', phone: '13900000000x' } });
    const output = written.join('\n');
    expect(output).toContain('"route":"POST /api/v1/branches/{branchId}/members"');
    for (const secret of ['日志测试人', '13912345678', '日志里不该出现的听力说明', '日志错误人', '13900000000', created.body.id]) expect(output).not.toContain(secret);
  });

  it('log one line per request: API Gateway\'s request id, the declared route (never the path), the role, the status and the latency', async () => {
    const token = await stack.login('secretary-1');
    const member = (await stack.call('POST', '/branches/br-1/members', { token, body: { ...validMember, name: '请求日志人' } })).body;
    const from = written.length;
    expect((await stack.call('GET', `/members/${member.id}`, { token })).status).toBe(200);
    expect((await stack.call('GET', '/members/no-such-member', { token })).status).toBe(404);
    expect((await stack.call('GET', `/members/${member.id}`)).status).toBe(401);
    const lines = requestLines(from);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'INFO', routeId: 'member-get', route: 'GET /api/v1/members/{memberId}' });
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof line.latencyMs).toBe('number');
      expect(line.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(lines.map((l) => l.requestId)).size).toBe(3);
    expect(lines.map((l) => [l.role, l.status])).toEqual([['secretary', 200], ['secretary', 404], ['anonymous', 401]]);
    // Who asked is not in it: no user id, no member id, no name.
    const text = JSON.stringify(lines);
    for (const personal of [member.id, '请求日志人', 'secretary-1']) expect(text).not.toContain(personal);
  });

  it('write each request\'s metrics as CloudWatch EMF, per declared route, stamped by the stack\'s clock', async () => {
    const token = await stack.login('secretary-1');
    const from = written.length;
    const before = testClock.now().getTime();
    await stack.call('GET', '/branches/br-1/members', { token });
    const after = testClock.now().getTime();
    const docs = linesSince(from).filter((l) => l._aws);
    const doc = docs.find((d) => d.Route === 'GET /api/v1/branches/{branchId}/members')!;
    expect(doc).toBeDefined();
    expect(doc._aws.CloudWatchMetrics).toEqual([{
      Namespace: 'LtxBranch/Test',
      Dimensions: [['Route']],
      Metrics: [{ Name: 'Requests', Unit: 'Count' }, { Name: 'Errors', Unit: 'Count' }, { Name: 'Latency', Unit: 'Milliseconds' }],
    }]);
    expect(doc).toMatchObject({ Requests: 1, Errors: 0 });
    expect(doc._aws.Timestamp).toBeGreaterThanOrEqual(before);
    expect(doc._aws.Timestamp).toBeLessThanOrEqual(after);
  });

  it('count a text WeChat\'s content check refused, with no word of the text', async () => {
    const token = await stack.login('secretary-1');
    const session = (await stack.call('POST', '/branches/br-1/sessions', {
      token, body: { kind: 'theme_day', topic: '指标测试', startsAt: testClock.now().toISOString(), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })).body;
    const from = written.length;
    // The stack's fake WeChat flags 违规示例 (local/stack.ts).
    const refused = await stack.call('PUT', `/sessions/${session.id}/minutes`, { token, body: { agenda: '学习党章', content: '会上有人说违规示例' } });
    expect(refused.status).toBe(422);
    const counted = linesSince(from).filter((l) => l._aws && l.ContentRejections !== undefined);
    expect(counted.map((d) => d.ContentRejections)).toEqual([1]);
    expect(counted[0]!._aws.CloudWatchMetrics[0].Dimensions).toEqual([[]]);
    expect(written.slice(from).join('\n')).not.toContain('会上有人说');
  });
});
