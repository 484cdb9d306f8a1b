import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type HttpRequest, type HttpResponse } from '@/services/api-client';
import { ApiError } from '@/services/api-error';

/** A request function that records what it was asked and answers from a script. */
function fakeRequest(answer: (req: HttpRequest) => HttpResponse | Error) {
  const calls: HttpRequest[] = [];
  const request = vi.fn(async (req: HttpRequest) => {
    calls.push(req);
    const res = answer(req);
    if (res instanceof Error) throw res;
    return res;
  });
  return { request, calls };
}

const me = { userId: 'u1', role: 'secretary' as const, displayName: '李明华', branchId: 'b1' };

describe('createApiClient', () => {
  it('sends the bearer token and the base URL, and returns the body', async () => {
    const { request, calls } = fakeRequest(() => ({ status: 200, body: me }));
    const api = createApiClient({ request, baseUrl: 'http://127.0.0.1:8787', getToken: () => 'tok-1' });
    await expect(api.me()).resolves.toEqual(me);
    expect(calls[0]).toMatchObject({ method: 'GET', url: 'http://127.0.0.1:8787/api/v1/me' });
    expect(calls[0]?.headers.Authorization).toBe('Bearer tok-1');
    expect(calls[0]?.body).toBeUndefined();
  });

  it('sends no Authorization header without a token, and JSON bodies with a content type', async () => {
    const { request, calls } = fakeRequest(() => ({ status: 200, body: { token: 't', me } }));
    const api = createApiClient({ request, baseUrl: '', getToken: () => '' });
    await api.devLogin('secretary');
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/auth/dev-login', body: { account: 'secretary' } });
    expect(calls[0]?.headers).not.toHaveProperty('Authorization');
    expect(calls[0]?.headers['Content-Type']).toBe('application/json');
  });

  it('unwraps list answers and encodes path parts', async () => {
    const { request, calls } = fakeRequest(() => ({ status: 200, body: { items: [{ id: 'm-1' }] } }));
    const api = createApiClient({ request, baseUrl: '', getToken: () => 't' });
    await expect(api.members('b 1/x')).resolves.toEqual([{ id: 'm-1' }]);
    expect(calls[0]?.url).toBe('/api/v1/branches/b%201%2Fx/members');
  });

  it('maps an error body to an ApiError with its Chinese message and field messages', async () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: '填写的内容有误，请按提示修改',
        fields: [
          { path: 'birthDate', message: '出生日期：日期格式应为 年-月-日，如 1945-10-01' },
          { path: 'sensitive.emergencyContacts.0.phone', message: '紧急联系人电话：手机号应为 11 位数字' },
        ],
      },
    };
    const { request } = fakeRequest(() => ({ status: 422, body }));
    const api = createApiClient({ request, baseUrl: '', getToken: () => 't' });
    const error = await api.createMember('b1', {} as never, 'key-member-0001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('填写的内容有误，请按提示修改');
    expect(e.fieldMessages()).toEqual({
      birthDate: '出生日期：日期格式应为 年-月-日，如 1945-10-01',
      'sensitive.emergencyContacts.0.phone': '紧急联系人电话：手机号应为 11 位数字',
    });
  });

  it('gives a Chinese sentence when the answer is not the API error shape (e.g. a gateway page)', async () => {
    const { request } = fakeRequest(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    const api = createApiClient({ request, baseUrl: '', getToken: () => 't' });
    await expect(api.me()).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE', message: '服务暂时出了点问题，请稍后再试' });
  });

  it('reports a network failure as NETWORK in Chinese', async () => {
    const { request } = fakeRequest(() => new TypeError('Failed to fetch'));
    const api = createApiClient({ request, baseUrl: '', getToken: () => 't' });
    await expect(api.me()).rejects.toMatchObject({ code: 'NETWORK', message: '网络连接失败，请检查网络后重试' });
  });

  it('calls onUnauthorized on a 401 to a request that carried a token', async () => {
    const onUnauthorized = vi.fn();
    const { request } = fakeRequest(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }));
    const api = createApiClient({ request, baseUrl: '', getToken: () => 'stale', onUnauthorized });
    await expect(api.me()).rejects.toMatchObject({ status: 401, message: '请先登录' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ code: 'UNAUTHENTICATED', message: '请先登录' }));
  });

  it('does not treat a failed login (401 without a token) as a lost session', async () => {
    const onUnauthorized = vi.fn();
    const { request } = fakeRequest(() => ({ status: 401, body: { error: { code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请重试' } } }));
    const api = createApiClient({ request, baseUrl: '', getToken: () => '', onUnauthorized });
    await expect(api.wechatLogin('bad')).rejects.toMatchObject({ code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请重试' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('tells a saved change (200) from one waiting for the secretary (202)', async () => {
    let status = 200;
    const { request, calls } = fakeRequest(() => (status === 200 ? { status, body: { id: 'm-1', version: 4 } } : { status, body: { pendingChangeId: 'c-9' } }));
    const api = createApiClient({ request, baseUrl: '', getToken: () => 't' });
    await expect(api.updateMember('m-1', { expectedVersion: 3, partyGroup: '第一党小组' })).resolves.toEqual({
      kind: 'saved',
      member: { id: 'm-1', version: 4 },
    });
    expect(calls[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/members/m-1', body: { expectedVersion: 3, partyGroup: '第一党小组' } });
    status = 202;
    await expect(api.updateMember('m-1', { expectedVersion: 3 })).resolves.toEqual({ kind: 'pending', pendingChangeId: 'c-9' });
  });
});
