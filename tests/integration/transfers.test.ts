import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '@ltx/shared/time/china-day';
import { createDocumentClient } from '../../functions/src/db/client';
import { DynamoTransferRepository } from '../../functions/src/repositories/transfer-repository';
import { chinaDayIn, minutesFromNow } from '../support/time';
import { startFakeWechat } from '../../local/fake-wechat';
import { recordHealth, startTestStack, validMember, type TestStack } from './support/stack';

/**
 * 组织关系转接 over HTTP on the real local stack: the sending secretary proposes, the receiving secretary
 * accepts (or declines, or the sender cancels); the member's history stays where it was made, the receiving
 * branch counts them from the transfer day, counters move exactly once, and the member's login follows.
 */

let stack: TestStack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let sec1: string;
let sec2: string;
const secret = () => JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8'))['local/wechat-app-secret'] as string;

beforeAll(async () => {
  wechat = await startFakeWechat({ appSecret: () => secret() });
  stack = await startTestStack({ wechatApiBase: wechat.url });
  [sec1, sec2] = await Promise.all([stack.login('secretary-1'), stack.login('secretary-2')]);
});
afterAll(async () => {
  await stack?.stop();
  await wechat?.close();
});

const plan = (token: string, branchId: string, topic: string, startsAt: string) =>
  stack.call('POST', `/branches/${branchId}/sessions`, { token, body: { kind: 'theme_day', topic, startsAt, place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' } });
const namesIn = (session: { attendance: { memberName: string }[] }) => session.attendance.map((a) => a.memberName);
const counts = async (token: string, branchId: string) => {
  const b = (await stack.call('GET', `/branches/${branchId}`, { token })).body;
  return { members: b.memberCount as number, healthy: (b.healthClassCounts?.healthy ?? 0) as number };
};
const transfer = (token: string, memberId: string, body: object, idempotencyKey?: string) =>
  stack.call('POST', `/members/${memberId}/transfers`, { token, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

describe('transfers (组织关系转接)', () => {
  it('bad input answers in Chinese naming the field, and nothing is pending', async () => {
    const member = (await stack.call('POST', '/branches/br-1/members', { token: sec1, body: { ...validMember, name: '填错测试' } })).body;
    const today = chinaDayIn(0);
    const tomorrow = chinaDay(minutesFromNow(26 * 60));
    const cases: [object, string][] = [
      [{ toBranchId: 'br-2' }, '转接日期'],
      [{ toBranchId: 'br-2', on: '2026-02-30' }, '转接日期'],
      [{ toBranchId: 'br-2', on: tomorrow }, '转接日期：不能晚于今天'],
      [{ toBranchId: 'br-2', on: '1960-01-01' }, '转接日期：不能早于入党日期'],
      [{ toBranchId: 'br-1', on: today }, '转入支部：不能是党员现在所在的支部'],
      [{ toBranchId: 'br-404', on: today }, '转入支部：没有这个支部'],
      [{ toBranchId: 'br-2', on: today, note: '很'.repeat(101) }, '备注'],
    ];
    for (const [body, words] of cases) {
      const res = await transfer(sec1, member.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(res.body.error)).toContain(words);
    }
    const board = (await stack.call('GET', '/branches/br-1/transfers', { token: sec1 })).body;
    expect(board.outgoing.filter((t: { memberId: string }) => t.memberId === member.id)).toHaveLength(0);
    // Any open branch of the whole tree, across organisations (城北 is another 党工委 under the same 工委).
    expect(board.destinations.map((b: { id: string }) => b.id).sort()).toEqual(['br-2', 'br-3', 'br-4', 'br-5']);
  });

  it('another branch answers 404; the sender sees the transfer but may not accept it (403)', async () => {
    const member = (await stack.call('POST', '/branches/br-1/members', { token: sec1, body: { ...validMember, name: '权限测试' } })).body;
    const today = chinaDayIn(0);
    expect((await transfer(sec2, member.id, { toBranchId: 'br-2', on: today })).status).toBe(404);
    expect((await stack.call('GET', '/branches/br-1/transfers', { token: sec2 })).status).toBe(404);
    const made = await transfer(sec1, member.id, { toBranchId: 'br-2', on: today }, 'transfer-perm-1');
    expect(made.status).toBe(201);
    expect((await stack.call('POST', `/transfers/${made.body.id}/accept`, { token: sec1 })).status).toBe(403);
    expect((await stack.call('POST', `/transfers/${made.body.id}/cancel`, { token: sec2 })).status).toBe(403);
    const contact = await stack.login('contact-1');
    expect((await stack.call('POST', `/transfers/${made.body.id}/accept`, { token: contact })).status).toBe(403);
    expect((await stack.call('POST', '/transfers/no-such-transfer/accept', { token: sec2 })).status).toBe(404);
    // Before acceptance the receiving secretary reads the pending transfer, not the member's record.
    expect((await stack.call('GET', `/members/${member.id}`, { token: sec2 })).status).toBe(404);
    expect((await stack.call('POST', `/transfers/${made.body.id}/cancel`, { token: sec1 })).status).toBe(200);
  });

  it('cancel by the sender and decline by the receiver settle it once; the member stays where they were', async () => {
    const member = (await stack.call('POST', '/branches/br-1/members', { token: sec1, body: { ...validMember, name: '撤回测试' } })).body;
    const today = chinaDayIn(0);
    const first = (await transfer(sec1, member.id, { toBranchId: 'br-2', on: today }, 'transfer-cancel-1')).body;
    const again = await transfer(sec1, member.id, { toBranchId: 'br-2', on: today }, 'transfer-cancel-2');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('待接收');
    const cancelled = await stack.call('POST', `/transfers/${first.id}/cancel`, { token: sec1 });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await stack.call('POST', `/transfers/${first.id}/cancel`, { token: sec1 })).status).toBe(409);
    expect((await stack.call('POST', `/transfers/${first.id}/accept`, { token: sec2 })).status).toBe(409);

    const second = (await transfer(sec1, member.id, { toBranchId: 'br-2', on: today, note: '随子女迁居' }, 'transfer-cancel-3')).body;
    const declined = await stack.call('POST', `/transfers/${second.id}/decline`, { token: sec2, body: { reason: '请先补齐材料' } });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '请先补齐材料' });
    const late = await stack.call('POST', `/transfers/${second.id}/accept`, { token: sec2 });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('已经办结');
    expect((await stack.call('GET', `/members/${member.id}`, { token: sec1 })).body.branchId).toBe('br-1');
    const trail = (await stack.call('GET', `/branches/br-2/ledger?period=${today.slice(0, 7)}`, { token: sec2 })).body.audit.map((a: { sentence: string }) => a.sentence) as string[];
    expect(trail.some((s) => s.includes('撤回了撤回测试的组织关系转接，由第一离退休干部党支部转至第二离退休干部党支部'))).toBe(true);
    expect(trail.some((s) => s.includes('未接收撤回测试的组织关系转接'))).toBe(true);
  });

  it('accepted: the member moves once, the sender keeps their past, the receiver counts them from the day, their login follows', async () => {
    const created = (await stack.call('POST', '/branches/br-1/members', { token: sec1, body: { ...validMember, name: '转接测试' } })).body;
    const member = await recordHealth(stack, sec1, created.id, { healthClass: 'healthy', careNotes: { hearing: '右耳弱' }, emergencyContacts: [] });
    const invite = (await stack.call('POST', `/members/${member.id}/invites`, { token: sec1, body: { kind: 'self' } })).body;
    const visitor = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-transferred' } })).body.token;
    const bound = (await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: invite.code } })).body.token;
    expect((await stack.call('GET', '/me', { token: bound })).body.branchId).toBe('br-1');

    // 30 hours ago is an earlier China day, whatever the hour; in 3 days is later.
    const earlierAt = minutesFromNow(-30 * 60);
    const laterAt = minutesFromNow(3 * 24 * 60);
    const sentEarlier = (await plan(sec1, 'br-1', '转出前的学习', earlierAt)).body;
    const sentLater = (await plan(sec1, 'br-1', '转出后的学习', laterAt)).body;
    const receivedEarlier = (await plan(sec2, 'br-2', '转入前的学习', earlierAt)).body;
    expect(namesIn(sentEarlier)).toContain('转接测试');
    expect(namesIn(sentLater)).toContain('转接测试');
    const [from0, to0] = await Promise.all([counts(sec1, 'br-1'), counts(sec2, 'br-2')]);
    // They took part in the sending branch's earlier session.
    expect((await stack.call('PUT', `/sessions/${sentEarlier.id}/attendance/${member.id}`, { token: sec1, body: { status: 'present' } })).status).toBe(200);

    const today = chinaDayIn(0);
    const made = await transfer(sec1, member.id, { toBranchId: 'br-2', on: today, note: '随子女迁居' }, 'transfer-move-1');
    expect(made.status).toBe(201);
    // The same submission again answers the same transfer.
    expect((await transfer(sec1, member.id, { toBranchId: 'br-2', on: today, note: '随子女迁居' }, 'transfer-move-1')).body.id).toBe(made.body.id);

    // The receiving secretary sees who, from where and when; never health data.
    const board = (await stack.call('GET', '/branches/br-2/transfers', { token: sec2 })).body;
    const incoming = board.incoming.find((t: { id: string }) => t.id === made.body.id);
    expect(incoming).toMatchObject({ memberName: '转接测试', fromBranchName: '第一离退休干部党支部', on: today, status: 'pending' });
    expect(JSON.stringify(board)).not.toMatch(/healthClass|右耳弱|sensitive/);
    // Until accepted the member is on the sending roll.
    expect((await counts(sec1, 'br-1')).members).toBe(from0.members);

    // Accepted twice (a repeated tap): the second changes nothing and answers the same.
    const accepted = await stack.call('POST', `/transfers/${made.body.id}/accept`, { token: sec2 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const repeat = await stack.call('POST', `/transfers/${made.body.id}/accept`, { token: sec2 });
    expect(repeat.status).toBe(200);
    expect(repeat.body.status).toBe('accepted');
    expect((await stack.call('POST', `/transfers/${made.body.id}/cancel`, { token: sec1 })).status).toBe(409);

    // Counters moved exactly once on both sides.
    const [from1, to1] = await Promise.all([counts(sec1, 'br-1'), counts(sec2, 'br-2')]);
    expect(from1).toEqual({ members: from0.members - 1, healthy: from0.healthy - 1 });
    expect(to1).toEqual({ members: to0.members + 1, healthy: to0.healthy + 1 });

    // The member's record is the receiving branch's now, health data and all; the sender no longer reads it.
    const detail = (await stack.call('GET', `/members/${member.id}`, { token: sec2 })).body;
    expect(detail.branchId).toBe('br-2');
    expect(detail.sensitive?.healthClass).toBe('healthy');
    expect((await stack.call('GET', `/members/${member.id}`, { token: sec1 })).status).toBe(404);

    // The sender's roll keeps them apart, with the day and where they went.
    const sentList = (await stack.call('GET', '/branches/br-1/members', { token: sec1 })).body.items;
    expect(sentList.find((m: { id: string }) => m.id === member.id).departure).toMatchObject({ reason: 'transferred_out', on: today, note: '转至第二离退休干部党支部', toBranchName: '第二离退休干部党支部' });
    const receivedList = (await stack.call('GET', '/branches/br-2/members', { token: sec2 })).body.items;
    expect(receivedList.find((m: { id: string }) => m.id === member.id).departure).toBeUndefined();

    // The sender's earlier session still lists them; its later one no longer expects them.
    expect(namesIn((await stack.call('GET', `/sessions/${sentEarlier.id}`, { token: sec1 })).body)).toContain('转接测试');
    expect(namesIn((await stack.call('GET', `/sessions/${sentLater.id}`, { token: sec1 })).body)).not.toContain('转接测试');
    // The receiver's sessions before the day do not count them, even one recorded now; later ones do.
    expect(namesIn((await stack.call('GET', `/sessions/${receivedEarlier.id}`, { token: sec2 })).body)).not.toContain('转接测试');
    expect(namesIn((await plan(sec2, 'br-2', '补记的转入前学习', minutesFromNow(-29 * 60))).body)).not.toContain('转接测试');
    expect(namesIn((await plan(sec2, 'br-2', '转入后的学习', minutesFromNow(2 * 24 * 60))).body)).toContain('转接测试');

    // Taking part in the receiving branch moves their participation date; the sender reconciling an earlier
    // session (which still lists them) does not take it back to what that branch saw.
    const here = (await plan(sec2, 'br-2', '转入当天的学习', minutesFromNow(-5))).body;
    expect((await stack.call('PUT', `/sessions/${here.id}/attendance/${member.id}`, { token: sec2, body: { status: 'present' } })).status).toBe(200);
    const participated = (await stack.call('GET', `/members/${member.id}`, { token: sec2 })).body.lastParticipatedAt;
    expect(participated).toBe(here.startsAt);
    // The sender corrects that earlier line (still theirs to keep) and reconciles it: the date stays the receiver's.
    expect((await stack.call('PUT', `/sessions/${sentEarlier.id}/attendance/${member.id}`, { token: sec1, body: { status: 'absent' } })).status).toBe(200);
    expect((await stack.call('POST', `/sessions/${sentEarlier.id}/reconcile`, { token: sec1 })).status).toBe(200);
    expect((await stack.call('GET', `/members/${member.id}`, { token: sec2 })).body.lastParticipatedAt).toBe(participated);

    // Their login keeps working once they sign in again, and sees the new branch.
    expect((await stack.call('GET', '/me', { token: bound })).status).toBe(401);
    const again = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-transferred' } })).body.token;
    const me = (await stack.call('GET', '/me', { token: again })).body;
    expect(me).toMatchObject({ role: 'member', memberId: member.id, branchId: 'br-2', branchName: '第二离退休干部党支部' });

    // Both trails say it in words.
    for (const [token, branchId] of [[sec1, 'br-1'], [sec2, 'br-2']] as const) {
      const trail = (await stack.call('GET', `/branches/${branchId}/ledger?period=${today.slice(0, 7)}`, { token })).body.audit.map((a: { sentence: string }) => a.sentence) as string[];
      expect(trail.filter((s) => s.includes('接收了转接测试的组织关系，由第一离退休干部党支部转至第二离退休干部党支部'))).toHaveLength(1);
      expect(trail.some((s) => s.includes('办理了转接测试的组织关系转出'))).toBe(true);
    }
    // Nothing pending remains either way.
    const after = (await stack.call('GET', '/branches/br-2/transfers', { token: sec2 })).body;
    expect(after.incoming.filter((t: { memberId: string }) => t.memberId === member.id)).toHaveLength(0);
  });

  it('concurrent acceptances and a retry after a crash move the counters exactly once', async () => {
    const created = (await stack.call('POST', '/branches/br-1/members', { token: sec1, body: { ...validMember, name: '并发测试' } })).body;
    const member = await recordHealth(stack, sec1, created.id, { healthClass: 'healthy', careNotes: {}, emergencyContacts: [] });
    const today = chinaDayIn(0);
    const [from0, to0] = await Promise.all([counts(sec1, 'br-1'), counts(sec2, 'br-2')]);
    const made = (await transfer(sec1, member.id, { toBranchId: 'br-2', on: today }, 'transfer-race-1')).body;
    const answers = await Promise.all(Array.from({ length: 8 }, () => stack.call('POST', `/transfers/${made.id}/accept`, { token: sec2 })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const moved = { from: { members: from0.members - 1, healthy: from0.healthy - 1 }, to: { members: to0.members + 1, healthy: to0.healthy + 1 } };
    expect({ from: await counts(sec1, 'br-1'), to: await counts(sec2, 'br-2') }).toEqual(moved);

    // A crash before the last write leaves the transfer `accepting`: accepting again finishes it and counts nothing twice.
    const repo = new DynamoTransferRepository(createDocumentClient(stack.dynamoEndpoint), stack.tableName);
    const stored = await repo.get(made.id);
    expect(await repo.replaceFrom({ ...stored!, status: 'accepting' }, 'accepted')).toBe('ok');
    expect((await stack.call('GET', '/branches/br-2/transfers', { token: sec2 })).body.incoming.map((t: { id: string }) => t.id)).toContain(made.id);
    const finished = await stack.call('POST', `/transfers/${made.id}/accept`, { token: sec2 });
    expect(finished.body.status).toBe('accepted');
    expect({ from: await counts(sec1, 'br-1'), to: await counts(sec2, 'br-2') }).toEqual(moved);
    const trail = (await stack.call('GET', `/branches/br-1/ledger?period=${today.slice(0, 7)}`, { token: sec1 })).body.audit.map((a: { sentence: string }) => a.sentence) as string[];
    // One sentence per completion: the simulated crash came after the first one's entry, so the retry writes the second.
    expect(trail.filter((s) => s.includes('接收了并发测试的组织关系'))).toHaveLength(2);
  });
});
