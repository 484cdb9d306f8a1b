import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { HttpRequest, HttpResponse } from '@/services/api-client';
import type { Me, SessionDetail, VisitRequest } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';
import { daysFromNow, msFromNow } from '../../support/time';

// Pages reach Taro only through adapters: stand them in so the pages render under a DOM.
vi.mock('@/adapters/navigation', () => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: () => undefined, useReloadOnReturn: () => {} }));
vi.mock('@/adapters/files', () => ({ openFile: vi.fn(async () => true), pickPhoto: vi.fn(async () => null), pickPhotos: vi.fn(async () => []), pickDocument: vi.fn(async () => null), sendFile: vi.fn(async () => 204) }));

const { default: HomePage } = await import('@/pages/home/index');
const { default: VisitsPage } = await import('@/packages/branch/pages/visits/index');

/**
 * Issue 17: the member's and proxy's ways back on their home page. Each is a plain button, asks once in
 * plain words with a way back, then says what happened; nothing is sent before the "yes".
 */

const member: Me = meOf({ userId: 'u-wang', role: 'member', displayName: '王建国', branchId: 'b1', branchName: '第一支部', memberId: 'm1', memberName: '王建国', secretaryName: '张卫东', attendanceMode: 'in_person' });
const proxy: Me = meOf({ ...member, userId: 'u-liu', role: 'proxy', displayName: '刘芳', memberId: 'm2', memberName: '李秀英', attendanceMode: 'home_delivered' });
const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', branchId: 'b1', branchName: '第一支部' });

/** A theme day that began an hour ago, with online study offered: every self-report is open. */
const summary = { id: 's1', branchId: 'b1', kind: 'theme_day' as const, topic: '学习全会公报', startsAt: msFromNow(-60_000), place: '党员活动室', status: 'open' as const, onlineOffered: true, expectedCount: 3 };
const line = (status: SessionDetail['attendance'][number]['status'], over: Record<string, string> = {}) => ({ memberId: 'm1', memberName: '王建国', status, ...over });
const detail = (attendance: SessionDetail['attendance']): SessionDetail => ({
  ...summary, hostName: '张卫东', recorderName: '吴淑珍', attachments: [], attendance, amendments: [], version: 2, createdBy: 'u-sec', createdByName: '张卫东', locked: false,
});
const mySessions = (myStatus: string | null) => ({ items: [{ ...summary, attachments: [], myStatus }] });

function visit(over: Partial<VisitRequest> = {}): VisitRequest {
  return {
    id: 'v1', branchId: 'b1', memberId: 'm2', memberName: '李秀英', sessionId: 's1', sessionTopic: '学习全会公报', slot: 'any', status: 'requested', requestedBy: 'u-liu', requestedByRole: 'proxy',
    createdAt: daysFromNow(-1), ageDays: 1, overdue: null, statusText: '已申请（上午下午都行），等待支部安排', version: 1, ...over,
  };
}

const { calls, renderPage, get } = pageHarness();
const post = (url: string, answer: (req: HttpRequest) => HttpResponse): Route => (req) => (req.method === 'POST' && req.url === url ? answer(req) : undefined);
const sent = (suffix: string) => calls.filter((c) => (c.method === 'POST' || c.method === 'PUT') && c.url.endsWith(suffix));
const button = (text: string) => screen.getAllByText(text).find((e) => e.closest('.btn'))!;

async function type(label: string, value: string) {
  const box = await waitFor(() => {
    const found = screen.getByText(label).closest('.field')?.querySelector('input, textarea');
    if (!found) throw new Error(`no box under ${label}`);
    return found;
  });
  fireEvent.input(box, { target: { value } });
}

beforeEach(() => {
  calls.length = 0;
});

describe('我能来了 and 撤销“我已学习”', () => {
  it('takes back leave after one question, with a way back, then says so', async () => {
    renderPage(
      HomePage,
      member,
      get('/api/v1/members/m1/sessions', mySessions('excused')),
      get('/api/v1/sessions/s1', detail([line('excused', { reason: '住院' })])),
      post('/api/v1/sessions/s1/attendance/m1/withdraw', () => ({ status: 200, body: detail([line(null)]) })),
    );
    await waitFor(() => expect(screen.getByText('您已请假：住院')).toBeTruthy());
    fireEvent.click(button('我能来了'));
    expect(screen.getByText('撤销请假，按时来参加这次学习吗？支部会看到您能来。')).toBeTruthy();
    // The way back from the question changes nothing.
    fireEvent.click(button('不撤销，还是请假'));
    expect(screen.queryByText('撤销请假，按时来参加这次学习吗？支部会看到您能来。')).toBeNull();
    expect(sent('/withdraw')).toHaveLength(0);

    fireEvent.click(button('我能来了'));
    fireEvent.click(button('是，我能来了'));
    await waitFor(() => expect(screen.getByText('✓ 已撤销请假。支部会看到您能来参加。')).toBeTruthy());
    expect(sent('/withdraw')[0]?.body).toEqual({ status: 'excused' });
    expect(sent('/withdraw')[0]?.headers['Idempotency-Key']).toMatch(/^k/);
    // The list's old status does not come back: no banner, no way back left to offer.
    expect(screen.queryByText('您已请假：住院')).toBeNull();
    expect(screen.queryByText('我能来了')).toBeNull();
  });

  it('undoes 我已学习, and keeps the question open with the server\'s words when it is refused', async () => {
    renderPage(
      HomePage,
      member,
      get('/api/v1/members/m1/sessions', mySessions('online')),
      get('/api/v1/sessions/s1', detail([line('online')])),
      post('/api/v1/sessions/s1/attendance/m1/withdraw', () => ({ status: 409, body: { error: { code: 'WITHDRAW_CLOSED', message: '这次学习的记录已经归档，不能再撤销；如有出入，请告诉支部书记' } } })),
    );
    await waitFor(() => expect(screen.getByText('您已登记网上学习')).toBeTruthy());
    fireEvent.click(button('撤销“我已学习”'));
    expect(screen.getByText(/这次学习就不算您已参加，积分也会退回/)).toBeTruthy();
    fireEvent.click(button('是，撤销'));
    await waitFor(() => expect(screen.getByText(/已经归档，不能再撤销/)).toBeTruthy());
    expect(sent('/withdraw')[0]?.body).toEqual({ status: 'online' });
    expect(button('是，撤销')).toBeTruthy();
    expect(screen.getByText('您已登记网上学习')).toBeTruthy();
  });

  it('asks once before 我已学习 replaces leave, and sends what it replaces', async () => {
    renderPage(
      HomePage,
      member,
      get('/api/v1/members/m1/sessions', mySessions('excused')),
      get('/api/v1/sessions/s1', detail([line('excused', { reason: '住院' })])),
      (req) => (req.method === 'PUT' && req.url === '/api/v1/sessions/s1/attendance/m1' ? { status: 200, body: detail([line('online')]) } : undefined),
    );
    await waitFor(() => expect(screen.getByText('您已请假：住院')).toBeTruthy());
    fireEvent.click(button('我已学习'));
    fireEvent.click(button('提交'));
    expect(screen.getByText('您已登记“请假”。要改为“我已学习”吗？')).toBeTruthy();
    expect(sent('/attendance/m1')).toHaveLength(0);
    fireEvent.click(button('不改了'));
    expect(screen.queryByText('您已登记“请假”。要改为“我已学习”吗？')).toBeNull();
    expect(sent('/attendance/m1')).toHaveLength(0);

    fireEvent.click(button('提交'));
    fireEvent.click(button('是，改为“我已学习”'));
    await waitFor(() => expect(screen.getByText('您已登记网上学习')).toBeTruthy());
    expect(sent('/attendance/m1')[0]?.body).toEqual({ status: 'online', replaces: 'excused' });
  });
});

describe('撤回送学申请 and 没有人来', () => {
  it('lets the proxy withdraw a request and say nobody came, each asked once, with her words sent', async () => {
    renderPage(
      HomePage,
      proxy,
      get('/api/v1/members/m2/sessions', { items: [] }),
      get('/api/v1/members/m2/visit-requests', { items: [visit(), visit({ id: 'v2', status: 'delivered', statusText: '已送学，待确认', sessionTopic: '学习党章' })] }),
      post('/api/v1/visit-requests/v1/withdraw', () => ({ status: 200, body: visit({ status: 'cancelled', statusText: '已取消：家属代为撤回申请' }) })),
      post('/api/v1/visit-requests/v2/missed', () => ({ status: 200, body: visit({ id: 'v2', status: 'requested' }) })),
    );
    await waitFor(() => expect(screen.getByText('已送学上门（学习党章）。请确认是否已经送到。')).toBeTruthy());
    // A delivered visit offers both answers; one not yet delivered offers the withdrawal, not "没有人来".
    expect(screen.getAllByText('没有人来')).toHaveLength(1);
    expect(screen.getAllByText('撤回送学申请')).toHaveLength(1);
    expect(button('确认已送学')).toBeTruthy();

    fireEvent.click(button('撤回送学申请'));
    expect(screen.getByText('撤回这次送学上门的申请吗？撤回后支部不再派人上门。')).toBeTruthy();
    fireEvent.click(button('是，撤回申请'));
    await waitFor(() => expect(screen.getByText('✓ 已撤回送学申请。支部会看到。')).toBeTruthy());
    expect(sent('/v1/withdraw')[0]?.body).toEqual({});
    expect(screen.queryByText('撤回送学申请')).toBeNull();

    fireEvent.click(button('没有人来'));
    expect(screen.getByText('告诉支部：没有人来送学吗？支部会重新安排。')).toBeTruthy();
    await type('想告诉支部的话（可以不填）', '妈妈等了一上午');
    fireEvent.click(button('是，没有人来'));
    await waitFor(() => expect(screen.getByText('✓ 已告诉支部没有人来。支部会重新安排送学。')).toBeTruthy());
    expect(sent('/v2/missed')[0]?.body).toEqual({ note: '妈妈等了一上午' });
    expect(sent('/v2/missed')[0]?.headers['Idempotency-Key']).toBeTruthy();
    expect(sent('/confirm')).toHaveLength(0);
  });

  it('shows the secretary who said nobody came, and their words', async () => {
    const missed = { by: 'u-liu', at: daysFromNow(0), via: 'proxy' as const, note: '妈妈等了一上午', deliveredAt: daysFromNow(-1), text: '家属说11月30日 星期日 上午9点没有人来送学' };
    renderPage(
      VisitsPage,
      secretary,
      get('/api/v1/branches/b1/visit-requests', { items: [visit({ missed, statusText: `${missed.text}，已告诉支部，等待重新安排` })] }),
      get('/api/v1/branches/b1/contacts', { items: [{ userId: 'u-lin', name: '林小红' }] }),
    );
    await waitFor(() => expect(screen.getByText('家属说11月30日 星期日 上午9点没有人来送学：“妈妈等了一上午”')).toBeTruthy());
    expect(screen.getByText('家属说11月30日 星期日 上午9点没有人来送学，已告诉支部，等待重新安排')).toBeTruthy();
    expect(button('安排')).toBeTruthy();
  });
});
