import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiProvider } from '@/hooks/api-context';
import { useMembers } from '@/hooks/use-members';
import { useMe } from '@/hooks/use-me';
import { useAsync } from '@/hooks/use-async';
import { createApiClient, type ApiClient, type HttpRequest } from '@/services/api-client';

function clientAnswering(answer: (req: HttpRequest) => { status: number; body: unknown }) {
  const request = vi.fn(async (req: HttpRequest) => answer(req));
  return { request, client: createApiClient({ request, baseUrl: '', getToken: () => 't' }) };
}

const wrapperFor = (client: ApiClient) =>
  function Wrapper({ children }: { children?: ReactNode }) {
    return <ApiProvider client={client}>{children}</ApiProvider>;
  };

describe('useMembers', () => {
  it('waits for a branch id, then loads that branch’s members', async () => {
    const { request, client } = clientAnswering(() => ({ status: 200, body: { items: [{ id: 'm-1', name: '王建国' }] } }));
    const { result, rerender } = renderHook(({ branchId }: { branchId?: string }) => useMembers(branchId), {
      wrapper: wrapperFor(client),
      initialProps: {},
    });
    expect(result.current.loading).toBe(false);
    expect(request).not.toHaveBeenCalled();

    rerender({ branchId: 'b1' });
    await waitFor(() => expect(result.current.data).toEqual([{ id: 'm-1', name: '王建国' }]));
    expect(result.current.error).toBeUndefined();
    expect(request.mock.calls[0]?.[0].url).toBe('/api/v1/branches/b1/members');
  });

  it('turns a failure into the API’s Chinese message and loads again on reload', async () => {
    let fail = true;
    const { request, client } = clientAnswering(() =>
      fail ? { status: 403, body: { error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } } } : { status: 200, body: { items: [] } },
    );
    const { result } = renderHook(() => useMembers('b1'), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.error).toBe('您没有权限进行此操作'));
    expect(result.current.data).toBeUndefined();

    fail = false;
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data).toEqual([]));
    expect(result.current.error).toBeUndefined();
    expect(request).toHaveBeenCalledTimes(2);
  });
});

describe('useMe', () => {
  it('needs an ApiProvider above it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useMe())).toThrow('useApi needs an <ApiProvider> above it');
  });
});

describe('useAsync', () => {
  it('keeps the newest answer when an older, slower one arrives later', async () => {
    const resolvers: Record<string, (v: string) => void> = {};
    const load = (key: string) => () => new Promise<string>((resolve) => (resolvers[key] = resolve));
    const { result, rerender } = renderHook(({ k }: { k: string }) => useAsync(load(k), k), { initialProps: { k: 'old' } });
    rerender({ k: 'new' });
    await act(async () => resolvers.new?.('newest'));
    await act(async () => resolvers.old?.('stale'));
    expect(result.current.data).toBe('newest');
    expect(result.current.loading).toBe(false);
  });

  it('keeps the last answer beside the error when a reload finds no network, but not another key’s', async () => {
    let online = true;
    const load = (k: string) => async () => {
      if (!online) throw new Error('offline');
      return `list of ${k}`;
    };
    const { result, rerender } = renderHook(({ k }: { k: string }) => useAsync(load(k), k), { initialProps: { k: 'mine' } });
    await waitFor(() => expect(result.current.data).toBe('list of mine'));
    online = false;
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect(result.current.data).toBe('list of mine');
    rerender({ k: 'other' });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toBeTruthy();
    expect(result.current.data).toBeUndefined();
  });
});
