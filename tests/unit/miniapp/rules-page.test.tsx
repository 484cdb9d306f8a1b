import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { nationalRules } from '@ltx/shared/domain/rule-inheritance';
import type { EffectiveRulesView, Me } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';

const nav = vi.hoisted(() => ({ params: {} as Record<string, string | undefined> }));
vi.mock('@/adapters/navigation', () => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => nav.params[name], useReloadOnReturn: () => {} }));

const { default: OrgRulesPage } = await import('@/packages/inspector/pages/rules/index');

const admin: Me = meOf({ userId: 'u-admin', role: 'admin', displayName: '城南管理员', orgId: 'o2', orgName: '城南党工委' });
const inspector: Me = meOf({ userId: 'u-i', role: 'inspector', displayName: '周明', orgId: 'o2', orgName: '城南党工委' });

const view: EffectiveRulesView = {
  orgId: 'o2', orgName: '城南党工委', hasParent: true,
  frequency: { origin: 'inherited', words: '沿用上级「某市工委」的规定', fromOrgId: 'o1', rules: { ...nationalRules.frequency, party_lecture: 'monthly' } },
  visits: { origin: 'own', words: '本组织自定', fromOrgId: 'o2', rules: { scheduleWithinDays: 5, deliverWithinDays: 10, deliveryGraceDays: 7 } },
  points: { origin: 'national', words: '全国统一规定', rules: nationalRules.points },
};

const { calls, renderWith } = pageHarness();
const route = (method: string, url: string, body: unknown, status = 200): Route => (req) => (req.method === method && req.url === url ? { status, body } : undefined);

beforeEach(() => {
  calls.length = 0;
  nav.params = {};
});

describe('the rules page', () => {
  it('shows each kind of rules with where it comes from, and offers an inspector no change', async () => {
    renderWith(<OrgRulesPage />, inspector, route('GET', '/api/v1/orgs/o2/rules', view));
    await waitFor(() => expect(screen.getByText('城南党工委')).toBeTruthy());
    expect(screen.getByText('来源：沿用上级「某市工委」的规定')).toBeTruthy();
    expect(screen.getByText('来源：本组织自定')).toBeTruthy();
    expect(screen.getByText('来源：全国统一规定')).toBeTruthy();
    expect(screen.getByText('党课：每月')).toBeTruthy();
    expect(screen.getByText('申请后 5 天内安排')).toBeTruthy();
    expect(screen.queryByText('修改为本组织的规定')).toBeNull();
    expect(screen.queryByText('停止积分管理')).toBeNull();
  });

  it('reverts an own rule to the superior one only after a confirmation', async () => {
    renderWith(<OrgRulesPage />, admin, route('GET', '/api/v1/orgs/o2/rules', view), route('POST', '/api/v1/orgs/o2/rules/revert', view));
    fireEvent.click(await screen.findByText('恢复沿用上级规定'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByText('确定恢复'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ kind: 'visits' }));
    expect(await screen.findByText('已恢复沿用上级规定。')).toBeTruthy();
  });

  it('turns points off with a plain confirmation, and a way back', async () => {
    renderWith(<OrgRulesPage />, admin, route('GET', '/api/v1/orgs/o2/rules', view), route('PUT', '/api/v1/orgs/o2/points-rules', { ...nationalRules.points, enabled: false }));
    fireEvent.click(await screen.findByText('停止积分管理'));
    expect(screen.getByText(/以前的积分记录仍然保留/)).toBeTruthy();
    fireEvent.click(screen.getByText('不改变，返回'));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.click(screen.getByText('停止积分管理'));
    fireEvent.click(screen.getByText('确定停止积分管理'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ enabled: false, basePerYear: 60 }));
  });
});
