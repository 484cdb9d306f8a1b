import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { buildServices } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { testClock } from '../support/clock';
import { startTestStack, type TestStack } from './support/stack';

/**
 * 意见反馈 over HTTP on the seeded tree: 王建国 (member) and 刘芳 (proxy) of br-1 under 城南党工委 write; the
 * 党工委's administrator lists and answers; the writer reads the answer; an administrator of 城北党工委 (the
 * other subtree) is told 404; inspectors neither list nor read; bad input stores nothing; a retry lands once.
 */
let stack: TestStack;
let member = '';
let proxy = '';
let secretary = '';
let admin = '';
let cityAdmin = '';
let northAdmin = '';
let inspector = '';

const repos = () => buildServices({ db: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName, clock: testClock }).repositories;

beforeAll(async () => {
  stack = await startTestStack();
  // The seed has no administrator of 城北党工委: one is written beside the demo accounts, then signs in like them.
  const { users } = repos();
  await users.putUser({ id: 'u-test-admin-north', role: 'admin', displayName: '城北管理员', orgId: 'org-chengbei', createdAt: testClock.now().toISOString() });
  await users.putDemoAccount({ order: 99, account: 'admin-north', label: '城北党工委管理员', role: 'admin', userId: 'u-test-admin-north' });
  member = await stack.login('member-wang');
  proxy = await stack.login('proxy-liu');
  secretary = await stack.login('secretary-1');
  admin = await stack.login('admin');
  cityAdmin = await stack.login('admin-city');
  northAdmin = await stack.login('admin-north');
  inspector = await stack.login('inspector');
});
afterAll(async () => {
  await stack?.stop();
});

const send = (token: string, body: unknown, idempotencyKey?: string) => stack.call('POST', '/feedback', { token, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

describe('意见反馈', () => {
  let complaintId = '';

  it('takes a member\'s and a proxy\'s message, each the writer\'s own', async () => {
    const complaint = await send(member, { kind: 'complaint', text: '  上次组织生活通知太晚了，希望提前三天告知。  ', aboutBranch: true }, 'fb-key-wang-0001');
    expect(complaint.status).toBe(201);
    expect(complaint.body).toMatchObject({ kind: 'complaint', text: '上次组织生活通知太晚了，希望提前三天告知。', aboutBranch: true, status: 'open', senderName: '王建国', senderRole: 'member', branchName: expect.any(String) });
    complaintId = complaint.body.id;

    const help = await send(proxy, { kind: 'help', text: '母亲看不清小程序的字，怎么调大？' });
    expect(help.status).toBe(201);
    expect(help.body).toMatchObject({ senderName: '刘芳', senderRole: 'proxy', aboutBranch: false });

    const mine = await stack.call('GET', '/me/feedback', { token: member });
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([complaintId]);
    // The member's proxy does not read the member's own message, nor the secretary of the branch it may be about.
    expect((await stack.call('GET', `/feedback/${complaintId}`, { token: proxy })).status).toBe(404);
    expect((await stack.call('GET', `/feedback/${complaintId}`, { token: secretary })).status).toBe(404);
  });

  it('lands once when the same Idempotency-Key is sent again', async () => {
    const again = await send(member, { kind: 'complaint', text: '上次组织生活通知太晚了，希望提前三天告知。', aboutBranch: true }, 'fb-key-wang-0001');
    // The first answer again (http/idempotency.ts replays it), not a second message.
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(complaintId);
    expect((await stack.call('GET', '/me/feedback', { token: member })).body.items).toHaveLength(1);
  });

  it('refuses bad input in Chinese naming the field, and stores nothing', async () => {
    const before = (await stack.call('GET', '/me/feedback', { token: secretary })).body.items.length;
    const noKind = await send(secretary, { text: '建议增加语音播报' });
    expect(noKind.status).toBe(422);
    expect(noKind.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['kind']);
    expect(noKind.body.error.fields[0].message).toMatch(/^类别：/);
    const blank = await send(secretary, { kind: 'suggestion', text: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.error.fields[0]).toMatchObject({ path: 'text', message: expect.stringMatching(/^内容：/) });
    const tooLong = await send(secretary, { kind: 'suggestion', text: '长'.repeat(1001) });
    expect(tooLong.status).toBe(422);
    expect((await stack.call('GET', '/me/feedback', { token: secretary })).body.items).toHaveLength(before);
    expect((await stack.call('GET', '/orgs/org-chengnan/feedback', { token: admin })).body.items.map((f: { senderName: string }) => f.senderName).sort()).toEqual(['刘芳', '王建国']);
  });

  it("lists the subtree's open messages to its administrator, who answers; the writer reads the answer", async () => {
    const open = await stack.call('GET', '/orgs/org-chengnan/feedback', { token: admin });
    expect(open.status).toBe(200);
    expect(open.body.items.every((f: { status: string }) => f.status === 'open')).toBe(true);
    const answered = await stack.call('POST', `/feedback/${complaintId}/answer`, { token: admin, body: { answer: '已请支部今后提前三天通知，谢谢您的意见。' } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: '已请支部今后提前三天通知，谢谢您的意见。', answeredByName: '党工委管理员' });
    // The same answer again (a retry) is the same; other words are a second answer, which is refused.
    expect((await stack.call('POST', `/feedback/${complaintId}/answer`, { token: admin, body: { answer: '已请支部今后提前三天通知，谢谢您的意见。' } })).status).toBe(200);
    const second = await stack.call('POST', `/feedback/${complaintId}/answer`, { token: admin, body: { answer: '另一句答复' } });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe('这条意见反馈已经答复过了，请刷新后查看答复');

    const mine = await stack.call('GET', '/me/feedback', { token: member });
    expect(mine.body.items[0]).toMatchObject({ id: complaintId, status: 'answered', answer: '已请支部今后提前三天通知，谢谢您的意见。' });
    const done = await stack.call('GET', '/orgs/org-chengnan/feedback?status=answered', { token: admin });
    expect(done.body.items.map((f: { id: string }) => f.id)).toEqual([complaintId]);
    expect((await stack.call('GET', '/orgs/org-chengnan/feedback', { token: admin })).body.items.map((f: { id: string }) => f.id)).not.toContain(complaintId);
    // The administrator above sees the whole tree, this message included.
    expect((await stack.call('GET', '/orgs/org-city/feedback?status=answered', { token: cityAdmin })).body.items.map((f: { id: string }) => f.id)).toEqual([complaintId]);
  });

  it("answers 404 to another subtree's administrator, and 403 to inspectors", async () => {
    expect((await stack.call('GET', `/feedback/${complaintId}`, { token: northAdmin })).status).toBe(404);
    expect((await stack.call('POST', `/feedback/${complaintId}/answer`, { token: northAdmin, body: { answer: '不该能答复' } })).status).toBe(404);
    expect((await stack.call('GET', '/orgs/org-chengnan/feedback', { token: northAdmin })).status).toBe(404);
    const north = await stack.call('GET', '/orgs/org-chengbei/feedback?status=answered', { token: northAdmin });
    expect(north.status).toBe(200);
    expect(north.body.items).toEqual([]);
    expect((await stack.call('GET', '/orgs/org-chengnan/feedback', { token: inspector })).status).toBe(403);
    expect((await stack.call('GET', `/feedback/${complaintId}`, { token: inspector })).status).toBe(403);
    // Administrators answer; they do not write to themselves.
    expect((await send(admin, { kind: 'suggestion', text: '管理员不写反馈' })).status).toBe(403);
    const badStatus = await stack.call('GET', '/orgs/org-chengnan/feedback?status=closed', { token: admin });
    expect(badStatus.status).toBe(422);
  });

  it("records each step on the organisation's trail in words, never the message's", async () => {
    const entries = await repos().audit.list('org-chengnan', '2000-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z');
    const sentences = entries.filter((e) => e.action.startsWith('feedback.')).map((e) => auditSentence(e));
    expect(sentences.some((s) => s.includes('王建国（党员）提交了一条投诉'))).toBe(true);
    expect(sentences.some((s) => s.includes('刘芳（家属代办）提交了一条求助'))).toBe(true);
    expect(sentences.some((s) => s.includes('党工委管理员（管理员）答复了王建国的投诉'))).toBe(true);
    expect(sentences.join('')).not.toContain('提前三天');
    // Not on the branch's trail, which its secretary reads in the ledger.
    const branchTrail = await repos().audit.list('br-1', '2000-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z');
    expect(branchTrail.filter((e) => e.action.startsWith('feedback.'))).toEqual([]);
  });
});
