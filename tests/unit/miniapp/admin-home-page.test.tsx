import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, OrgDetail, StaffList } from '@/services/types';
import { meOf } from './me';
import { pageHarness } from './harness';

const nav = vi.hoisted(() => ({ openPage: vi.fn(), params: {} as Record<string, string | undefined> }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => nav.params[name], useReloadOnReturn: () => {} }));

const { default: AdminHomePage } = await import('@/packages/inspector/pages/admin-home/index');
const { pages, withQuery } = await import('@/services/routes');

const admin: Me = meOf({ userId: 'u-admin', role: 'admin', displayName: '工委管理员', orgId: 'o1', orgName: '某市工委' });

const top: OrgDetail = {
  id: 'o1', name: '某市工委', kind: 'gongwei', kindText: '工委',
  children: [
    { id: 'o2', name: '城南党工委', kind: 'dang_gongwei', kindText: '党工委' },
    { id: 'o3', name: '临时党委', kind: 'dangwei', kindText: '党委', closed: { on: '2026-11-03', text: '已撤销（2026年11月3日）' } },
  ],
  branches: [{ id: 'b0', name: '机关离退休党支部', kindText: '支部', memberCount: 12 }],
};
const south: OrgDetail = {
  id: 'o2', name: '城南党工委', kind: 'dang_gongwei', kindText: '党工委', parent: { id: 'o1', name: '某市工委' }, children: [],
  branches: [
    { id: 'b1', name: '城南第一支部', kindText: '支部', memberCount: 30 },
    { id: 'b2', name: '老第二支部', kindText: '支部', memberCount: 0, closed: { on: '2026-10-01', text: '已撤销（2026年10月1日）' } },
  ],
};
const closedOne: OrgDetail = { ...top.children[1]!, parent: { id: 'o1', name: '某市工委' }, children: [], branches: [] };

const staff: StaffList = {
  staff: [
    { userId: 'u-admin', name: '工委管理员', role: 'admin', roleText: '管理员', scopeText: '某市工委' },
    { userId: 'u-sec', name: '张卫东', role: 'secretary', roleText: '支部书记', scopeText: '城南第一支部', branchId: 'b1' },
  ],
  pendingInvites: [{ code: 'ABCD23', name: '周新华', role: 'inspector', roleText: '督导', scopeText: '城南党工委', expiresAt: '2026-12-07T01:00:00.000Z', path: 'pages/bind/index?code=ABCD23' }],
};

const { calls, renderPage, get } = pageHarness();

beforeEach(() => {
  calls.length = 0;
  nav.openPage.mockReset();
});

describe('the administrator’s home', () => {
  it('shows the tree two levels down with 已撤销 marks, who holds which role where, and pending invites with their codes', async () => {
    renderPage(AdminHomePage, admin, get('/api/v1/orgs/o1', top), get('/api/v1/orgs/o2', south), get('/api/v1/orgs/o3', closedOne), get('/api/v1/orgs/o1/staff', staff));
    await waitFor(() => expect(screen.getByText('城南第一支部（党员 30 人）')).toBeTruthy());
    expect(screen.getByText('某市工委 管理')).toBeTruthy();
    expect(screen.getByText('直属支部：机关离退休党支部（党员 12 人）')).toBeTruthy();
    expect(screen.getByText('老第二支部（已撤销（2026年10月1日））')).toBeTruthy();
    expect(screen.getByText('临时党委（已撤销（2026年11月3日））')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('张卫东')).toBeTruthy());
    expect(screen.getByText('支部书记')).toBeTruthy();
    expect(screen.getByText('周新华')).toBeTruthy();
    expect(screen.getByText('城南党工委的督导')).toBeTruthy();
    expect(screen.getByText('邀请码 ABCD23')).toBeTruthy();
    // Words, not ids.
    expect(document.body.textContent).not.toMatch(/\b(o1|o2|b1|u-sec)\b/);
  });

  it('opens compliance, the tree (there or at a child), the staff page and the rules', async () => {
    renderPage(AdminHomePage, admin, get('/api/v1/orgs/o1', top), get('/api/v1/orgs/o2', south), get('/api/v1/orgs/o3', closedOne), get('/api/v1/orgs/o1/staff', staff));
    fireEvent.click(screen.getByText('各支部达标情况'));
    fireEvent.click(screen.getByText('设立支部和下级组织'));
    fireEvent.click(screen.getByText('邀请工作人员'));
    fireEvent.click(screen.getByText('开会次数和积分的规定'));
    await waitFor(() => expect(screen.getByText('打开城南党工委')).toBeTruthy());
    fireEvent.click(screen.getByText('打开城南党工委'));
    expect(nav.openPage.mock.calls.map((c) => c[0])).toEqual([pages.compliance, pages.orgTree, pages.staff, pages.orgRules, withQuery(pages.orgTree, { org: 'o2' })]);
  });

  it('says so when the tree cannot be read, with a way to try again', async () => {
    renderPage(AdminHomePage, admin, get('/api/v1/orgs/o1/staff', staff));
    await waitFor(() => expect(screen.getAllByText(/重试|再试/).length).toBeGreaterThan(0));
  });
});
