import { healthNotInRoster } from '@ltx/shared/domain/roster';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, RosterImport } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';

const nav = vi.hoisted(() => ({ openPage: vi.fn(), goBack: vi.fn() }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: vi.fn(), goHome: vi.fn(), goBack: nav.goBack, goLogin: vi.fn() }));
const params = vi.hoisted(() => ({ values: {} as Record<string, string | undefined> }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => params.values[name], useReloadOnReturn: () => {} }));
const files = vi.hoisted(() => ({
  picked: { name: '花名册.xlsx', size: 2048, contentType: '', path: 'wxfile://tmp/1' } as { name: string; size: number; contentType: string; path: string } | null,
  sent: [] as unknown[],
}));
vi.mock('@/adapters/files', () => ({
  pickSpreadsheet: async () => files.picked,
  sendFile: async (ticket: unknown) => (files.sent.push(ticket), 204),
}));
const downloads = vi.hoisted(() => ({ asked: [] as string[] }));
vi.mock('@/adapters/roster-files', () => ({
  downloadRoster: async (_branch: unknown, kind: string) => (downloads.asked.push(kind), { ok: true, message: kind === 'template' ? '模板已打开' : '花名册已打开' }),
}));

const { default: RosterImportPage } = await import('@/packages/branch/pages/roster-import/index');

const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', orgId: 'o1', branchId: 'b1', branchName: '第一支部' });
const contact: Me = meOf({ userId: 'u-c', role: 'contact', displayName: '林小红', orgId: 'o1', branchId: 'b1', branchName: '第一支部' });

const checked: RosterImport = {
  id: 'imp-1', branchId: 'b1', fileName: '花名册.xlsx', state: 'checked', stateText: '已检查，等待确认导入', createdAt: '2026-11-30T01:00:00.000Z',
  counts: { create: 2, update: 1, unchanged: 0, error: 1 }, summaryText: '共 4 行：新建 2 人，更新 1 人，不变 0 人，错误 1 行', clean: false,
  rows: [
    { row: 2, name: '王建国', outcome: 'update', outcomeText: '更新', text: '第 2 行 王建国：更新（手机号）', errors: [] },
    { row: 3, name: '新甲', outcome: 'create', outcomeText: '新建', text: '第 3 行 新甲：新建', errors: [] },
    { row: 4, name: '新乙', outcome: 'create', outcomeText: '新建', text: '第 4 行 新乙：新建', errors: [] },
    { row: 5, name: '错日期', outcome: 'error', outcomeText: '错误', text: '第 5 行 错日期：错误', errors: ['第 5 行「出生日期」：“1930-02-30”不是真实的日期，请按 年-月-日 填写，如 1945-10-01'] },
  ],
};
const applied: RosterImport = {
  ...checked, state: 'applied', stateText: '已导入',
  rows: checked.rows.map((r) => (r.outcome === 'error' ? { ...r, skippedText: '未导入：这一行有错误' } : r)),
  applied: { at: '2026-11-30T01:05:00.000Z', created: 2, updated: 1, skipped: 0, text: '已导入：新建 2 人，更新 1 人' },
};

const { calls, renderWith } = pageHarness();
const route = (method: string, url: string, body: unknown, status = 200): Route => (req) => (req.method === method && req.url === url ? { status, body } : undefined);
const ticket = route('POST', '/api/v1/uploads', { uploadId: 'up-1', url: 'http://x/local-uploads', method: 'POST', fields: {}, fileField: 'file', expiresAt: '2026-11-30T02:00:00.000Z' }, 201);

beforeEach(() => {
  calls.length = 0;
  files.sent.length = 0;
  downloads.asked.length = 0;
  params.values = {};
  files.picked = { name: '花名册.xlsx', size: 2048, contentType: '', path: 'wxfile://tmp/1' };
});

describe('the secretary’s roster import', () => {
  it('downloads the template, checks the chosen file row by row, asks before leaving error rows out, and says what was done', async () => {
    renderWith(<RosterImportPage />, secretary, ticket, route('POST', '/api/v1/branches/b1/roster-imports', checked, 201), route('POST', '/api/v1/roster-imports/imp-1/apply', applied));
    await waitFor(() => expect(screen.getByText('下载花名册模板')).toBeTruthy());
    fireEvent.click(screen.getByText('下载花名册模板'));
    await waitFor(() => expect(screen.getByText('模板已打开')).toBeTruthy());
    expect(downloads.asked).toEqual(['template']);

    fireEvent.click(screen.getByText('选择填好的花名册文件'));
    await waitFor(() => expect(screen.getByText('共 4 行：新建 2 人，更新 1 人，不变 0 人，错误 1 行')).toBeTruthy());
    expect(calls.find((c) => c.url === '/api/v1/uploads')?.body).toEqual({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 2048, name: '花名册.xlsx', branchId: 'b1' });
    expect(calls.find((c) => c.url === '/api/v1/branches/b1/roster-imports')?.body).toEqual({ uploadId: 'up-1', dryRun: true });
    expect(screen.getByText('第 2 行 王建国：更新（手机号）')).toBeTruthy();
    expect(screen.getByText('第 5 行「出生日期」：“1930-02-30”不是真实的日期，请按 年-月-日 填写，如 1945-10-01')).toBeTruthy();
    // An unclean file offers no plain "确认导入": only the clean rows, after one more question, with a way back.
    expect(screen.queryByText(/^确认导入/)).toBeNull();
    fireEvent.click(screen.getByText('只导入没有错误的 3 人'));
    fireEvent.click(screen.getByText('不导入，返回'));
    expect(calls.some((c) => c.url.endsWith('/apply'))).toBe(false);
    fireEvent.click(screen.getByText('只导入没有错误的 3 人'));
    fireEvent.click(screen.getByText('确定导入 3 人'));
    await waitFor(() => expect(screen.getByText('已导入：新建 2 人，更新 1 人')).toBeTruthy());
    expect(calls.find((c) => c.url === '/api/v1/roster-imports/imp-1/apply')?.body).toEqual({ onlyCleanRows: true });
    expect(screen.getByText('未导入：这一行有错误')).toBeTruthy();
    fireEvent.click(screen.getByText('返回党员名单'));
    expect(nav.goBack).toHaveBeenCalled();
  });

  it('applies a clean file on confirmation; a failed apply says why and can be tried again', async () => {
    const clean: RosterImport = { ...checked, counts: { create: 2, update: 1, unchanged: 0, error: 0 }, clean: true, rows: checked.rows.slice(0, 3), summaryText: '共 3 行：新建 2 人，更新 1 人，不变 0 人，错误 0 行' };
    let tries = 0;
    const flaky: Route = (req) => (req.url === '/api/v1/roster-imports/imp-1/apply' ? (++tries === 1 ? { status: 500, body: { error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } } } : { status: 200, body: { ...applied, rows: clean.rows } }) : undefined);
    renderWith(<RosterImportPage />, secretary, ticket, route('POST', '/api/v1/branches/b1/roster-imports', clean, 201), flaky);
    await waitFor(() => expect(screen.getByText('选择填好的花名册文件')).toBeTruthy());
    fireEvent.click(screen.getByText('选择填好的花名册文件'));
    await waitFor(() => expect(screen.getByText('确认导入（新建 2 人，更新 1 人）')).toBeTruthy());
    fireEvent.click(screen.getByText('确认导入（新建 2 人，更新 1 人）'));
    await waitFor(() => expect(screen.getByText('服务暂时出了点问题，请稍后再试')).toBeTruthy());
    fireEvent.click(screen.getByText('确认导入（新建 2 人，更新 1 人）'));
    await waitFor(() => expect(screen.getByText('已导入：新建 2 人，更新 1 人')).toBeTruthy());
    expect(tries).toBe(2);
  });

  it('refuses a file that is not .xlsx in words, before sending anything; exports the roster', async () => {
    files.picked = { name: '花名册.xls', size: 2048, contentType: '', path: 'wxfile://tmp/2' };
    renderWith(<RosterImportPage />, secretary);
    await waitFor(() => expect(screen.getByText('选择填好的花名册文件')).toBeTruthy());
    fireEvent.click(screen.getByText('选择填好的花名册文件'));
    await waitFor(() => expect(screen.getByText(/请选择 Excel 文件（文件名以 \.xlsx 结尾）/)).toBeTruthy());
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByText('导出本支部花名册'));
    await waitFor(() => expect(screen.getByText('花名册已打开')).toBeTruthy());
    expect(downloads.asked).toEqual(['export']);
  });

  it('offers nothing to a paired contact', async () => {
    renderWith(<RosterImportPage />, contact);
    await waitFor(() => expect(screen.getByText('只有支部书记和管理员可以导入花名册。')).toBeTruthy());
    expect(screen.queryByText('选择填好的花名册文件')).toBeNull();
  });

  it('lets an administrator import for a branch of their subtree, and says health is never in the file', async () => {
    params.values = { branch: 'b2', name: '城北第四支部' };
    const admin: Me = meOf({ userId: 'u-admin', role: 'admin', displayName: '工委管理员', orgId: 'o1', orgName: '某市工委' });
    renderWith(<RosterImportPage />, admin, ticket, route('POST', '/api/v1/branches/b2/roster-imports', { ...checked, branchId: 'b2' }, 201));
    await waitFor(() => expect(screen.getByText('导入花名册：城北第四支部')).toBeTruthy());
    await waitFor(() => expect(screen.getByText(healthNotInRoster)).toBeTruthy());
    fireEvent.click(screen.getByText('选择填好的花名册文件'));
    await waitFor(() => expect(screen.getByText(checked.summaryText)).toBeTruthy());
    expect(calls.find((c) => c.url === '/api/v1/uploads')?.body).toMatchObject({ branchId: 'b2' });
  });
});

