import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deletedMemberName, deletionRef } from '@ltx/shared/domain/member-deletion';
import { createDocumentClient } from '../../functions/src/db/client';
import { recordHealth, startTestStack, validMember, type TestStack } from './support/stack';
import { chinaDayIn, morningIn } from '../support/time';

/**
 * An administrator deletes a departed member entirely (PIPL Art. 47): the ledgers keep an anonymised
 * reference, and nothing of the person is left in the table. Over HTTP on the real local stack (dynalite).
 */

let stack: TestStack;
let secretary: string;
let admin: string;
let otherAdmin: string;

const name = '删除测试人';
const phone = '13900001111';
const threeYearsAgo = () => chinaDayIn(-3 * 366);

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, admin, otherAdmin] = await Promise.all([stack.login('secretary-1'), stack.login('admin'), stack.login('admin-city')]);
});
afterAll(async () => {
  await stack?.stop();
});

/** Every item of the table (a test may Scan: the request paths never do). */
async function everyItem(): Promise<Record<string, unknown>[]> {
  const db = createDocumentClient(stack.dynamoEndpoint);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    // eslint-disable-next-line no-restricted-syntax -- a test reads the whole table; request paths never do
    const page = await db.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function departed(memberName: string, on: string, memberPhone?: string) {
  const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: memberName, ...(memberPhone ? { phone: memberPhone } : {}) } })).body;
  const recorded = await stack.call('POST', `/members/${member.id}/departure`, { token: secretary, body: { reason: 'deceased', on, expectedVersion: member.version } });
  expect(recorded.status).toBe(200);
  return recorded.body;
}

const remove = (token: string, memberId: string, body: unknown, idempotencyKey?: string) =>
  stack.call('POST', `/members/${memberId}/deletion`, { token, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

describe('deleting a departed member', () => {
  it('refuses a member on the roll, and one who left less than two years ago, in words that say when', async () => {
    const onRoll = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '在册党员' } })).body;
    const refused = await remove(admin, onRoll.id, { reason: 'family_request', expectedVersion: onRoll.version });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('只有逝世或离开的党员，才能删除个人信息');

    const recent = await departed('刚离开的党员', chinaDayIn(-400));
    const tooSoon = await remove(admin, recent.id, { reason: 'family_request', expectedVersion: recent.version });
    expect(tooSoon.status).toBe(422);
    expect(JSON.stringify(tooSoon.body)).toMatch(/逝世或离开满2年后才能删除，\d{4}年\d{1,2}月\d{1,2}日起可以删除/);
    expect((await stack.call('GET', `/members/${recent.id}`, { token: secretary })).body.name).toBe('刚离开的党员');
  });

  it('is the administrators\' of the subtree alone: the secretary and the inspector are refused, another subtree gets 404', async () => {
    const member = await departed('权限测试人', threeYearsAgo());
    const body = { reason: 'archive_rule', expectedVersion: member.version };
    expect((await remove(secretary, member.id, body)).status).toBe(403);
    expect((await remove(await stack.login('inspector'), member.id, body)).status).toBe(403);
    expect((await remove(await stack.login('secretary-2'), member.id, body)).status).toBe(404);
    expect((await remove(await stack.login('member-wang'), member.id, body)).status).toBe(404);
    // Bad input names the field in Chinese and changes nothing.
    const bad = await remove(admin, member.id, { reason: 'because', expectedVersion: member.version });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('删除原因');
    expect((await stack.call('GET', `/members/${member.id}`, { token: secretary })).body.name).toBe('权限测试人');
    // The city's administrator holds the whole tree, this branch included: past access, a stale version answers 409.
    expect((await remove(otherAdmin, member.id, { ...body, expectedVersion: member.version - 1 })).status).toBe(409);
  });

  it('leaves the ledgers whole under an anonymised reference, and nothing of the person in the table', async () => {
    // A member with everything a life in the branch leaves behind: an account in WeChat, health data with a
    // signed consent form, a session they were expected at and marked in, a 送学上门 request, a message.
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name, phone } })).body;
    const invite = (await stack.call('POST', `/members/${member.id}/invites`, { token: secretary, body: { kind: 'self' } })).body;
    const visitor = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-deleted-member' } })).body.token;
    const own = (await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: invite.code } })).body.token;
    await recordHealth(stack, secretary, member.id, { healthClass: 'not_self_reliant', careNotes: { largePrint: true, other: '喜欢听评书' }, emergencyContacts: [{ name: '删除测试人之子', relation: '儿子', phone: '13900002222' }] });
    const session = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '删除前的学习', startsAt: morningIn(-3 * 366 - 30), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })).body;
    expect((await stack.call('PUT', `/sessions/${session.id}/attendance/${member.id}`, { token: secretary, body: { status: 'present' } })).status).toBe(200);
    const next = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic: '下次学习', startsAt: morningIn(3), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })).body;
    const request = await stack.call('POST', `/members/${member.id}/visit-requests`, { token: own, body: { sessionId: next.id, slot: 'morning' } });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    expect((await stack.call('POST', '/feedback', { token: own, body: { kind: 'suggestion', text: '希望多组织学习。', aboutBranch: true } })).status).toBe(201);
    expect((await stack.call('POST', `/members/${member.id}/calls`, { token: secretary, idempotencyKey: 'call-deleted-0001', body: { note: '删除测试人说腿疼', pause: 'one_month' } })).status).toBe(201);
    const uploadsBefore = readdirSync(join(stack.dataDir, 'uploads')).length;

    const now = (await stack.call('GET', `/members/${member.id}`, { token: secretary })).body;
    const recorded = await stack.call('POST', `/members/${member.id}/departure`, { token: secretary, body: { reason: 'deceased', on: threeYearsAgo(), note: '家属告知', expectedVersion: now.version } });
    expect(recorded.status).toBe(200);

    // A stale version answers 409 and changes nothing.
    expect((await remove(admin, member.id, { reason: 'family_request', expectedVersion: recorded.body.version - 1 })).status).toBe(409);
    const deleted = await remove(admin, member.id, { reason: 'family_request', expectedVersion: recorded.body.version }, 'delete-member-0001');
    expect(deleted.status).toBe(200);
    const anonymous = deletedMemberName(deletionRef(member.id));
    expect(deleted.body).toMatchObject({ id: member.id, name: anonymous, deletedOn: chinaDayIn(0), bound: false, departure: { reason: 'deceased' } });
    expect(deleted.body.phone).toBeUndefined();
    expect(deleted.body.departure.note).toBeUndefined();

    // Asked again (a retry, or a second tap): the same answer, nothing more.
    const again = await remove(admin, member.id, { reason: 'family_request', expectedVersion: recorded.body.version });
    expect(again.status).toBe(200);
    expect(again.body.name).toBe(anonymous);

    // The ledgers keep their lines under the reference.
    const detail = (await stack.call('GET', `/sessions/${session.id}`, { token: secretary })).body;
    expect(detail.attendance.find((a: { memberId: string }) => a.memberId === member.id)).toMatchObject({ memberName: anonymous, status: 'present' });
    const visits = (await stack.call('GET', '/branches/br-1/visit-requests', { token: secretary })).body.items;
    expect(visits.filter((v: { memberId: string }) => v.memberId === member.id).map((v: { memberName: string }) => v.memberName)).toEqual([anonymous]);
    const members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items;
    expect(members.find((m: { id: string }) => m.id === member.id)).toMatchObject({ name: anonymous, deletedOn: chinaDayIn(0) });
    const ledger = (await stack.call('GET', `/branches/br-1/ledger?period=${chinaDayIn(0).slice(0, 7)}`, { token: secretary })).body;
    const sentences = ledger.audit.map((a: { sentence: string }) => a.sentence).join('\n');
    expect(sentences).toContain(`删除了${anonymous}的个人信息（家属申请删除），台账中的记录保留`);
    expect(sentences).toContain(anonymous);

    // Their account stops at once.
    expect((await stack.call('GET', '/me', { token: own })).status).toBe(401);

    // Nothing of the person is left: not the name, the phone, the care notes or the emergency contact, in any
    // item or index key; no consent history, read log or pending change; the signed form's photo is gone.
    // (Idempotency replays keep a request's first answer for a retry, and expire: db/idempotency.)
    const items = (await everyItem()).filter((i) => !String(i.pk).startsWith('IDEMPOTENCY#'));
    for (const secret of [name, phone, '喜欢听评书', '13900002222', '家属告知', '腿疼']) {
      expect(items.filter((i) => JSON.stringify(i).includes(secret)).map((i) => `${String(i.pk)} ${String(i.sk)}`), secret).toEqual([]);
    }
    expect(items.filter((i) => i.pk === `MEMBER#${member.id}`).map((i) => String(i.sk))).toEqual(['PROFILE']);
    expect(readdirSync(join(stack.dataDir, 'uploads')).length).toBeLessThan(uploadsBefore);
    expect(existsSync(join(stack.dataDir, 'uploads'))).toBe(true);
  });
});
