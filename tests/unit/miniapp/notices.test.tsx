import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { HttpRequest, HttpResponse } from '@/services/api-client';
import type { Me, Notice, SessionDetail } from '@/services/types';
import { chinaDay } from '@ltx/shared/time/china-day';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';
import { daysFromNow, nowIso } from '../../support/time';

vi.mock('@/adapters/navigation', () => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: () => 's1', useReloadOnReturn: () => {} }));
vi.mock('@/adapters/files', () => ({ openFile: vi.fn(async () => true), pickPhoto: vi.fn(async () => null), pickPhotos: vi.fn(async () => []), pickDocument: vi.fn(async () => null), sendFile: vi.fn(async () => 204) }));

const { default: HomePage } = await import('@/pages/home/index');
const { default: SessionPage } = await import('@/packages/branch/pages/session/index');

/**
 * 变动通知 (issue 17, item 2) on the pages: the family reads what the branch cancelled, with the reason,
 * until they tap 知道了; the secretary moves a session with a reason the members will read.
 */
const proxy: Me = meOf({ userId: 'u-liu', role: 'proxy', displayName: '刘芳', branchId: 'b1', branchName: '第一支部', memberId: 'm2', memberName: '李秀英', secretaryName: '张卫东', attendanceMode: 'home_delivered' });
const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', branchId: 'b1', branchName: '第一支部' });

const cancelled: Notice = {
  id: 'n-1', memberId: 'm2', kind: 'visit_cancelled', at: nowIso(), byName: '张卫东', byRole: 'secretary', reason: '联系人生病了，下周再安排',
  from: { startsAt: daysFromNow(1), endsAt: daysFromNow(1.1) },
};

const { calls, renderPage, get } = pageHarness();
const post = (url: string, answer: (req: HttpRequest) => HttpResponse): Route => (req) => (req.method === 'POST' && req.url === url ? answer(req) : undefined);
const button = (text: string) => screen.getAllByText(text).find((e) => e.closest('.btn'))!;
const seenCalls = () => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/seen'));

beforeEach(() => {
  calls.length = 0;
});

describe('a notice on the family\'s home', () => {
  it('says what was cancelled and why, until 知道了, which sends one request and leaves nothing behind', async () => {
    renderPage(HomePage, proxy, get('/api/v1/members/m2/notices', { items: [cancelled] }), post('/api/v1/members/m2/notices/n-1/seen', () => ({ status: 200, body: { items: [] } })));
    await waitFor(() => expect(screen.getByText('送学上门取消了')).toBeTruthy());
    expect(screen.getByText(/的送学上门不来了。$/)).toBeTruthy();
    expect(screen.getByText('原因：联系人生病了，下周再安排')).toBeTruthy();
    expect(screen.getByText(`支部书记张卫东 ${Number(chinaDay(nowIso()).slice(5, 7))}月${Number(chinaDay(nowIso()).slice(8, 10))}日告知`)).toBeTruthy();

    fireEvent.click(button('知道了'));
    await waitFor(() => expect(screen.queryByText('送学上门取消了')).toBeNull());
    expect(seenCalls()).toHaveLength(1);
  });

  it('keeps the notice, with the reason it could not be marked, when the network fails', async () => {
    renderPage(HomePage, proxy, get('/api/v1/members/m2/notices', { items: [cancelled] }), post('/api/v1/members/m2/notices/n-1/seen', () => ({ status: 503, body: { error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } })));
    await waitFor(() => expect(screen.getByText('送学上门取消了')).toBeTruthy());
    fireEvent.click(button('知道了'));
    await waitFor(() => expect(screen.getByText(/请稍后再试/)).toBeTruthy());
    expect(screen.getByText('送学上门取消了')).toBeTruthy();
  });
});

describe('the secretary moves a session that has not begun', () => {
  const session = (): SessionDetail => ({
    id: 's1', branchId: 'b1', kind: 'theme_day', topic: '重温入党誓词', startsAt: daysFromNow(3), place: '社区党员活动室', status: 'open', onlineOffered: true, expectedCount: 3,
    hostName: '张卫东', recorderName: '吴淑珍', attachments: [], attendance: [], amendments: [], version: 4, createdBy: 'u-sec', createdByName: '张卫东', locked: false,
  });
  const hourBox = () => screen.getByText('开始时间（北京时间）').closest('.field')!.querySelectorAll('input')[0]!;
  const box = (label: string) => screen.getByText(label).closest('.field')!.querySelector('input')!;

  it('sends only what changed, with the reason and the version it saw, and says the members will be told', async () => {
    const s = session();
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', s), (req) => (req.method === 'PATCH' && req.url === '/api/v1/sessions/s1' ? { status: 200, body: { ...s, place: '老干部活动中心二楼', version: 5 } } : undefined));
    await waitFor(() => expect(button('改时间或地点')).toBeTruthy());
    fireEvent.click(button('改时间或地点'));
    // Nothing changed yet: said so, nothing sent.
    fireEvent.click(button('保存，并告诉党员'));
    expect(screen.getByText('时间和地点都没有改。')).toBeTruthy();
    fireEvent.input(box('地点'), { target: { value: '老干部活动中心二楼' } });
    fireEvent.input(box('改期原因'), { target: { value: '活动室装修' } });
    fireEvent.click(button('保存，并告诉党员'));
    await waitFor(() => expect(screen.getByText('已改好。应到的党员（和家属）会在首页看到新的安排和原因。')).toBeTruthy());
    const patch = calls.filter((c) => c.method === 'PATCH');
    expect(patch).toHaveLength(1);
    expect(patch[0]?.body).toEqual({ place: '老干部活动中心二楼', changeReason: '活动室装修', expectedVersion: 4 });
    expect(hourBox).toThrow();
  });

  it('has a way back that sends nothing, and is not offered to a session under way', async () => {
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', session()));
    await waitFor(() => expect(button('改时间或地点')).toBeTruthy());
    fireEvent.click(button('改时间或地点'));
    fireEvent.input(hourBox(), { target: { value: '15' } });
    fireEvent.click(button('先不改'));
    expect(screen.queryByText('保存，并告诉党员')).toBeNull();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('is not offered once the session has begun', async () => {
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', { ...session(), startsAt: daysFromNow(-0.01) }));
    await waitFor(() => expect(screen.getByText('重温入党誓词')).toBeTruthy());
    expect(screen.queryByText('改时间或地点')).toBeNull();
  });
});
