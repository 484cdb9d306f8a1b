import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/src/db/client';
import { DynamoOutboxRepository } from '../../functions/src/repositories/outbox-repository';
import type { OutboxRecord } from '../../functions/src/repositories/records';
import { claimPolicy } from '../../functions/src/services/reminder-sender';
import { startFakeWechat } from '../../local/fake-wechat';
import { needsCall, outboxStatusText } from '../../miniapp/src/services/session-words';
import { reminderHelpers } from './support/reminders';
import { startTestStack, type TestStack } from './support/stack';

/**
 * A reminder run that dies between claiming a reminder (`sending`) and marking it leaves the claim behind.
 * The next run past the claim timeout releases it and sends it; after the last attempt it is `failed`, on the
 * secretary's phone list. Time is the job's input: each run is the job at a chosen instant.
 */
let stack: TestStack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let outbox: DynamoOutboxRepository;

beforeAll(async () => {
  wechat = await startFakeWechat({ appSecret: () => secret() });
  stack = await startTestStack({ wechatApiBase: wechat.url });
  outbox = new DynamoOutboxRepository(createDocumentClient(stack.dynamoEndpoint), stack.tableName);
});
afterAll(async () => {
  await stack?.stop();
  await wechat?.close();
});

const { secret, senderAt, subscribedMemberAndSession } = reminderHelpers(() => ({ stack, wechat }));
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

/** The member's day-before reminder as stored. */
async function reminderOf(memberId: string, sessionId: string, due: Date): Promise<OutboxRecord> {
  const records = await outbox.dueOn(due.toISOString().slice(0, 10), due.toISOString());
  const claimed = await outbox.claimedOn(due.toISOString().slice(0, 10), due.toISOString());
  return [...records, ...claimed].find((r) => r.memberId === memberId && r.sessionId === sessionId && r.kind === 'session_tomorrow')!;
}

/** What the secretary's outbox page says of the reminder. */
async function seenBySecretary(secretary: string, memberId: string, sessionId: string, now: Date) {
  const items = (await stack.call('GET', '/branches/br-1/outbox', { token: secretary })).body.items;
  const entry = items.find((e: { memberId: string; sessionId: string; kind: string }) => e.memberId === memberId && e.sessionId === sessionId && e.kind === 'session_tomorrow');
  return { status: entry.status as string, words: outboxStatusText(entry, now), toPhone: needsCall(entry) };
}

describe('reminder claims a dead run left', () => {
  it('stay claimed within the timeout, then are released and sent by the next run', async () => {
    const { secretary, member, session, startsAt } = await subscribedMemberAndSession('认领超时', 'code-claim-release', '认领释放测试', 3);
    const due = new Date(startsAt.getTime() - 23 * 3_600_000);
    // A run claims the reminder and dies before sending it.
    expect(await outbox.claim(await reminderOf(member.id, session.id, due), due.toISOString())).toBe(true);
    expect((await seenBySecretary(secretary, member.id, session.id, due)).status).toBe('sending');

    // Five minutes later a run may still be sending it (the job can run five minutes): left alone.
    const early = await senderAt(minutes(due, 5)).sendDue();
    expect(early).toMatchObject({ stuck: 0, givenUp: 0, sent: 0 });
    expect(wechat.messages.filter((m) => m.touser === 'openid-claim-release')).toHaveLength(0);

    // Past the claim timeout: released, and sent by that same run, once.
    const late = minutes(due, claimPolicy.timeoutMs / 60_000 + 1);
    const [first, second] = await Promise.all([senderAt(late).sendDue(), senderAt(late).sendDue()]);
    expect(first.stuck + second.stuck).toBe(1);
    expect(first.sent + second.sent).toBe(1);
    expect(wechat.messages.filter((m) => m.touser === 'openid-claim-release')).toHaveLength(1);
    const stored = await reminderOf(member.id, session.id, late);
    expect(stored).toBeUndefined(); // neither pending nor claimed any more
    expect(await seenBySecretary(secretary, member.id, session.id, late)).toMatchObject({ status: 'sent', words: '已发送', toPhone: false });
  });

  it(`are given up after ${claimPolicy.maxAttempts} attempts: failed, and on the secretary's phone list`, async () => {
    const { secretary, member, session, startsAt } = await subscribedMemberAndSession('认领放弃', 'code-claim-give-up', '认领放弃测试', 4);
    const due = new Date(startsAt.getTime() - 23 * 3_600_000);
    // Runs die holding it, each time after the one before was released.
    let at = due;
    for (let attempt = 1; attempt <= claimPolicy.maxAttempts; attempt += 1) {
      expect(await outbox.claim(await reminderOf(member.id, session.id, at), at.toISOString())).toBe(true);
      const claimed = await reminderOf(member.id, session.id, at);
      expect(claimed).toMatchObject({ status: 'sending', attempts: attempt, claimedAt: at.toISOString() });
      if (attempt < claimPolicy.maxAttempts) expect(await outbox.release(claimed, 'pending')).toBe(true);
      at = minutes(at, 1);
    }
    const late = minutes(at, claimPolicy.timeoutMs / 60_000 + 1);
    expect(await senderAt(late).sendDue()).toMatchObject({ stuck: 1, givenUp: 1, sent: 0 });
    expect(wechat.messages.filter((m) => m.touser === 'openid-claim-give-up')).toHaveLength(0);
    expect(await seenBySecretary(secretary, member.id, session.id, late)).toMatchObject({ status: 'failed', words: '发送失败，请打电话通知', toPhone: true });
    // Nothing more happens to it on later runs.
    expect(await senderAt(minutes(late, 15)).sendDue()).toMatchObject({ stuck: 0, givenUp: 0, sent: 0 });
  });

  it('a release leaves a claim alone that a newer run took meanwhile', async () => {
    const { member, session, startsAt } = await subscribedMemberAndSession('认领更新', 'code-claim-renewed', '认领更新测试', 5);
    const due = new Date(startsAt.getTime() - 23 * 3_600_000);
    expect(await outbox.claim(await reminderOf(member.id, session.id, due), due.toISOString())).toBe(true);
    const seen = await reminderOf(member.id, session.id, due);
    // Another run released and claimed it again before this release arrived.
    expect(await outbox.release(seen, 'pending')).toBe(true);
    expect(await outbox.claim(await reminderOf(member.id, session.id, due), minutes(due, 1).toISOString())).toBe(true);
    expect(await outbox.release(seen, 'failed')).toBe(false);
    expect(await reminderOf(member.id, session.id, due)).toMatchObject({ status: 'sending', attempts: 2 });
  });
});
