import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthConsentTerms } from '@ltx/shared/domain/consent';
import { chinaDayIn } from '../support/time';
import { startTestStack, type TestStack } from './support/stack';

/**
 * 爱心卡 (issue 18, item 5): the member or their proxy decides what is on the card; online only they read it;
 * what it says about health is health data, refused without consent and erased with it. Real handlers over dynalite.
 */
let stack: TestStack;
let secretary: string;
let otherSecretary: string;
let contact: string;
let inspector: string;
let member: string;
let proxy: string;
let wangId: string;
let motherId: string;

const noneShown = { address: false, conditions: false, medicines: false, careNotes: false, emergencyContacts: false, contact: false };
const card = (memberId: string, token: string) => stack.call('GET', `/members/${memberId}/care-card`, { token });
const save = (memberId: string, token: string, body: unknown, key?: string) =>
  stack.call('POST', `/members/${memberId}/care-card`, { token, body, ...(key ? { idempotencyKey: key } : {}) });

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, otherSecretary, contact, member, proxy, inspector] = (await Promise.all(['secretary-1', 'secretary-2', 'contact-1', 'member-wang', 'proxy-liu', 'inspector'].map((a) => stack.login(a)))) as [string, string, string, string, string, string];
  wangId = (await stack.call('GET', '/me', { token: member })).body.memberId;
  motherId = (await stack.call('GET', '/me', { token: proxy })).body.memberId;
});
afterAll(() => stack?.stop());

describe('the care card', () => {
  it('starts with the suggested items and carries what the member chose, in their words, once their consent stands', async () => {
    const first = await card(wangId, member);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ memberId: wangId, memberName: '王建国', version: 0, show: { emergencyContacts: true, contact: true, medicines: false } });
    expect(first.body.branchName).toMatch(/支部/);

    const withdrawn = await stack.call('POST', `/members/${wangId}/health-consent/withdraw`, { token: member, body: {}, idempotencyKey: 'care-card-withdraw-0' });
    expect(withdrawn.status).toBe(200);
    const refused = await save(wangId, member, { show: { ...noneShown, medicines: true }, medicines: '硝苯地平，每天早上一片', expectedVersion: 0 }, 'care-card-1');
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('常用药：先在“健康信息同意”里同意保存健康信息');
    expect((await card(wangId, member)).body.version).toBe(0);

    const given = await stack.call('POST', `/members/${wangId}/health-consent`, { token: member, body: { termsVersion: healthConsentTerms.version }, idempotencyKey: 'care-card-consent' });
    expect(given.status).toBe(200);
    const body = { show: { ...noneShown, medicines: true, emergencyContacts: true }, medicines: '硝苯地平，每天早上一片', conditions: '高血压', expectedVersion: 0 };
    const saved = await save(wangId, member, body, 'care-card-2');
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, healthConsent: true, medicines: '硝苯地平，每天早上一片', conditions: '高血压', show: body.show });

    // A retry with the same key answers the same; the same key with another body is refused; a stale version is 409.
    expect((await save(wangId, member, body, 'care-card-2')).body).toEqual(saved.body);
    expect((await save(wangId, member, { ...body, medicines: '别的药' }, 'care-card-2')).status).toBe(422);
    expect((await save(wangId, member, { ...body, conditions: '糖尿病' }, 'care-card-3')).status).toBe(409);
    expect((await card(wangId, member)).body.conditions).toBe('高血压');
  });

  it('is read and changed only by the member and their proxy: the branch gets 403, another branch or family 404', async () => {
    expect((await card(motherId, proxy)).status).toBe(200);
    expect((await card(wangId, secretary)).status).toBe(403);
    expect((await save(wangId, secretary, { show: noneShown, expectedVersion: 1 })).status).toBe(403);
    expect((await card(wangId, otherSecretary)).status).toBe(404);
    expect((await card(wangId, proxy)).status).toBe(404);
    // His paired contact knows him (403); the profile, not the card, is what a contact reads.
    expect((await card(wangId, contact)).status).toBe(403);
    // Nothing of the card leaks into the member's record as the branch reads it.
    const detail = await stack.call('GET', `/members/${wangId}`, { token: secretary });
    expect(JSON.stringify(detail.body)).not.toContain('硝苯地平');
  });

  it('names the field when the words are too long, and keeps the card as it was', async () => {
    const long = await save(wangId, member, { show: noneShown, conditions: '高'.repeat(101), expectedVersion: 1 }, 'care-card-4');
    expect(long.status).toBe(422);
    expect(JSON.stringify(long.body)).toContain('身体情况');
    expect((await card(wangId, member)).body.version).toBe(1);
  });

  it('loses what it said about health when the consent is withdrawn, and keeps the choices', async () => {
    expect((await stack.call('POST', `/members/${wangId}/health-consent/withdraw`, { token: member, body: {}, idempotencyKey: 'care-card-withdraw' })).status).toBe(200);
    const after = (await card(wangId, member)).body;
    expect(after).toMatchObject({ healthConsent: false, show: { medicines: true, emergencyContacts: true } });
    expect(after.medicines).toBeUndefined();
    expect(after.conditions).toBeUndefined();
    // Given again, the old words do not come back: they were erased, not hidden.
    await stack.call('POST', `/members/${wangId}/health-consent`, { token: member, body: { termsVersion: healthConsentTerms.version }, idempotencyKey: 'care-card-consent-again' });
    expect((await card(wangId, member)).body.medicines).toBeUndefined();
  });

  it('is told in words in the audit trail, without what the card says', async () => {
    const ledger = await stack.call('GET', `/branches/br-1/ledger?period=${chinaDayIn(0).slice(0, 7)}`, { token: inspector });
    expect(ledger.status).toBe(200);
    const sentences = (ledger.body.audit as { sentence: string }[]).map((a) => a.sentence);
    expect(sentences.find((s) => s.includes('王建国（党员）修改了王建国的爱心卡，卡上印：姓名、所在支部、常用药、紧急联系人')), sentences.join('\n')).toBeTruthy();
    expect(JSON.stringify(ledger.body)).not.toContain('硝苯地平');
  });
});
