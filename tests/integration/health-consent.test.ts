import { QueryCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthConsentTerms } from '@ltx/shared/domain/consent';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { buildServices } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { testClock } from '../support/clock';
import { recordHealth, startTestStack, validMember, type TestStack } from './support/stack';

/**
 * The member's own, separate consent to keep health and care data (PIPL Art. 28–29), over HTTP on the
 * real local stack: no health data without it (not at creation, not by the secretary's say-so), given by
 * the member or their proxy (recorded as such) or by the secretary with the photo of the signed form,
 * withdrawn in one request after which the data is gone from the item and both indexes.
 */

let stack: TestStack;
let secretary: string;
let secretary2: string;
let member: string;
let proxy: string;
let inspector: string;
const terms = { termsVersion: healthConsentTerms.version };
const health = { healthClass: 'not_self_reliant', careNotes: { hearing: '需要大声说话', readAloud: true }, emergencyContacts: [{ name: '刘芳', relation: '女儿', phone: '13900010002' }] };

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, secretary2, member, proxy, inspector] = (await Promise.all(["secretary-1", "secretary-2", "member-wang", "proxy-liu", "inspector"].map((a) => stack.login(a)))) as [string, string, string, string, string];
});
afterAll(async () => stack?.stop());

const services = () => buildServices({ db: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName, clock: testClock });
/** The branch's counters of members per health class: 卧床 (not self-reliant) and 未登记. */
const counts = async () => {
  const { healthClassCounts } = (await services().repositories.orgs.getBranch('br-1'))!;
  return { bedridden: healthClassCounts.not_self_reliant ?? 0, unknown: healthClassCounts.unknown ?? 0 };
};
/** The secretary writes the health profile once the member's consent stands. */
const recordHealthAs = async (token: string, memberId: string) => {
  const current = await detail(memberId);
  const saved = await stack.call('PATCH', `/members/${memberId}`, { token, body: { expectedVersion: current.version, sensitive: health } });
  expect(saved.status).toBe(200);
};
const me = async (token: string) => (await stack.call('GET', '/me', { token })).body as { memberId: string };
const detail = async (id: string) => (await stack.call('GET', `/members/${id}`, { token: secretary })).body;
const newMember = async (name: string) => (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name } })).body;

/** Every item of the member's partition and each index entry naming them, straight from the table. */
async function storedEverywhere(memberId: string) {
  const db = createDocumentClient(stack.dynamoEndpoint);
  const item = (await db.send(new GetCommand({ TableName: stack.tableName, Key: { pk: `MEMBER#${memberId}`, sk: 'PROFILE' } }))).Item!;
  const partition = (await db.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `MEMBER#${memberId}` } }))).Items ?? [];
  const indexed = async (index: string, pk: string, value: string) =>
    ((await db.send(new QueryCommand({ TableName: stack.tableName, IndexName: index, KeyConditionExpression: `${pk} = :v`, ExpressionAttributeValues: { ':v': value } }))).Items ?? []).filter(
      (i) => i.id === memberId || i.pk === `MEMBER#${memberId}`,
    );
  const gsi1 = await indexed('gsi1', 'gsi1pk', `BRANCH#${item.branchId}#MEMBERS`);
  const gsi2 = item.contactUserId ? await indexed('gsi2', 'gsi2pk', `CONTACT#${item.contactUserId}#MEMBERS`) : [];
  return JSON.stringify({ item, partition, gsi1, gsi2 });
}

describe('health data only with the member’s own consent', () => {
  it('is refused at creation and on edit while there is no consent, and nothing is stored', async () => {
    const atCreate = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '未同意甲', sensitive: health } });
    expect(atCreate.status).toBe(422);
    // The old ticked box is gone: a secretary cannot say "本人已同意" for the member.
    const ticked = await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '未同意甲', healthConsent: true } });
    expect(ticked.status).toBe(422);

    const m = await newMember('未同意乙');
    const edit = await stack.call('PATCH', `/members/${m.id}`, { token: secretary, body: { expectedVersion: m.version, sensitive: health } });
    expect(edit.status).toBe(422);
    expect(edit.body.error.fields.map((f: { path: string }) => f.path)).toContain('sensitive');
    expect(edit.body.error.fields[0].message).toContain('本人还没有同意');
    const after = await detail(m.id);
    expect(after.version).toBe(m.version);
    expect(after.sensitive).toBeUndefined();
    expect(await storedEverywhere(m.id)).not.toContain('需要大声说话');

    // Without consent everything else works: the member is on the roll and can be edited.
    const moved = await stack.call('PATCH', `/members/${m.id}`, { token: secretary, body: { expectedVersion: m.version, livingSituation: 'alone' } });
    expect(moved.status).toBe(200);
  });

  it('is given by the member in the app, then the secretary may record health; withdrawn in one request, it is erased everywhere', async () => {
    const { memberId } = await me(member);
    const page = await stack.call('GET', `/members/${memberId}/health-consent`, { token: member });
    expect(page.status).toBe(200);
    expect(page.body.terms).toMatchObject({ version: healthConsentTerms.version, title: healthConsentTerms.title });
    expect(page.body.terms.points.length).toBeGreaterThan(3);

    // The demo member agreed at seeding; withdraw first so this test starts from no consent.
    if (page.body.consent) expect((await stack.call('POST', `/members/${memberId}/health-consent/withdraw`, { token: member, idempotencyKey: 'consent-wang-reset', body: {} })).status).toBe(200);
    const before = await detail(memberId);
    expect(before.sensitive).toBeUndefined();
    expect(before.healthConsent).toBeUndefined();

    const stale = await stack.call('POST', `/members/${memberId}/health-consent`, { token: member, body: { termsVersion: '2001-01' } });
    expect(stale.status).toBe(422);
    expect(stale.body.error.fields[0]).toMatchObject({ path: 'termsVersion' });
    expect(stale.body.error.fields[0].message).toContain('同意书的内容已经更新');

    const given = await stack.call('POST', `/members/${memberId}/health-consent`, { token: member, idempotencyKey: 'consent-wang-give', body: terms });
    expect(given.status).toBe(200);
    expect(given.body.consent).toMatchObject({ termsVersion: healthConsentTerms.version, way: 'member' });
    // Given again (a double tap, another key): the same consent, no second history line.
    const again = await stack.call('POST', `/members/${memberId}/health-consent`, { token: member, idempotencyKey: 'consent-wang-give-2', body: terms });
    expect(again.body.history).toHaveLength(given.body.history.length);

    const current = await detail(memberId);
    const saved = await stack.call('PATCH', `/members/${memberId}`, { token: secretary, body: { expectedVersion: current.version, sensitive: health } });
    expect(saved.status).toBe(200);
    expect(saved.body.sensitive.healthClass).toBe('not_self_reliant');
    expect(saved.body.healthConsent.way).toBe('member');
    expect(await storedEverywhere(memberId)).toContain('需要大声说话');
    const countedBefore = await counts();

    const withdrawn = await stack.call('POST', `/members/${memberId}/health-consent/withdraw`, { token: member, idempotencyKey: 'consent-wang-withdraw', body: {} });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.consent).toBeUndefined();
    expect(withdrawn.body.history.slice(-2).map((e: { kind: string }) => e.kind)).toEqual(['given', 'withdrawn']);
    expect(withdrawn.body.history.at(-1).byText).toBe('本人');

    const erased = await detail(memberId);
    expect(erased.sensitive).toBeUndefined();
    expect(erased.healthConsent).toBeUndefined();
    const stored = await storedEverywhere(memberId);
    for (const word of ['需要大声说话', '13900010002', 'not_self_reliant', 'careNotes', 'emergencyContacts']) expect(stored).not.toContain(word);
    // And no longer collected: the secretary's next health edit is refused.
    const refused = await stack.call('PATCH', `/members/${memberId}`, { token: secretary, body: { expectedVersion: erased.version, sensitive: health } });
    expect(refused.status).toBe(422);
    // The branch counts the member as 未登记 again.
    const countedAfter = await counts();
    expect(countedAfter).toEqual({ bedridden: countedBefore.bedridden - 1, unknown: countedBefore.unknown + 1 });

    // A retry of the withdrawal (same key) answers the same and changes nothing more.
    const retried = await stack.call('POST', `/members/${memberId}/health-consent/withdraw`, { token: member, idempotencyKey: 'consent-wang-withdraw', body: {} });
    expect(retried.status).toBe(200);
    expect(retried.body.history).toHaveLength(withdrawn.body.history.length);
  });

  it('records the proxy as the proxy, and the secretary only with the photo of the signed form', async () => {
    const { memberId } = await me(proxy);
    const first = (await stack.call('GET', `/members/${memberId}/health-consent`, { token: proxy })).body;
    if (first.consent) await stack.call('POST', `/members/${memberId}/health-consent/withdraw`, { token: proxy, idempotencyKey: 'consent-li-reset', body: {} });
    const byProxy = await stack.call('POST', `/members/${memberId}/health-consent`, { token: proxy, idempotencyKey: 'consent-li-give', body: terms });
    expect(byProxy.status, JSON.stringify(byProxy.body)).toBe(200);
    expect(byProxy.body.consent.way).toBe('proxy');
    expect(byProxy.body.history.at(-1).byText).toBe('家属');
    await stack.call('POST', `/members/${memberId}/health-consent/withdraw`, { token: proxy, idempotencyKey: 'consent-li-withdraw', body: {} });

    const m = await newMember('纸质同意');
    const noPhoto = await stack.call('POST', `/members/${m.id}/health-consent`, { token: secretary, body: terms });
    expect(noPhoto.status).toBe(422);
    expect(noPhoto.body.error.fields[0].path).toBe('paperFormUploadId');
    const neverUploaded = (await stack.call('POST', '/uploads', { token: secretary, body: { contentType: 'image/png', size: 68, name: '同意书.png' } })).body;
    const missing = await stack.call('POST', `/members/${m.id}/health-consent`, { token: secretary, body: { ...terms, paperFormUploadId: neverUploaded.uploadId } });
    expect(missing.status).toBe(422);

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const ticket = (await stack.call('POST', '/uploads', { token: secretary, body: { contentType: 'image/png', size: png.length, name: '同意书.png' } })).body;
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([png], { type: 'image/png' }), '同意书.png');
    expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBe(204);
    const paper = await stack.call('POST', `/members/${m.id}/health-consent`, { token: secretary, idempotencyKey: 'consent-paper-give', body: { ...terms, paperFormUploadId: ticket.uploadId } });
    expect(paper.status).toBe(200);
    expect(paper.body.consent.way).toBe('secretary_paper');
    expect(paper.body.history.at(-1).byText).toBe('张卫东（支部书记）');

    // The audit trail says it in words: who, for whom, and how it was given.
    const trail = (await services().repositories.audit.list('br-1', '2000-01-01', '2100-01-01')).filter((e) => e.targetId === m.id && e.action === 'consent.give');
    expect(trail.map((e) => auditSentence(e))[0]).toContain('张卫东（支部书记）登记了纸质同意同意保存健康和照护信息（凭本人签字的同意书）');
  });

  it('logs every read of a member’s health data by someone else, and shows the member who, when and why', async () => {
    const created = await newMember('读取记录');
    await recordHealth(stack, secretary, created.id, health);
    const page = async () => (await stack.call('GET', `/members/${created.id}/health-consent`, { token: secretary })).body;
    const before = (await page()).reads;
    // Three reads by the secretary today: one line that counts them.
    for (let i = 0; i < 3; i++) expect((await stack.call('GET', `/members/${created.id}`, { token: secretary })).body.sensitive).toBeDefined();
    const after = (await page()).reads;
    const today = after.find((r: { readerText: string; purposeText: string }) => r.readerText === '张卫东（支部书记）' && r.purposeText === '查看党员信息');
    expect(today.count).toBe((before.find((r: { readerText: string }) => r.readerText === '张卫东（支部书记）')?.count ?? 0) + 3);
    expect(today.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // An inspector sees the member without health data: nothing is logged for them.
    expect((await stack.call('GET', `/members/${created.id}`, { token: inspector })).body.sensitive).toBeUndefined();
    expect(JSON.stringify((await page()).reads)).not.toContain('督导');
  });

  it('gives the member a copy of their data in Chinese (xlsx), read back sheet by sheet', async () => {
    const { memberId } = await me(proxy);
    const first = (await stack.call('GET', `/members/${memberId}/health-consent`, { token: proxy })).body;
    if (!first.consent) await stack.call('POST', `/members/${memberId}/health-consent`, { token: proxy, idempotencyKey: 'consent-copy-give', body: terms });
    await recordHealthAs(secretary, memberId);
    const res = await fetch(`${stack.url}/api/v1/members/${memberId}/my-data`, { headers: { authorization: `Bearer ${proxy}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['说明', '个人信息', '健康与照护', '组织生活', '送学上门', '积分', '同意和查看记录']);
    const text = (name: string) => book.getWorksheet(name)!.getSheetValues().flat().join(' ');
    expect(text('个人信息')).toContain('李秀英');
    expect(text('个人信息')).toContain('第一离退休干部党支部');
    expect(text('健康与照护')).toContain('需要大声说话');
    expect(text('同意和查看记录')).toContain('家属代本人在小程序里同意');
    // People read words: no ids, codes or English anywhere in the copy.
    const all = book.worksheets.map((w) => w.getSheetValues().flat().join(' ')).join(' ');
    expect(all).not.toMatch(/not_self_reliant|with_family|present|secretary_paper|u-demo|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(all).not.toContain(memberId);

    // Another member's copy: 404; an inspector: 403; a copy of another branch's member: 404.
    expect((await fetch(`${stack.url}/api/v1/members/${memberId}/my-data`, { headers: { authorization: `Bearer ${member}` } })).status).toBe(404);
    expect((await fetch(`${stack.url}/api/v1/members/${memberId}/my-data`, { headers: { authorization: `Bearer ${inspector}` } })).status).toBe(403);
    expect((await fetch(`${stack.url}/api/v1/members/${memberId}/my-data`, { headers: { authorization: `Bearer ${secretary2}` } })).status).toBe(404);
  });

  it('answers 404 to another branch and 403 to those who may not read health data', async () => {
    const { memberId } = await me(member);
    expect((await stack.call('GET', `/members/${memberId}/health-consent`, { token: secretary2 })).status).toBe(404);
    expect((await stack.call('POST', `/members/${memberId}/health-consent`, { token: secretary2, body: terms })).status).toBe(404);
    expect((await stack.call('GET', `/members/${memberId}/health-consent`, { token: inspector })).status).toBe(403);
    const { memberId: other } = await me(proxy);
    // A member sees only their own.
    expect((await stack.call('GET', `/members/${other}/health-consent`, { token: member })).status).toBe(404);
  });
});
