import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byPinyin } from '../../shared/src/domain/name-order';
import { startTestStack, type TestStack } from './support/stack';
import { daysFromNow } from '../support/time';

let stack: TestStack;
let secretary: string;
let sessionId: string;
let startsAt: string;

type Draft = { memberName: string; sessionId: string; sessionStartsAt?: string; memberId: string };
const drafts = async () => ((await stack.call('GET', '/branches/br-1/visit-requests?status=draft', { token: secretary })).body.items as Draft[]).filter((d) => d.sessionId === sessionId);

beforeAll(async () => {
  stack = await startTestStack();
  secretary = await stack.login('secretary-1');
  startsAt = daysFromNow(5);
  sessionId = (
    await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary,
      body: { kind: 'theme_day', topic: '名单测试', startsAt, place: '活动室', hostName: '张卫东', recorderName: '吴淑珍', materialText: '材料' },
    })
  ).body.id;
});
afterAll(() => stack?.stop());

describe('long lists and 送学上门 cards', () => {
  it('puts the session’s day on every visit card', async () => {
    const found = await drafts();
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.sessionStartsAt).toBe(startsAt);
  });

  it('stops proposing a home visit to a member on leave for that session (in hospital)', async () => {
    const li = (await drafts()).find((d) => d.memberName === '李秀英')!;
    const marked = await stack.call('PUT', `/sessions/${sessionId}/attendance/${li.memberId}`, { token: secretary, body: { status: 'excused', reason: '住院' } });
    expect(marked.status).toBe(200);
    const names = (await drafts()).map((d) => d.memberName);
    expect(names).not.toContain('李秀英');
    expect(names).toContain('周志刚');
  });

  it('sends the roll, the attendance and the points table in one pinyin order', async () => {
    const roll = ((await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { name: string }[]).map((m) => m.name);
    const attendance = ((await stack.call('GET', `/sessions/${sessionId}`, { token: secretary })).body.attendance as { memberName: string }[]).map((a) => a.memberName);
    const points = ((await stack.call('GET', '/branches/br-1/points', { token: secretary })).body.rows as { name: string }[]).map((r) => r.name);
    for (const names of [roll, attendance, points]) {
      expect(names.length).toBeGreaterThan(3);
      expect(names).toEqual([...names].sort(byPinyin));
    }
    // Not the code-point order the attendance board used to show.
    expect(attendance).not.toEqual([...attendance].sort());
  });
});
