import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/stack';

/**
 * `npm start` seeds months of branch life through the real services. The rules those services
 * enforce (nothing recorded before a session starts, minutes or a reason to archive, locks) apply
 * to the seed too, so it is run here at whatever instant the test runs, as `npm start` would be.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ demoHistory: true });
});
afterAll(() => stack?.stop());

describe('the demo seed of npm start', () => {
  it('writes its months of history through the services and shows them to each persona', async () => {
    expect(stack.seeded).toBe('seeded');
    const secretary = await stack.login('secretary-1');
    const overview = await stack.call('GET', '/branches/br-1/overview', { token: secretary });
    expect(overview.status).toBe(200);
    expect(overview.body.quietMembers.map((m: { name: string }) => m.name)).toContain('孙桂兰');
    const sessions = await stack.call('GET', '/branches/br-1/sessions', { token: secretary });
    expect(sessions.status).toBe(200);
    expect(sessions.body.items.length).toBeGreaterThan(0);
    const member = await stack.login('member-wang');
    const me = (await stack.call('GET', '/me', { token: member })).body;
    const points = await stack.call('GET', `/members/${me.memberId}/points`, { token: member });
    expect(points.status).toBe(200);
  });
});
