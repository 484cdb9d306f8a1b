import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { HttpRequest } from '@/services/api-client';
import type { Me, MemberDetail, OutboxEntry, QuietMember } from '@/services/types';
import { outboxStatusText } from '@/services/session-words';
import { meOf } from './me';
import { boxUnder, pageHarness, type Route } from './harness';
import { daysFromNow, msFromNow } from '../../support/time';
import { testClock } from '../../support/clock';

// Pages reach Taro only through adapters: stand them in so the pages render under a DOM.
const nav = vi.hoisted(() => ({ openPage: vi.fn(), call: vi.fn(async () => true), param: undefined as string | undefined }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: () => nav.param, useReloadOnReturn: () => {} }));
vi.mock('@/adapters/phone', () => ({ callPhone: nav.call }));

const { default: BranchHomePage } = await import('@/packages/branch/pages/home/index');
const { default: OutboxPage } = await import('@/packages/branch/pages/outbox/index');
const { default: MemberDetailPage } = await import('@/packages/branch/pages/member-detail/index');

const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', branchId: 'b1', branchName: '第一支部' });
const quiet: QuietMember = { memberId: 'm9', name: '周志刚', lastParticipatedAt: null, quietMonths: 7, phone: '13800000009', lastCall: null };
const call = { id: 'call-1', memberId: 'm9', memberName: '周志刚', at: msFromNow(0), byName: '张卫东', note: '下月来', quietUntil: '2099-01-30' };

const { calls, renderPage, get } = pageHarness();
const button = (text: string) => screen.getAllByText(text).find((e) => e.closest('.btn'))!;
const box = boxUnder;
const posts = () => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/calls'));
/** The call route: answers 201 with the call, or what `answer` says. */
const recordRoute = (answer: (req: HttpRequest) => { status: number; body: unknown } = () => ({ status: 201, body: call })): Route => (req) =>
  req.method === 'POST' && req.url === '/api/v1/members/m9/calls' ? answer(req) : undefined;

beforeEach(() => {
  calls.length = 0;
  nav.param = undefined;
  vi.clearAllMocks();
});

describe('已联系 on the five-month warning', () => {
  it('rings the number in one tap, then records the call with a note and the chosen rest, once, and reloads the warning', async () => {
    renderPage(BranchHomePage, secretary, get('/api/v1/branches/b1/overview', { branchId: 'b1', quietMembers: [quiet], contactedQuietMembers: [], nextSessions: [], visits: { open: 0, drafts: 0, notScheduled: 0, notDelivered: 0 } }), recordRoute());
    await waitFor(() => expect(screen.getByText('☎ 打电话给周志刚：13800000009')).toBeTruthy());
    fireEvent.click(button('☎ 打电话给周志刚：13800000009'));
    expect(nav.call).toHaveBeenCalledWith('13800000009');

    fireEvent.click(button('✓ 已联系'));
    fireEvent.input(await box('备注（可不填）'), { target: { value: ' 下月来 ' } });
    fireEvent.click(button('两个月内不再提醒'));
    const overviews = () => calls.filter((c) => c.url.endsWith('/overview')).length;
    const before = overviews();
    await act(async () => {
      fireEvent.click(button('确认已与周志刚联系'));
      fireEvent.click(button('确认已与周志刚联系'));
    });
    await waitFor(() => expect(screen.getByText(/^已记录：.* 已与周志刚联系。$/)).toBeTruthy());
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body).toEqual({ note: '下月来', pause: 'two_months' });
    expect(posts()[0]!.headers['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await waitFor(() => expect(overviews()).toBeGreaterThan(before));
  });

  it('shows a member reached lately apart, resting, with who called when', async () => {
    const rested = { ...quiet, lastCall: { at: call.at, byName: '张卫东', note: '下月来', quietUntil: '2099-01-30' } };
    renderPage(BranchHomePage, secretary, get('/api/v1/branches/b1/overview', { branchId: 'b1', quietMembers: [], contactedQuietMembers: [rested], nextSessions: [], visits: { open: 0, drafts: 0, notScheduled: 0, notDelivered: 0 } }));
    await waitFor(() => expect(screen.getByText('已电话联系，暂不提醒')).toBeTruthy());
    expect(screen.getByText(/^上次联系：.*，张卫东（下月来）$/)).toBeTruthy();
    expect(screen.getByText('2099年1月30日前不再提醒')).toBeTruthy();
    expect(screen.queryByText('⚠ 周志刚')).toBeNull();
  });

  it('says what went wrong in Chinese and keeps the form to try again', async () => {
    renderPage(
      BranchHomePage, secretary,
      get('/api/v1/branches/b1/overview', { branchId: 'b1', quietMembers: [quiet], contactedQuietMembers: [], nextSessions: [], visits: { open: 0, drafts: 0, notScheduled: 0, notDelivered: 0 } }),
      recordRoute(() => ({ status: 422, body: { error: { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: [{ path: 'note', message: '备注：最多 100 个字' }] } } })),
    );
    await waitFor(() => expect(button('✓ 已联系')).toBeTruthy());
    fireEvent.click(button('✓ 已联系'));
    await act(async () => fireEvent.click(button('确认已与周志刚联系')));
    await waitFor(() => expect(screen.getByText('备注：最多 100 个字')).toBeTruthy());
    expect(screen.getByText('填写的内容有误')).toBeTruthy();
    expect(button('确认已与周志刚联系')).toBeTruthy();
  });
});

describe('已电话通知 in the reminder outbox', () => {
  const entry = (over: Partial<OutboxEntry>): OutboxEntry => ({ id: 'o1', memberId: 'm9', memberName: '周志刚', sessionId: 's1', kind: 'session_tomorrow', dueAt: daysFromNow(1), channel: 'none', status: 'pending', text: '明天上午开支委会', phone: '13800000009', ...over });

  it('calls and marks a reminder to phone, naming it; past ones read 未发出（已过期）, phoned ones who and when', async () => {
    renderPage(
      OutboxPage, secretary,
      get('/api/v1/branches/b1/outbox', { items: [entry({}), entry({ id: 'o2', memberId: 'm2', memberName: '李秀英', channel: 'wechat', dueAt: msFromNow(-3600_000) })] }),
      recordRoute(),
    );
    await waitFor(() => expect(screen.getByText('☎ 打电话给周志刚：13800000009')).toBeTruthy());
    expect(screen.getByText('状态：未发出（已过期）')).toBeTruthy();
    fireEvent.click(button('✓ 已电话通知'));
    expect(screen.queryByText('两个月内不再提醒')).toBeNull();
    await act(async () => fireEvent.click(button('确认已与周志刚联系')));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.body).toEqual({ outboxId: 'o1' });

    const now = testClock.now();
    expect(outboxStatusText(entry({ status: 'called', call: { at: '2026-12-01T01:30:00.000Z', byName: '张卫东', quietUntil: '2026-12-31' } }), now)).toMatch(/^已电话通知（张卫东，(2026年)?12月1日 星期二 上午9点半）$/);
    expect(outboxStatusText(entry({ dueAt: daysFromNow(1) }), now)).toBe('待发送');
  });
});

describe('电话联系 on the member page', () => {
  const detail = { id: 'm9', orgId: 'o1', branchId: 'b1', name: '周志刚', gender: 'male', age: 85, birthDate: '1941-01-01', joinedPartyOn: '1965-07-01', phone: '13800000009', livingSituation: 'alone', attendanceMode: 'in_person', bound: false, version: 1, pendingChanges: [] } as unknown as MemberDetail;

  it('offers the call and lists who called when, with the note', async () => {
    nav.param = 'm9';
    renderPage(MemberDetailPage, secretary, get('/api/v1/members/m9', detail), get('/api/v1/members/m9/calls', { items: [call] }), get('/api/v1/branches/b1/transfers', { incoming: [], outgoing: [] }));
    await waitFor(() => expect(screen.getByText('电话联系')).toBeTruthy());
    expect(button('☎ 打电话给周志刚：13800000009')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/^.*，张卫东已联系$/)).toBeTruthy());
    expect(screen.getByText('备注：下月来')).toBeTruthy();
  });

  it('is not offered to those who may not record calls', async () => {
    nav.param = 'm9';
    const contact = meOf({ userId: 'u-c', role: 'contact', displayName: '林小红', branchId: 'b1', branchName: '第一支部' });
    renderPage(MemberDetailPage, contact, get('/api/v1/members/m9', { ...detail, phone: undefined, phoneMasked: '138****0009' }));
    await waitFor(() => expect(screen.getByText('138****0009')).toBeTruthy());
    expect(screen.queryByText('电话联系')).toBeNull();
    expect(calls.some((c) => c.url.endsWith('/calls'))).toBe(false);
  });
});
