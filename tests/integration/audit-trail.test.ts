import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whenWords } from '@ltx/shared/wording/time-words';
import { createDocumentClient } from '../../functions/src/db/client';
import { DynamoAuditRepository } from '../../functions/src/repositories/audit-repository';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { chinaDayIn, minutesFromNow, nowIso } from '../support/time';

/** What no reader of the trail may meet: Latin letters (ids, enum values, English), long digit runs, code punctuation. */
const codeLike = /[A-Za-z_#]|\d{5,}|[0-9a-f]{8}-/;

let stack: TestStack;
let secretary: string;
let inspector: string;
let period: string;
let memberId: string;
let sessionId: string;
const name = '审计测试党员';
const topic = '学习新修订的党章';

beforeAll(async () => {
  stack = await startTestStack();
  let contact: string;
  [secretary, inspector, contact] = await Promise.all([stack.login('secretary-1'), stack.login('inspector'), stack.login('contact-1')]);
  // The month the writes below fall in, in China (the session began two minutes ago, so at 00:10 on the
  // 1st it is still this month's); they take seconds, so they stay in it.
  period = chinaDayIn(0).slice(0, 7);

  const member = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name } });
  expect(member.status, JSON.stringify(member.body)).toBe(201);
  memberId = member.body.id;
  const session = await stack.call('POST', '/branches/br-1/sessions', {
    token: secretary,
    body: { kind: 'party_lecture', topic, startsAt: minutesFromNow(-2), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
  });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  sessionId = session.body.id;
  const marked = await stack.call('PUT', `/sessions/${sessionId}/attendance/${memberId}`, { token: secretary, body: { status: 'present' } });
  expect(marked.status, JSON.stringify(marked.body)).toBe(200);
  const award = await stack.call('POST', `/members/${memberId}/points/entries`, { token: secretary, body: { category: 'volunteer', points: 3, reason: '社区志愿服务' } });
  expect(award.status, JSON.stringify(award.body)).toBe(201);
  // A paired contact proposes, the secretary approves: who filled in and who approved, both named.
  const wang = (await stack.call('GET', '/branches/br-1/members', { token: contact })).body.items.find((m: { name: string }) => m.name === '王建国');
  const before = (await stack.call('GET', `/members/${wang.id}`, { token: contact })).body;
  const proposed = await stack.call('PATCH', `/members/${wang.id}`, { token: contact, body: { expectedVersion: before.version, phone: '13900001111' } });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(202);
  expect((await stack.call('POST', `/members/${wang.id}/changes/${proposed.body.pendingChangeId}/approve`, { token: secretary })).status).toBe(200);
  // An entry as written before entries carried names: ids and a code only.
  await new DynamoAuditRepository(createDocumentClient(stack.dynamoEndpoint), stack.tableName).append('br-1', {
    at: nowIso(), actorUserId: 'u-gone-0000', action: 'attendance.mark', targetType: 'session', targetId: sessionId, fields: [memberId],
  });
});
afterAll(() => stack?.stop());

const exportOf = (format: string) => fetch(`${stack.url}/api/v1/branches/br-1/ledger/export?period=${period}&format=${format}`, { headers: { authorization: `Bearer ${inspector}` } });

describe('the audit trail reads as sentences', () => {
  it('in the ledger: who did what to whom, when, in Beijing time, with no id or code', async () => {
    const { status, body } = await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: inspector });
    expect(status).toBe(200);
    const audit = body.audit as { at: string; sentence: string }[];
    const sentences = audit.map((a) => a.sentence);
    expect(sentences.find((s) => s.includes(`张卫东（支部书记）登记了新党员${name}`))).toBeTruthy();
    const attendance = sentences.find((s) => s.includes(`张卫东（支部书记）为${name}登记了出席：党课（`));
    expect(attendance, sentences.join('\n')).toContain(`「${topic}」`);
    expect(sentences.find((s) => s.includes(`张卫东（支部书记）新建了组织生活记录：党课（`))).toBeTruthy();
    expect(sentences.find((s) => s.includes(`张卫东（支部书记）为${name}记录了积分：志愿服务 加 3 分`))).toBeTruthy();
    expect(sentences.find((s) => s.includes('一位用户登记了出席情况（1 人）：一次组织生活'))).toBeTruthy();
    expect(sentences.find((s) => s.includes('林小红（结对联系人）提出修改王建国的信息，待支部书记审核：手机号'))).toBeTruthy();
    expect(sentences.find((s) => s.includes('张卫东（支部书记）审核通过了王建国的信息修改：手机号'))).toBeTruthy();
    for (const a of audit) {
      expect(a.sentence.startsWith(`${whenWords(a.at)} `), a.sentence).toBe(true);
      expect(a.sentence, a.sentence).not.toMatch(codeLike);
    }
    expect(JSON.stringify(audit)).not.toContain(memberId);
    expect(JSON.stringify(audit)).not.toContain(sessionId.slice(0, 8));
  });

  it('in the workbook and on the print page, the same sentences', async () => {
    const { body } = await stack.call('GET', `/branches/br-1/ledger?period=${period}`, { token: inspector });
    const sentences = (body.audit as { sentence: string }[]).map((a) => a.sentence);
    expect(sentences.length).toBeGreaterThanOrEqual(5);

    const response = await exportOf('xlsx');
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('填报审核记录')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows[0]).toEqual(['时间', '记录']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(sentences);
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(codeLike);

    const print = await exportOf('html');
    expect(print.status).toBe(200);
    const html = await print.text();
    const section = html.slice(html.indexOf('七、填报审核记录'), html.indexOf('<p class="signoff">'));
    for (const s of sentences) expect(section).toContain(`<li>${s}</li>`);
    const text = section.replace(/<[^>]*>/g, '');
    expect(text, text).not.toMatch(codeLike);
    expect(html).not.toContain(memberId);
  });
});
