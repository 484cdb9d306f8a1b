import { describe, expect, it } from 'vitest';
import { pendingStore } from '@/adapters/storage';
import { startPendingQueue } from '@/adapters/pending-queue';
import { createApiClient, type HttpRequest, type HttpResponse } from '@/services/api-client';
import { createPendingQueue, KeptOnPhone, keptWords, pendingStateText, sendKept, type KeptPhoto } from '@/services/pending-queue';
import { attendanceDraft, pendingSender } from '@/services/pending-senders';
import type { PickedFile } from '@/services/upload-flow';
import { testClock } from '../../support/clock';

/**
 * The phone's 待上传 queue against a stand-in API that keeps what it is sent and, like the real one,
 * answers a repeated Idempotency-Key with its first answer. `online` cuts and restores the network:
 * while it is false every request rejects, as Taro.request does with no signal.
 */
function phone() {
  const net = { online: true };
  const requests: HttpRequest[] = [];
  const firstAnswers = new Map<string, HttpResponse>();
  const records: { url: string; body: unknown }[] = [];
  let refuse: HttpResponse | undefined;
  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    if (!net.online) throw new TypeError('Failed to fetch');
    requests.push(req);
    if (req.url === '/api/v1/uploads') return { status: 201, body: { uploadId: `up-${requests.length}`, url: 'https://files.example/form', fields: {}, fileField: 'file' } };
    if (refuse) return refuse;
    const key = req.headers['Idempotency-Key'] ?? '';
    const seen = firstAnswers.get(key);
    if (seen) return seen;
    records.push({ url: req.url, body: req.body });
    const answer = { status: 200, body: { attendance: [{ memberId: 'm1', status: 'excused' }] } };
    firstAnswers.set(key, answer);
    return answer;
  };
  const api = createApiClient({ request, baseUrl: '', getToken: () => 't' });
  const uploadsSent: string[] = [];
  const sendFile = async (_ticket: unknown, file: PickedFile) => {
    if (!net.online) throw new TypeError('Failed to fetch');
    uploadsSent.push(file.name);
    return 204;
  };
  const restore = async (p: KeptPhoto): Promise<PickedFile> => ({ ...p });
  const newQueue = () => createPendingQueue({ store: pendingStore, send: pendingSender(api, sendFile, restore), now: () => testClock.now() });
  return {
    net, api, requests, records, uploadsSent, newQueue,
    refuseWith: (r: HttpResponse | undefined) => (refuse = r),
    sends: (path: string) => requests.filter((r) => r.url.endsWith(path)),
  };
}

const leave = attendanceDraft('s1', 'm1', { status: 'excused', reason: '身体不适' }, '学习全会公报');

describe('待上传: records kept on the phone while there is no network', () => {
  it('keeps a leave made offline across a restart and sends it, with the key made at the tap, once the network is back', async () => {
    const p = phone();
    p.net.online = false;
    const first = p.newQueue();
    await expect(sendKept(first, leave)).rejects.toBeInstanceOf(KeptOnPhone);
    const [kept] = first.entries();
    expect(kept).toMatchObject({ state: 'waiting', title: '请假：学习全会公报' });
    expect(pendingStateText(kept!)).toBe(`待上传：${keptWords}`);
    expect(kept!.key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    // The app is closed and opened again: a new queue reads the same record from storage.
    const second = p.newQueue();
    expect(second.entries()).toEqual([kept]);
    await second.flush();
    expect(second.entries()[0]?.state).toBe('waiting');

    p.net.online = true;
    await second.flush();
    expect(second.entries()[0]).toMatchObject({ state: 'sent', key: kept!.key });
    expect(pendingStateText(second.entries()[0]!)).toBe('✓ 已上传');
    const sent = p.sends('/sessions/s1/attendance/m1');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('PUT');
    expect(sent[0]?.headers['Idempotency-Key']).toBe(kept!.key);
    expect(sent[0]?.body).toEqual({ status: 'excused', reason: '身体不适' });
  });

  it('sends on its own when the browser says the network is back (the window "online" event)', async () => {
    const p = phone();
    p.net.online = false;
    startPendingQueue(p.api);
    const { pendingQueueFor } = await import('@/adapters/pending-queue');
    const queue = pendingQueueFor(p.api);
    await queue.add(leave);
    expect(queue.entries()[0]?.state).toBe('waiting');
    p.net.online = true;
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => queue.entries()[0]?.state).toBe('sent');
    expect(p.records).toHaveLength(1);
  });

  it('lands exactly once however often it is tried: every try carries the one key, and tries at the same moment are one', async () => {
    const p = phone();
    const queue = p.newQueue();
    p.net.online = false;
    await queue.add(leave);
    await queue.flush();
    p.net.online = true;
    // The network comes back and the app is shown at once: two triggers, one send.
    await Promise.all([queue.flush(), queue.flush(), p.newQueue().flush()]);
    const keys = new Set(p.sends('/attendance/m1').map((r) => r.headers['Idempotency-Key']));
    expect(keys.size).toBe(1);
    expect(p.records).toHaveLength(1);
    await queue.flush();
    expect(p.records).toHaveLength(1);
  });

  it('shows a 4xx answer in its words and does not try it again', async () => {
    const p = phone();
    const queue = p.newQueue();
    p.net.online = false;
    await queue.add(leave);
    p.net.online = true;
    p.refuseWith({ status: 409, body: { error: { code: 'SESSION_CLOSED', message: '这次学习的记录已经归档，不能再改' } } });
    await queue.flush();
    const [refused] = queue.entries();
    expect(refused).toMatchObject({ state: 'refused', message: '这次学习的记录已经归档，不能再改' });
    expect(pendingStateText(refused!)).toBe('没有传上：这次学习的记录已经归档，不能再改');
    const tries = p.sends('/attendance/m1').length;
    await queue.flush();
    await p.newQueue().flush();
    expect(p.sends('/attendance/m1')).toHaveLength(tries);
    queue.dismiss(refused!.key);
    expect(queue.entries()).toEqual([]);
  });

  it('tries a server error (5xx) or a sign-in that ran out (401) again later, as it does a lost network', async () => {
    const p = phone();
    const queue = p.newQueue();
    p.refuseWith({ status: 503, body: 'Service Unavailable' });
    await queue.add(leave);
    expect(queue.entries()[0]?.state).toBe('waiting');
    p.refuseWith({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请重新登录' } } });
    await queue.flush();
    expect(queue.entries()[0]?.state).toBe('waiting');
    p.refuseWith(undefined);
    await queue.flush();
    expect(queue.entries()[0]?.state).toBe('sent');
  });

  it('lets a record that went (or was refused) at once leave the list: the form says so itself', async () => {
    const p = phone();
    const queue = p.newQueue();
    await expect(sendKept(queue, leave)).resolves.toMatchObject({ attendance: [{ memberId: 'm1' }] });
    p.refuseWith({ status: 422, body: { error: { code: 'VALIDATION', message: '请假原因：请填写' } } });
    await expect(sendKept(queue, leave)).rejects.toMatchObject({ message: '请假原因：请填写' });
    expect(queue.entries()).toEqual([]);
  });

  it('uploads a delivery’s photos chosen offline before the record, and never uploads one twice', async () => {
    const p = phone();
    const queue = p.newQueue();
    p.net.online = false;
    const photo = (name: string): KeptPhoto => ({ name, size: 1000, contentType: 'image/jpeg', path: `kept:${name}` });
    const studied = { deliveredAt: testClock.now().toISOString(), studied: '学习全会公报', photos: [{ uploadId: 'up-0', name: '门口.jpg' }] };
    await queue.add({ kind: 'deliver', target: { requestId: 'v1' }, body: studied, photos: [photo('一.jpg'), photo('二.jpg')], title: '送学记录：李秀英' });
    p.net.online = true;
    // The deliver route refuses with a 5xx once: both photos are up by then and are remembered.
    p.refuseWith({ status: 502, body: '' });
    await queue.flush();
    expect(p.uploadsSent).toEqual(['一.jpg', '二.jpg']);
    expect(queue.entries()[0]?.photos.every((x) => x.uploadId)).toBe(true);
    p.refuseWith(undefined);
    await queue.flush();
    expect(p.uploadsSent).toEqual(['一.jpg', '二.jpg']);
    const [deliver] = p.sends('/visit-requests/v1/deliver').slice(-1);
    const body = deliver?.body as { photos: { uploadId: string; name: string }[] };
    expect(body.photos.map((x) => x.name)).toEqual(['门口.jpg', '一.jpg', '二.jpg']);
    expect(deliver?.headers['Idempotency-Key']).toBe(queue.entries()[0]?.key);
    expect(queue.entries()[0]?.state).toBe('sent');
  });
});
