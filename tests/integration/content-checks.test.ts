import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalog } from '@ltx/shared/errors';
import { mediaCheckLabels } from '@ltx/shared/labels';
import { createDocumentClient } from '../../functions/src/db/client';
import { DynamoUploadRepository } from '../../functions/src/repositories/upload-repository';
import { pushSignature } from '../../functions/src/wechat/push-signature';
import type { FakeWechat } from '../../local/fake-wechat';
import { localServiceOpenId, wechatPushPath } from '../../local/stack';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { chinaDayIn, chinaYear, daysFromNow, msFromNow, nowIso } from '../support/time';

/**
 * WeChat's content checks over HTTP on the real local stack, against the loopback fake WeChat the
 * stack starts (local/fake-wechat.ts): flagged texts are refused with nothing stored, clean ones are
 * stored; images are hidden from others until WeChat pushes a pass to the signed push route.
 */

const flagged = '违规示例';
let stack: TestStack;
let wechat: FakeWechat;
let secretary: string;
let contact: string;
let inspector: string;
let uploads: DynamoUploadRepository;

const pushToken = () => JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8'))['local/wechat-push-token'] as string;
const pushUrl = (query: Record<string, string>) => `${stack.url}${wechatPushPath}?${new URLSearchParams(query)}`;
const signed = (extra: Record<string, string> = {}, token = pushToken()) => {
  const timestamp = '1767225600';
  const nonce = `n${Object.keys(extra).length}x${token.length}`;
  return { signature: pushSignature(token, timestamp, nonce), timestamp, nonce, ...extra };
};
const plan = (extra: Record<string, unknown> = {}) => ({
  kind: 'theme_day', topic: '内容检查测试', startsAt: daysFromNow(-1), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍', ...extra,
});

/** A one-pixel PNG uploaded through the presigned form; its upload id. */
async function uploadPng(token: string): Promise<string> {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const ticket = (await stack.call('POST', '/uploads', { token, body: { contentType: 'image/png', size: png.length, name: '会议照片.png' } })).body;
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([png], { type: 'image/png' }), 'a.png');
  expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBe(204);
  return ticket.uploadId as string;
}

/** The trace id WeChat's fake answered when the image was submitted. */
const traceOf = (uploadId: string) => wechat.mediaChecks.find((c) => c.media_url.includes(uploadId))!.traceId;
const photosSeenBy = async (token: string, sessionId: string) => (await stack.call('GET', `/sessions/${sessionId}`, { token })).body.minutes?.photos ?? [];

beforeAll(async () => {
  stack = await startTestStack();
  wechat = stack.wechat!;
  [secretary, contact, inspector] = (await Promise.all(['secretary-1', 'contact-1', 'inspector'].map((a) => stack.login(a)))) as [string, string, string];
  uploads = new DynamoUploadRepository(createDocumentClient(stack.dynamoEndpoint), stack.tableName);
});
afterAll(() => stack?.stop());

describe('texts others read go through msg_sec_check v2 before they are stored', () => {
  it('refuses flagged minutes naming the field, and stores nothing: the record keeps what it had', async () => {
    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan() })).body;
    const clean = await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { agenda: '学习党章', content: '大家发言踊跃' } });
    expect(clean.status).toBe(200);

    const refused = await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { agenda: '学习党章', content: `会上有人说${flagged}` } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'CONTENT_FLAGGED',
      message: '“会议内容”含有不适合发布的内容，请修改后再提交',
      fields: [{ path: 'content', message: '“会议内容”含有不适合发布的内容，请修改后再提交' }],
    });
    const after = (await stack.call('GET', `/sessions/${session.id}`, { token: secretary })).body;
    expect(after.minutes).toMatchObject({ agenda: '学习党章', content: '大家发言踊跃' });
    expect(after.version).toBe(clean.body.version);

    // Several flagged fields are all named; each distinct text is checked once.
    const before = wechat.textChecks.length;
    const two = await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { agenda: flagged, content: '正常内容', decisions: flagged } });
    expect(two.status).toBe(422);
    expect(two.body.error.message).toBe('“议程”“决议”含有不适合发布的内容，请修改后再提交');
    expect(two.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['agenda', 'decisions']);
    expect(wechat.textChecks.length - before).toBe(2);
  });

  it('checks long minutes in parts WeChat takes (2500 characters each), and finds a word at the very end', async () => {
    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan() })).body;
    const long = '同志们结合工作实际交流了学习体会。'.repeat(400); // 6800 characters
    const before = wechat.textChecks.length;
    expect((await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { content: long } })).status).toBe(200);
    const parts = wechat.textChecks.slice(before);
    expect(parts.length).toBe(3);
    for (const p of parts) expect([...p.content].length).toBeLessThanOrEqual(2500);
    const refused = await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { content: `${long.slice(0, -2)}${flagged}` } });
    expect(refused.status).toBe(422);
    expect((await stack.call('GET', `/sessions/${session.id}`, { token: secretary })).body.minutes.content).toBe(long);
  });

  it('refuses a flagged care observation at a 送学上门 delivery: the visit stays scheduled and the care notes unchanged', async () => {
    const members = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
    const li = members.find((m) => m.name === '李秀英')!;
    const notesBefore = (await stack.call('GET', `/members/${li.id}`, { token: secretary })).body.sensitive?.careNotes;
    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ startsAt: daysFromNow(4), topic: '送学检查' }) })).body;
    const requested = await stack.call('POST', `/members/${li.id}/visit-requests`, { token: secretary, body: { sessionId: session.id, slot: 'morning' } });
    expect(requested.status).toBe(201);
    const scheduled = await stack.call('POST', `/visit-requests/${requested.body.id}/schedule`, {
      token: secretary, body: { contactUserId: 'u-demo-contact1', windowStart: daysFromNow(1), windowEnd: msFromNow(86_400_000 + 7_200_000) },
    });
    expect(scheduled.status).toBe(200);

    const refused = await stack.call('POST', `/visit-requests/${requested.body.id}/deliver`, {
      token: contact, body: { deliveredAt: nowIso(), studied: '学习全会公报', observations: { hearing: `左耳${flagged}` } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CONTENT_FLAGGED');
    expect(refused.body.error.fields).toEqual([{ path: 'observations.hearing', message: '“听力”含有不适合发布的内容，请修改后再提交' }]);
    expect((await stack.call('GET', `/visit-requests/${requested.body.id}`, { token: secretary })).body.status).toBe('scheduled');
    expect((await stack.call('GET', `/members/${li.id}`, { token: secretary })).body.sensitive?.careNotes).toEqual(notesBefore);

    const delivered = await stack.call('POST', `/visit-requests/${requested.body.id}/deliver`, {
      token: contact, body: { deliveredAt: nowIso(), studied: '学习全会公报', observations: { hearing: '左耳听力较弱，说话要慢' } },
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.delivered.observations).toEqual({ hearing: '左耳听力较弱，说话要慢' });
  });

  it('refuses a flagged review opinion and stores no review; a clean one is stored', async () => {
    const period = String(chinaYear());
    const count = async () => (await stack.call('GET', `/branches/br-1/reviews?period=${period}`, { token: inspector })).body.items.length as number;
    const before = await count();
    const refused = await stack.call('POST', '/branches/br-1/reviews', {
      token: inspector, body: { period, opinion: `支部工作${flagged}`, items: [{ what: '完善会议记录', deadline: '2099-12-31' }] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('“督导意见”含有不适合发布的内容，请修改后再提交');
    expect(await count()).toBe(before);

    const item = await stack.call('POST', '/branches/br-1/reviews', { token: inspector, body: { period, opinion: '会议记录需完整', items: [{ what: flagged, deadline: '2099-12-31' }] } });
    expect(item.status).toBe(422);
    expect(item.body.error.fields).toEqual([{ path: 'items.0.what', message: '“整改事项”含有不适合发布的内容，请修改后再提交' }]);
    expect(await count()).toBe(before);

    const stored = await stack.call('POST', '/branches/br-1/reviews', { token: inspector, body: { period, opinion: '会议记录需完整', items: [] } });
    expect(stored.status).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('refuses flagged leave reasons and departure notes; checks under the service openid for accounts without WeChat', async () => {
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '检查测试' } })).body;
    const departure = await stack.call('POST', `/members/${member.id}/departure`, {
      token: secretary, body: { reason: 'left', on: chinaDayIn(0), note: flagged, expectedVersion: member.version },
    });
    expect(departure.status).toBe(422);
    expect(departure.body.error.message).toBe('“备注”含有不适合发布的内容，请修改后再提交');
    expect((await stack.call('GET', `/members/${member.id}`, { token: secretary })).body.departure).toBeUndefined();

    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ startsAt: daysFromNow(3) }) })).body;
    const leave = await stack.call('PUT', `/sessions/${session.id}/attendance/${member.id}`, { token: secretary, body: { status: 'excused', reason: `${flagged}原因` } });
    expect(leave.status).toBe(422);
    expect(leave.body.error.fields).toEqual([{ path: 'reason', message: '“请假原因”含有不适合发布的内容，请修改后再提交' }]);
    const line = (await stack.call('GET', `/sessions/${session.id}`, { token: secretary })).body.attendance.find((a: { memberId: string }) => a.memberId === member.id);
    expect(line.status).toBeNull();

    const ok = await stack.call('PUT', `/sessions/${session.id}/attendance/${member.id}`, { token: secretary, body: { status: 'excused', reason: '住院' } });
    expect(ok.status).toBe(200);
    const check = [...wechat.textChecks].reverse().find((c) => c.content === '住院')!;
    expect(check).toMatchObject({ version: 2, scene: 3, openid: localServiceOpenId });
  });

  it('refuses a flagged 意见反馈 message and stores nothing; a clean one reaches the administrator', async () => {
    const mine = async () => (await stack.call('GET', '/me/feedback', { token: secretary })).body.items.length as number;
    const before = await mine();
    const refused = await stack.call('POST', '/feedback', { token: secretary, body: { kind: 'suggestion', text: `希望${flagged}` } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields[0].path).toBe('text');
    expect(await mine()).toBe(before);
    const sent = await stack.call('POST', '/feedback', { token: secretary, body: { kind: 'suggestion', text: '希望会议通知早一点发' } });
    expect(sent.status).toBe(201);
    expect(await mine()).toBe(before + 1);
  });

  it('checks a WeChat user’s text under their own openid, which no answer carries', async () => {
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '本人检查' } })).body;
    const invite = (await stack.call('POST', `/members/${member.id}/invites`, { token: secretary, body: { kind: 'self' } })).body;
    const visitor = (await stack.call('POST', '/auth/wechat', { body: { code: 'code-author' } })).body.token;
    const bound = await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: invite.code } });
    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan({ startsAt: daysFromNow(2), topic: '本人请假' }) })).body;
    const leave = await stack.call('PUT', `/sessions/${session.id}/attendance/${member.id}`, { token: bound.body.token, body: { status: 'excused', reason: '去医院复查' } });
    expect(leave.status).toBe(200);
    expect([...wechat.textChecks].reverse().find((c) => c.content === '去医院复查')!.openid).toBe('openid-author');
    const me = await stack.call('GET', '/me', { token: bound.body.token });
    for (const body of [bound.body, leave.body, me.body]) expect(JSON.stringify(body)).not.toContain('openid-author');
  });
});

describe('photos go through media_check_async and are shown to others only after a pass', () => {
  it('hides a photo until WeChat pushes a pass; a repeated push changes nothing', async () => {
    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan() })).body;
    const uploadId = await uploadPng(secretary);
    const written = await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { content: '合影', photos: [{ uploadId, name: '合影.png' }] } });
    expect(written.status).toBe(200);
    const submitted = wechat.mediaChecks.find((c) => c.media_url.includes(uploadId))!;
    expect(submitted).toMatchObject({ media_type: 2, version: 2, scene: 3, openid: localServiceOpenId });
    // WeChat fetches the image from the link it was given.
    expect((await fetch(submitted.media_url)).status).toBe(200);

    expect(await photosSeenBy(inspector, session.id)).toEqual([]);
    const own = await photosSeenBy(secretary, session.id);
    expect(own).toMatchObject([{ uploadId, check: 'checking', checkText: mediaCheckLabels.checking }]);

    expect(await wechat.push(traceOf(uploadId))).toBe(200);
    const seen = await photosSeenBy(inspector, session.id);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty('check');
    expect((await fetch(seen[0].url)).status).toBe(200);
    const decided = await uploads.get(uploadId);
    expect(decided).toMatchObject({ checkState: 'passed' });

    // WeChat retries; a late contrary verdict for the same trace id does not undo the first.
    expect(await wechat.push(traceOf(uploadId))).toBe(200);
    expect(await wechat.push(traceOf(uploadId), 'risky')).toBe(200);
    expect(await uploads.get(uploadId)).toEqual(decided);
  });

  it('keeps a refused photo hidden from others, and tells the uploader and the secretary in words', async () => {
    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan() })).body;
    const uploadId = await uploadPng(secretary);
    wechat.flagImage(uploadId);
    await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { content: '合影', photos: [{ uploadId, name: '合影.png' }] } });
    expect(await wechat.push(traceOf(uploadId))).toBe(200);
    expect(await photosSeenBy(inspector, session.id)).toEqual([]);
    expect(await photosSeenBy(secretary, session.id)).toEqual([{ uploadId, name: '合影.png', url: '', check: 'rejected', checkText: mediaCheckLabels.rejected }]);
    expect(await wechat.push(traceOf(uploadId), 'pass')).toBe(200);
    expect(await photosSeenBy(inspector, session.id)).toEqual([]);
  });

  it('refuses a forged push (401) and changes nothing; answers WeChat’s URL check only when signed', async () => {
    const session = (await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: plan() })).body;
    const uploadId = await uploadPng(secretary);
    await stack.call('PUT', `/sessions/${session.id}/minutes`, { token: secretary, body: { photos: [{ uploadId, name: '合影.png' }] } });
    const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceOf(uploadId), errcode: 0, result: { suggest: 'pass', label: 100 } };
    const post = (query: Record<string, string>) => fetch(pushUrl(query), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });

    const forged = await post(signed({}, 'not-the-push-token'));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'PUSH_SIGNATURE_INVALID', message: errorCatalog.PUSH_SIGNATURE_INVALID.message } });
    expect((await post({ timestamp: '1', nonce: '2' })).status).toBe(401);
    expect(await uploads.get(uploadId)).toMatchObject({ checkState: 'checking' });
    expect(await photosSeenBy(inspector, session.id)).toEqual([]);

    const genuine = await post(signed());
    expect(genuine.status).toBe(200);
    expect(await genuine.text()).toBe('success');
    expect(await uploads.get(uploadId)).toMatchObject({ checkState: 'passed' });

    const echo = await fetch(pushUrl(signed({ echostr: 'echo-12345' })));
    expect(echo.status).toBe(200);
    expect(await echo.text()).toBe('echo-12345');
    expect((await fetch(pushUrl({ ...signed({ echostr: 'echo-12345' }), signature: 'f'.repeat(40) }))).status).toBe(401);
  });

  it('answers success to events it does not act on: another event, a trace id it never gave', async () => {
    const post = (event: unknown) => fetch(pushUrl(signed()), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    expect((await post({ MsgType: 'event', Event: 'user_enter_tempsession' })).status).toBe(200);
    expect((await post({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 'never-issued', result: { suggest: 'risky' } })).status).toBe(200);
  });
});
