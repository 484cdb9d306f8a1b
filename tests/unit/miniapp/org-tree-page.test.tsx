import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, OrgDetail } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';

const nav = vi.hoisted(() => ({ openPage: vi.fn(), params: {} as Record<string, string | undefined> }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => nav.params[name], useReloadOnReturn: () => {} }));

const { default: OrgTreePage } = await import('@/packages/inspector/pages/tree/index');

const admin: Me = meOf({ userId: 'u-admin', role: 'admin', displayName: '工委管理员', orgId: 'o1', orgName: '某市工委' });
const inspector: Me = meOf({ userId: 'u-i', role: 'inspector', displayName: '周明', orgId: 'o1', orgName: '某市工委' });

const tree: OrgDetail = {
  id: 'o1', name: '某市工委', kind: 'gongwei', kindText: '工委',
  children: [
    { id: 'o2', name: '城南党工委', kind: 'dang_gongwei', kindText: '党工委' },
    { id: 'o3', name: '临时党委', kind: 'dangwei', kindText: '党委', closed: { on: '2026-11-03', text: '已撤销（2026年11月3日）' } },
  ],
  branches: [
    { id: 'b1', name: '机关离退休党支部', kindText: '支部', memberCount: 12 },
    { id: 'b2', name: '老第二支部', kindText: '支部', memberCount: 0, closed: { on: '2026-10-01', text: '已撤销（2026年10月1日）' } },
  ],
};

const { calls, renderWith } = pageHarness();
const route = (method: string, url: string, body: unknown, status = 200): Route => (req) => (req.method === method && req.url === url ? { status, body } : undefined);

async function typeInto(label: string, value: string) {
  const box = await waitFor(() => {
    const found = screen.getByText(label).closest('.field')?.querySelector('input');
    if (!found) throw new Error(`no box ${label}`);
    return found;
  });
  fireEvent.input(box, { target: { value } });
}

beforeEach(() => {
  calls.length = 0;
  nav.openPage.mockReset();
  nav.params = {};
});

describe('the organisation tree page', () => {
  it('shows the organisation, its children and branches in words, closed ones with their day, and goes down a level', async () => {
    renderWith(<OrgTreePage />, inspector, route('GET', '/api/v1/orgs/o1', tree));
    await waitFor(() => expect(screen.getByText('某市工委')).toBeTruthy());
    expect(screen.getByText('城南党工委（党工委）')).toBeTruthy();
    expect(screen.getByText('临时党委（党委，已撤销（2026年11月3日））')).toBeTruthy();
    expect(screen.getByText('党员 12 人')).toBeTruthy();
    expect(screen.getByText('已撤销（2026年10月1日）')).toBeTruthy();
    // An inspector reads the tree but is offered no change.
    expect(screen.queryByText('设立下级组织', { selector: '*:not(.h2)' })).toBeNull();
    expect(screen.queryByText('设立支部', { selector: '*:not(.h2)' })).toBeNull();
    fireEvent.click(screen.getByText('城南党工委（党工委）'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/inspector/pages/tree/index?org=o2');
  });

  it('lets an administrator set up a child organisation and a branch, naming what is missing first', async () => {
    renderWith(
      <OrgTreePage />,
      admin,
      route('GET', '/api/v1/orgs/o1', tree),
      route('POST', '/api/v1/orgs/o1/children', { id: 'o4', name: '城北党工委', kindText: '党工委', children: [], branches: [] }, 201),
      route('POST', '/api/v1/orgs/o1/branches', { id: 'b9', orgId: 'o1', name: '新设支部', memberCount: 0 }, 201),
    );
    await waitFor(() => expect(screen.getByText('某市工委')).toBeTruthy());
    const [, addChild] = screen.getAllByText('设立下级组织');
    fireEvent.click(addChild!);
    expect(screen.getByText('名称：请填写 2 到 40 个字')).toBeTruthy();
    expect(screen.getByText('组织类别：请选择')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await typeInto('组织名称', '城北党工委');
    fireEvent.click(screen.getByText('党工委'));
    fireEvent.click(addChild!);
    await waitFor(() => expect(screen.getByText('已设立「城北党工委」。')).toBeTruthy());
    const sent = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/orgs/o1/children');
    expect(sent?.body).toEqual({ name: '城北党工委', kind: 'dang_gongwei' });
    expect(sent?.headers?.['Idempotency-Key']).toBeTruthy();

    await typeInto('支部名称', '新设支部');
    const [, addBranch] = screen.getAllByText('设立支部');
    fireEvent.click(addBranch!);
    await waitFor(() => expect(screen.getByText('已设立「新设支部」。')).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/v1/orgs/o1/branches')?.body).toEqual({ name: '新设支部' });
  });
});
