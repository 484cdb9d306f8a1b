import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthConsentTerms } from '@ltx/shared/domain/consent';
import { daysFromNow, msFromNow } from '../support/time';
import { startTestStack, type TestStack } from './support/stack';

/**
 * A closed (撤销) branch keeps its history, read-only: nothing already in its book of record can be changed or
 * added to (attendance, leave, visits, points, the roll, uploads), each answering 409 ORG_CLOSED in words, while
 * reading goes on and the members keep their own rights over their information. Real handlers over dynalite.
 */
let stack: TestStack;
let secretary: string;
let member: string;
let proxy: string;
let admin: string;
let wangId: string;
let motherId: string;
let started: { id: string };
let coming: { id: string };

const session = (startsAt: string) => ({ kind: 'theme_day', topic: '学习党章', startsAt, place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍', onlineOffered: true });
const expectClosed = (r: { status: number; body: { error?: { code: string; message: string } } }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(409);
  expect(r.body.error?.code).toBe('ORG_CLOSED');
  expect(r.body.error?.message).toContain('已撤销，只能查看');
};

beforeAll(async () => {
  stack = await startTestStack();
  [secretary, member, proxy, admin] = (await Promise.all(['secretary-1', 'member-wang', 'proxy-liu', 'admin-city'].map((a) => stack.login(a)))) as [string, string, string, string];
  wangId = (await stack.call('GET', '/me', { token: member })).body.memberId;
  motherId = (await stack.call('GET', '/me', { token: proxy })).body.memberId;
  started = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: session(msFromNow(-5 * 60_000)) })).body;
  coming = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: session(daysFromNow(3)) })).body;
  expect((await stack.call('POST', '/branches/br-1/close', { token: admin })).status).toBe(200);
});
afterAll(() => stack?.stop());

describe('a closed branch', () => {
  it('refuses changes to the records it already holds', async () => {
    expectClosed(await stack.call('PUT', `/sessions/${started.id}/attendance/${wangId}`, { token: secretary, body: { status: 'present' } }));
    expectClosed(await stack.call('PUT', `/sessions/${coming.id}/attendance/${wangId}`, { token: member, body: { status: 'excused', reason: '身体不适' } }));
    expectClosed(await stack.call('POST', `/members/${wangId}/points/entries`, { token: secretary, body: { category: 'volunteer', points: 3, reason: '社区志愿服务' } }));
    expectClosed(await stack.call('POST', `/members/${motherId}/visit-requests`, { token: proxy, idempotencyKey: 'closed-visit', body: { slot: 'morning' } }));
    const wang = (await stack.call('GET', `/members/${wangId}`, { token: secretary })).body as { version: number };
    expectClosed(await stack.call('PATCH', `/members/${wangId}`, { token: secretary, body: { expectedVersion: wang.version, phone: '13900001111' } }));
    expectClosed(await stack.call('POST', '/uploads', { token: secretary, body: { contentType: 'image/png', size: 68, name: '会议照片.png' } }));
    expectClosed(await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: session(daysFromNow(5)) }));
    // Nothing changed: the lines are as they were.
    const read = await stack.call('GET', `/sessions/${started.id}`, { token: secretary });
    expect(read.status).toBe(200);
    expect(read.body.attendance.find((a: { memberId: string }) => a.memberId === wangId).status).toBeNull();
  });

  it('keeps what members may do about their own information', async () => {
    expect((await stack.call('GET', `/members/${wangId}`, { token: member })).status).toBe(200);
    expect((await stack.call('POST', `/members/${wangId}/health-consent/withdraw`, { token: member, body: {}, idempotencyKey: 'closed-withdraw' })).status).toBe(200);
    expect((await stack.call('POST', `/members/${wangId}/health-consent`, { token: member, body: { termsVersion: healthConsentTerms.version }, idempotencyKey: 'closed-give' })).status).toBe(200);
    const card = (await stack.call('GET', `/members/${wangId}/care-card`, { token: member })).body as { version: number; show: Record<string, boolean> };
    expect((await stack.call('POST', `/members/${wangId}/care-card`, { token: member, body: { show: card.show, expectedVersion: card.version }, idempotencyKey: 'closed-card' })).status).toBe(200);
  });
});
