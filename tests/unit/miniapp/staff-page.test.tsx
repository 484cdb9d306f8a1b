import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, StaffList } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';

const nav = vi.hoisted(() => ({ openPage: vi.fn(), params: {} as Record<string, string | undefined> }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => nav.params[name], useReloadOnReturn: () => {} }));

const { default: StaffPage } = await import('@/packages/inspector/pages/staff/index');

const admin: Me = meOf({ userId: 'u-admin', role: 'admin', displayName: '郑国强', orgId: 'o1', orgName: '城南街道党工委' });
const inspector: Me = meOf({ userId: 'u-i', role: 'inspector', displayName: '周明', orgId: 'o1', orgName: '城南街道党工委' });

const list: StaffList = {
  staff: [
    { userId: 'u-admin', name: '郑国强', role: 'admin', roleText: '管理员', scopeText: '城南街道党工委' },
    { userId: 'u-sec', name: '张卫东', role: 'secretary', roleText: '支部书记', scopeText: '第一支部', branchId: 'b1' },
  ],
  pendingInvites: [{ code: 'ABCD23', name: '周新华', role: 'contact', roleText: '结对联系人', scopeText: '第一支部', branchId: 'b1', expiresAt: '2026-12-07T01:00:00.000Z', path: 'pages/bind/index?code=ABCD23' }],
};
const branches = { items: [{ id: 'b1', orgId: 'o1', name: '第一支部', memberCount: 3 }] };

const { calls, renderWith } = pageHarness();
const route = (method: string, url: string, body: unknown, status = 200): Route => (req) => (req.method === method && req.url === url ? { status, body } : undefined);

/** Taro's H5 box draws its <input> a moment after it appears. */
async function typeName(value: string) {
  const box = await waitFor(() => {
    const found = screen.getByText('姓名').closest('.field')?.querySelector('input');
    if (!found) throw new Error('no name box');
    return found;
  });
  fireEvent.input(box, { target: { value } });
}

beforeEach(() => {
  calls.length = 0;
});

describe('the administrator’s staff page', () => {
  it('lists staff and pending invites in words, invites a contact of a branch and shows the code', async () => {
    renderWith(
      <StaffPage />,
      admin,
      route('GET', '/api/v1/orgs/o1/staff', list),
      route('GET', '/api/v1/orgs/o1/branches', branches),
      route('POST', '/api/v1/orgs/o1/staff-invites', { ...list.pendingInvites[0], code: 'XYZ789', name: '钱联络' }, 201),
    );
    await waitFor(() => expect(screen.getByText('张卫东')).toBeTruthy());
    expect(screen.getByText('第一支部的支部书记')).toBeTruthy();
    expect(screen.getByText('周新华：第一支部的结对联系人')).toBeTruthy();
    // No withdrawing oneself: one button, for the secretary.
    expect(screen.getAllByText('收回职务')).toHaveLength(1);

    fireEvent.click(screen.getByText('生成邀请码'));
    expect(screen.getByText('姓名：请填写 2 到 20 个字')).toBeTruthy();
    await typeName('钱联络');
    fireEvent.click(screen.getByText('结对联系人'));
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(screen.getByText('支部：请选择')).toBeTruthy();
    fireEvent.click(screen.getByText('第一支部'));
    fireEvent.click(screen.getByText('生成邀请码'));
    await waitFor(() => expect(screen.getByText('XYZ789')).toBeTruthy());
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({ name: '钱联络', role: 'contact', branchId: 'b1' });
    expect(sent?.headers?.['Idempotency-Key']).toBeTruthy();
  });

  it('asks once more before withdrawing, and offers a way back', async () => {
    renderWith(<StaffPage />, admin, route('GET', '/api/v1/orgs/o1/staff', list), route('GET', '/api/v1/orgs/o1/branches', branches), route('POST', '/api/v1/orgs/o1/staff/u-sec/withdraw', { ...list.staff[1], withdrawnAt: '2026-12-01T01:00:00.000Z' }));
    await waitFor(() => expect(screen.getByText('收回职务')).toBeTruthy());
    fireEvent.click(screen.getByText('收回职务'));
    fireEvent.click(screen.getByText('不收回，返回'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByText('收回职务'));
    fireEvent.click(screen.getByText('确定收回'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/orgs/o1/staff/u-sec/withdraw')).toBe(true));
  });

  it('offers nothing to an inspector', async () => {
    renderWith(<StaffPage />, inspector, route('GET', '/api/v1/orgs/o1/branches', branches));
    await waitFor(() => expect(screen.getByText('只有组织的管理员可以管理工作人员。')).toBeTruthy());
    expect(screen.queryByText('生成邀请码')).toBeNull();
    expect(calls.some((c) => c.url.includes('/staff'))).toBe(false);
  });
});
