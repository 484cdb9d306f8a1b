import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../functions/src/http/logger';
import { startTestStack, validMember, type TestStack, recordHealth } from './support/stack';

let stack: TestStack;
const written: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  logger.setLogLevel('DEBUG');
  // Powertools writes through the console; capture everything it prints during the requests below.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
  }
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await stack?.stop();
});

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
    for (const secret of ['日志测试人', '13912345678', '日志里不该出现的听力说明', '日志错误人', '13900000000']) expect(output).not.toContain(secret);
  });
});
