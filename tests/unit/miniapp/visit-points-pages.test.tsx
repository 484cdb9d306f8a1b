import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { type HttpRequest, type HttpResponse } from '@/services/api-client';
import type { ContactVisit, Me, MemberPoints, VisitRequest } from '@/services/types';
import { meOf } from './me';
import { sessionDetailOf } from './session-detail';
import { pageHarness, type Route } from './harness';
import { chinaYear, daysFromNow, msFromNow } from '../../support/time';

// Pages reach Taro only through adapters: stand them in so the pages render under a DOM.
const nav = vi.hoisted(() => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn(), params: {} as Record<string, string | undefined>, call: vi.fn(async () => true) }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: nav.replacePage, goHome: nav.goHome, goBack: nav.goBack, goLogin: nav.goLogin }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => nav.params[name], useReloadOnReturn: () => {} }));
vi.mock('@/adapters/files', () => ({ openFile: vi.fn(async () => true), pickPhoto: vi.fn(async () => null), pickPhotos: vi.fn(async () => []), pickDocument: vi.fn(async () => null), sendFile: vi.fn(async () => 204) }));
vi.mock('@/adapters/phone', () => ({ callPhone: nav.call }));

const { default: HomePage } = await import('@/pages/home/index');
const { default: VisitRequestPage } = await import('@/pages/visit-request/index');
const { default: MyPointsPage } = await import('@/pages/points/index');
const { default: BranchHomePage } = await import('@/packages/branch/pages/home/index');
const { default: VisitsPage } = await import('@/packages/branch/pages/visits/index');
const { default: ContactHomePage } = await import('@/packages/branch/pages/contact-home/index');
const { default: MyVisitsPage } = await import('@/packages/branch/pages/my-visits/index');
const { default: VisitDeliverPage } = await import('@/packages/branch/pages/visit-deliver/index');
const { default: VisitHandoutPage } = await import('@/packages/branch/pages/visit-handout/index');
const { default: BranchPointsPage } = await import('@/packages/branch/pages/points/index');
const { default: MemberPointsPage } = await import('@/packages/branch/pages/member-points/index');
const { default: SessionPage } = await import('@/packages/branch/pages/session/index');

const year = chinaYear();

const proxy: Me = meOf({ userId: 'u-liu', role: 'proxy', displayName: '刘芳', branchId: 'b1', branchName: '第一支部', memberId: 'm2', memberName: '李秀英', secretaryName: '张卫东', attendanceMode: 'home_delivered' });
const member: Me = meOf({ ...proxy, userId: 'u-wang', role: 'member', displayName: '王建国', memberId: 'm1', memberName: '王建国', attendanceMode: 'in_person' });
const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', branchId: 'b1', branchName: '第一支部' });
const contact: Me = meOf({ userId: 'u-lin', role: 'contact', displayName: '林小红', branchId: 'b1', branchName: '第一支部' });

const session = { id: 's1', branchId: 'b1', kind: 'theme_day' as const, topic: '学习全会公报', startsAt: daysFromNow(3), place: '党员活动室', status: 'open' as const, onlineOffered: false, expectedCount: 8, materialText: '', attachments: [], myStatus: null };

function visit(over: Partial<VisitRequest> = {}): VisitRequest {
  return {
    id: 'v1',
    branchId: 'b1',
    memberId: 'm2',
    memberName: '李秀英',
    sessionId: 's1',
    sessionTopic: '学习全会公报',
    slot: 'any',
    status: 'requested',
    requestedBy: 'u-liu',
    requestedByRole: 'proxy',
    createdAt: daysFromNow(-1),
    ageDays: 1,
    overdue: null,
    statusText: '已申请（上午下午都行），等待支部安排',
    version: 1,
    ...over,
  };
}
const scheduled = { contactUserId: 'u-lin', contactName: '林小红', windowStart: '2025-11-30T01:00:00.000Z', windowEnd: '2025-11-30T03:00:00.000Z', by: 'u-sec', at: daysFromNow(0) };

const { calls, renderPage, get } = pageHarness();
const post = (url: string, answer: (req: HttpRequest) => HttpResponse | Promise<HttpResponse>): Route => (req) => (req.method === 'POST' && req.url === url ? answer(req) : undefined);
const posts = (suffix: string) => calls.filter((c) => c.method === 'POST' && c.url.endsWith(suffix));

/**
 * Types into the box of the field labelled `label`. Taro's H5 boxes are web components that draw
 * their <input>/<textarea> a moment after they appear, and listen to the input event.
 */
async function type(label: string | RegExp, value: string) {
  const box = await waitFor(() => {
    const found = screen.getByText(label).closest('.field')?.querySelector('input, textarea');
    if (!found) throw new Error(`no box under ${String(label)}`);
    return found;
  });
  fireEvent.input(box, { target: { value } });
}

/** The big button with these words (the same words may also be a heading or a value). */
const button = (text: string) => screen.getAllByText(text).find((e) => e.closest('.btn'))!;

beforeEach(() => {
  calls.length = 0;
  nav.params = {};
  vi.clearAllMocks();
});

describe('送学上门: the member', () => {
  it('opens the request from a big button on the home page and confirms a delivered visit in one tap', async () => {
    renderPage(
      HomePage,
      proxy,
      get('/api/v1/members/m2/sessions', { items: [session] }),
      get('/api/v1/members/m2/visit-requests', { items: [visit({ id: 'v9', status: 'delivered', statusText: '已送学，待确认' })] }),
      post('/api/v1/visit-requests/v9/confirm', () => ({ status: 200, body: visit({ id: 'v9', status: 'closed', statusText: '已完成' }) })),
    );
    await waitFor(() => expect(screen.getByText('已送学上门（学习全会公报）。请确认是否已经送到。')).toBeTruthy());
    expect(screen.getByText('您在代 李秀英 办理')).toBeTruthy();
    fireEvent.click(screen.getByText('确认已送学'));
    // The proxy reads about the elder by name, not as "您".
    await waitFor(() => expect(screen.getByText('✓ 已确认送学。支部已记为李秀英参加了这次学习。')).toBeTruthy());
    expect(posts('/confirm')[0]?.body).toEqual({ byPhone: false });
    expect(screen.queryByText('确认已送学')).toBeNull();

    await waitFor(() => expect(screen.getByText('主题：学习全会公报')).toBeTruthy());
    fireEvent.click(button('送学上门'));
    expect(nav.openPage).toHaveBeenCalledWith('/pages/visit-request/index?session=s1');
    fireEvent.click(screen.getByText('李秀英的积分'));
    expect(nav.openPage).toHaveBeenCalledWith('/pages/points/index');
  });

  it('asks with the defaults in one tap, and a double tap sends one request with one Idempotency-Key', async () => {
    nav.params = { session: 's1' };
    let answer!: (r: HttpResponse) => void;
    renderPage(
      VisitRequestPage,
      proxy,
      get('/api/v1/members/m2/sessions', { items: [session] }),
      get('/api/v1/members/m2/visit-requests', { items: [] }),
      post('/api/v1/members/m2/visit-requests', () => new Promise<HttpResponse>((r) => (answer = r))),
    );
    await waitFor(() => expect(screen.getByText('提交申请')).toBeTruthy());
    expect(screen.getByText('您在代 李秀英 办理')).toBeTruthy();
    expect(screen.getByText('主题：学习全会公报')).toBeTruthy();
    // "都行" is already chosen: the member need not touch it.
    expect(screen.getByText('✓ 上午下午都行（已选）')).toBeTruthy();
    fireEvent.click(screen.getByText('提交申请'));
    fireEvent.click(screen.getByText('正在提交……'));
    fireEvent.click(screen.getByText('正在提交……'));
    await waitFor(() => expect(posts('/visit-requests')).toHaveLength(1));
    answer({ status: 201, body: visit() });
    await waitFor(() => expect(screen.getByText('✓ 已提交申请')).toBeTruthy());
    expect(screen.getByText('已申请（上午下午都行），等待支部安排')).toBeTruthy();
    const sent = posts('/visit-requests')[0]!;
    expect(sent.body).toEqual({ sessionId: 's1', slot: 'any' });
    expect(sent.headers['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    fireEvent.click(screen.getByText('返回首页'));
    expect(nav.goBack).toHaveBeenCalled();
  });

  it('retries with the same key after a failure, and shows the API’s message inline', async () => {
    nav.params = { session: 's1' };
    let n = 0;
    renderPage(
      VisitRequestPage,
      member,
      get('/api/v1/members/m1/sessions', { items: [session] }),
      get('/api/v1/members/m1/visit-requests', { items: [] }),
      post('/api/v1/members/m1/visit-requests', () =>
        ++n === 1 ? { status: 422, body: { error: { code: 'NO_SESSION', message: '近期没有可以送学的学习安排' } } } : { status: 201, body: visit({ memberId: 'm1' }) },
      ),
    );
    await waitFor(() => expect(screen.getByText('提交申请')).toBeTruthy());
    fireEvent.click(screen.getByText('上午'));
    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(screen.getByText('近期没有可以送学的学习安排')).toBeTruthy());
    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(screen.getByText('✓ 已提交申请')).toBeTruthy());
    const [a, b] = posts('/visit-requests');
    expect(a?.body).toEqual({ sessionId: 's1', slot: 'morning' });
    expect(a?.headers['Idempotency-Key']).toBe(b?.headers['Idempotency-Key']);
  });

  it('keeps the request on the phone with no network (待上传) and sends it once, with the key of the tap, when there is', async () => {
    nav.params = { session: 's1' };
    const net = { online: false };
    renderPage(
      VisitRequestPage,
      member,
      get('/api/v1/members/m1/sessions', { items: [session] }),
      get('/api/v1/members/m1/visit-requests', { items: [] }),
      post('/api/v1/members/m1/visit-requests', () => {
        if (!net.online) throw new TypeError('Failed to fetch');
        return { status: 201, body: visit({ memberId: 'm1' }) };
      }),
    );
    await waitFor(() => expect(screen.getByText('提交申请')).toBeTruthy());
    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(screen.getByText('送学上门申请：待上传')).toBeTruthy());
    expect(screen.getByText('没有网络，已存在手机上，有网络时自动上传。')).toBeTruthy();
    expect(screen.getByText('待上传：没有网络，已存在手机上，有网络时自动上传')).toBeTruthy();
    net.online = true;
    fireEvent.click(screen.getByText('现在上传'));
    await waitFor(() => expect(screen.getByText('✓ 已上传')).toBeTruthy());
    const [offline, online] = posts('/visit-requests');
    expect(posts('/visit-requests')).toHaveLength(2);
    expect(online?.headers['Idempotency-Key']).toBe(offline?.headers['Idempotency-Key']);
    expect(online?.body).toEqual({ sessionId: 's1', slot: 'any' });
  });

  it('says so instead of asking twice for the same study', async () => {
    nav.params = { session: 's1' };
    renderPage(
      VisitRequestPage,
      proxy,
      get('/api/v1/members/m2/sessions', { items: [session] }),
      get('/api/v1/members/m2/visit-requests', { items: [visit({ status: 'scheduled', scheduled, statusText: '已安排：林小红 11月30日 星期日 上午9点来' })] }),
    );
    await waitFor(() => expect(screen.getByText('这次学习已经申请过送学上门：')).toBeTruthy());
    expect(screen.getByText('已安排：林小红 11月30日 星期日 上午9点来')).toBeTruthy();
    expect(screen.queryByText('提交申请')).toBeNull();
  });
});

describe('送学上门: the secretary', () => {
  it('shows the overview counts in words on the home page', async () => {
    renderPage(BranchHomePage, secretary, get('/api/v1/branches/b1/overview', { branchId: 'b1', quietMembers: [], contactedQuietMembers: [], nextSessions: [], visits: { open: 3, notScheduled: 1, notDelivered: 0 } }));
    await waitFor(() => expect(screen.getByText('送学上门：未完成 3 件。')).toBeTruthy());
    expect(screen.getByText('⚠ 已逾期：1 件没有按期安排')).toBeTruthy();
    fireEvent.click(button('查看和安排送学上门'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/visits/index');
    fireEvent.click(screen.getByText('党员积分'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/points/index');
  });

  it('lists late requests first with their age in words, confirms a draft in one tap and schedules a contact', async () => {
    renderPage(
      VisitsPage,
      secretary,
      get('/api/v1/branches/b1/visit-requests', {
        items: [
          visit({ id: 'd1', memberName: '周志刚', memberId: 'm5', status: 'draft', requestedByRole: 'system', statusText: '待书记确认', ageDays: 0 }),
          visit({ id: 'v1', ageDays: 4, overdue: 'not_scheduled', note: '妈妈这次来不了' }),
        ],
      }),
      get('/api/v1/branches/b1/contacts', { items: [{ userId: 'u-lin', name: '林小红' }] }),
      post('/api/v1/visit-requests/d1/accept', () => ({ status: 200, body: visit({ id: 'd1', memberName: '周志刚', status: 'requested', statusText: '已申请（上午下午都行），等待支部安排' }) })),
      post('/api/v1/visit-requests/v1/schedule', () => ({ status: 200, body: visit({ status: 'scheduled', scheduled, statusText: '已安排：林小红 11月30日 星期日 上午9点来' }) })),
    );
    await waitFor(() => expect(screen.getByText('已逾期：4 天未安排')).toBeTruthy());
    const titles = screen.getAllByText(/^(⚠ 李秀英|周志刚)$/).map((e) => e.textContent);
    expect(titles).toEqual(['⚠ 李秀英', '周志刚']);
    expect(screen.getByText('已提出 4 天，家属代为申请')).toBeTruthy();
    expect(screen.getByText('共 2 件未完成，其中 1 件已逾期（排在最前面）。')).toBeTruthy();

    fireEvent.click(screen.getByText('确认'));
    await waitFor(() => expect(screen.getByText('已确认，请接着安排联系人和时间。')).toBeTruthy());
    expect(posts('/accept')).toHaveLength(1);

    fireEvent.click(screen.getAllByText('安排')[0]!);
    // The only paired contact is chosen already; the day and the hours are number boxes.
    expect(screen.getByText('✓ 林小红（已选）')).toBeTruthy();
    expect(screen.getByText('我自己（张卫东）')).toBeTruthy();
    await type('从几点（开始时间）', '10');
    await type('到几点（结束时间）', '9');
    fireEvent.click(screen.getByText('保存安排'));
    expect(screen.getByText('结束时间：要晚于开始时间')).toBeTruthy();
    expect(posts('/schedule')).toHaveLength(0);
    await type('到几点（结束时间）', '11');
    fireEvent.click(screen.getByText('保存安排'));
    await waitFor(() => expect(screen.getByText('✓ 已安排：林小红 11月30日 星期日 上午9点来')).toBeTruthy());
    const body = posts('/schedule')[0]?.body as { contactUserId: string; windowStart: string; windowEnd: string };
    expect(body.contactUserId).toBe('u-lin');
    expect(Date.parse(body.windowEnd) - Date.parse(body.windowStart)).toBe(3600_000);
  });

  it('needs a reason to cancel, confirms a delivered visit by phone, and shows a 409 inline', async () => {
    renderPage(
      VisitsPage,
      secretary,
      get('/api/v1/branches/b1/visit-requests', { items: [visit({ id: 'v1', status: 'scheduled', scheduled }), visit({ id: 'v2', memberName: '王建国', status: 'delivered', scheduled, statusText: '已送学，待确认', delivered: { at: daysFromNow(0), by: 'u-lin', studied: '学习全会公报', photos: [], careNotesChange: 'pending_approval', observations: { hearing: '右耳也听不清' } } })] }),
      get('/api/v1/branches/b1/contacts', { items: [{ userId: 'u-lin', name: '林小红' }] }),
      post('/api/v1/visit-requests/v1/cancel', () => ({ status: 409, body: { error: { code: 'VISIT_STATE', message: '这条送学上门记录的状态已经变了，不能这样操作，请刷新后再看' } } })),
      post('/api/v1/visit-requests/v2/confirm', () => ({ status: 200, body: visit({ id: 'v2', memberName: '王建国', status: 'closed', statusText: '已完成' }) })),
    );
    await waitFor(() => expect(screen.getByText('取消这次送学')).toBeTruthy());
    expect(screen.getByText('听力：右耳也听不清')).toBeTruthy();
    expect(screen.getByText('审核王建国的照护观察')).toBeTruthy();
    fireEvent.click(screen.getByText('取消这次送学'));
    fireEvent.click(screen.getByText('确认取消'));
    expect(screen.getByText('取消原因：请填写为什么取消')).toBeTruthy();
    expect(posts('/cancel')).toHaveLength(0);
    await type('取消原因（必填）', '身体好转，能到现场');
    fireEvent.click(screen.getByText('确认取消'));
    await waitFor(() => expect(screen.getByText(/状态已经变了/)).toBeTruthy());
    expect(posts('/cancel')[0]?.body).toEqual({ reason: '身体好转，能到现场' });

    fireEvent.click(screen.getByText('电话确认已送学'));
    await waitFor(() => expect(screen.getByText('✓ 已电话确认送学，出席登记为“送学上门”。')).toBeTruthy());
    expect(posts('/v2/confirm')[0]?.body).toEqual({ byPhone: true });
  });
});

describe('送学上门: the contact', () => {
  const mine: ContactVisit = {
    ...visit({ status: 'scheduled', scheduled, statusText: '已安排：林小红 11月30日 星期日 上午9点来' }),
    memberGender: 'female',
    memberPhone: '13800010002',
    address: '城南街道幸福里 3 号',
    careNotes: { bestVisitTime: '下午三点到五点', eyesight: '看不清小字', readAloud: true },
    emergencyContacts: [{ name: '刘芳', relation: '女儿', phone: '13900010002' }],
  };

  it('starts on a small home with the visits to make and the roll', async () => {
    renderPage(ContactHomePage, contact, get('/api/v1/contacts/me/visits', { items: [mine] }));
    await waitFor(() => expect(screen.getByText('有 1 次送学上门等您去。')).toBeTruthy());
    expect(screen.getByText('林小红，您好')).toBeTruthy();
    fireEvent.click(screen.getByText('我的送学任务'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/my-visits/index');
    fireEvent.click(screen.getByText('党员名单'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/members/index');
  });

  it('shows each visit with window, address, care notes and one-tap calls', async () => {
    renderPage(MyVisitsPage, contact, get('/api/v1/contacts/me/visits', { items: [mine] }));
    await waitFor(() => expect(screen.getByText('2025年11月30日 星期日 上午9点到11点')).toBeTruthy());
    expect(screen.getByText('城南街道幸福里 3 号')).toBeTruthy();
    expect(screen.getByText('· 方便探访时间：下午三点到五点')).toBeTruthy();
    expect(screen.getByText('· 视力：看不清小字')).toBeTruthy();
    expect(screen.getByText('· 需要读给她听')).toBeTruthy();
    expect(screen.queryByText(/读给他听/)).toBeNull();
    fireEvent.click(screen.getByText('☎ 打电话给女儿刘芳：13900010002'));
    expect(nav.call).toHaveBeenCalledWith('13900010002');
    fireEvent.click(screen.getByText('☎ 打电话给李秀英：13800010002'));
    expect(nav.call).toHaveBeenCalledWith('13800010002');
    fireEvent.click(screen.getByText('记录送学'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/visit-deliver/index?id=v1');
    fireEvent.click(screen.getByText('大字学习材料（可打印留下）'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/visit-handout/index?id=v1');
  });

  it('prints the study material in large print to leave with the member', async () => {
    nav.params = { id: 'v1' };
    // happy-dom has no print(); a browser's opens its print dialog.
    const print = vi.fn();
    Object.assign(window, { print });
    const detail = sessionDetailOf(session, { materialText: '第一部分：全会的主要精神。\n\n第二部分：我们怎么做。' });
    renderPage(VisitHandoutPage, contact, get('/api/v1/visit-requests/v1', visit({ status: 'scheduled', scheduled })), get('/api/v1/sessions/s1', detail));
    await waitFor(() => expect(screen.getByText('第一部分：全会的主要精神。')).toBeTruthy());
    // Large print: every line of the handout in the 20 pt class (40 design px), the title larger; one paragraph per line.
    const second = screen.getByText('第二部分：我们怎么做。');
    expect(second.closest('.handout__text')).toBeTruthy();
    expect(screen.getByText('学习全会公报').closest('.handout__title')).toBeTruthy();
    expect(screen.getByText('送给：李秀英')).toBeTruthy();
    fireEvent.click(button('打印这份材料'));
    expect(print).toHaveBeenCalledTimes(1);
    delete (window as { print?: unknown }).print;
  });

  it('records the visit with a care observation and says it waits for the secretary', async () => {
    nav.params = { id: 'v1' };
    renderPage(
      VisitDeliverPage,
      contact,
      get('/api/v1/visit-requests/v1', visit({ status: 'scheduled', scheduled })),
      post('/api/v1/visit-requests/v1/deliver', (req) => ({
        status: 200,
        body: visit({ status: 'delivered', statusText: '已送学，待确认', delivered: { at: daysFromNow(0), by: 'u-lin', studied: 'x', photos: [], careNotesChange: 'pending_approval', ...(req.body as object) } }),
      })),
    );
    await waitFor(() => expect(screen.getByText('记录送学：李秀英')).toBeTruthy());
    await type('学习内容（必填）', '');
    fireEvent.click(screen.getByText('保存送学记录'));
    expect(screen.getByText('学习内容：请写下这次学了什么')).toBeTruthy();
    await type('学习内容（必填）', '学习全会公报第一部分');
    await type('听力', '右耳也开始听不清');
    fireEvent.click(screen.getByText('保存送学记录'));
    await waitFor(() => expect(screen.getByText('✓ 送学已记录')).toBeTruthy());
    expect(screen.getByText('照护观察已提交，等支部书记审核同意后更新到党员档案。')).toBeTruthy();
    expect(posts('/deliver')[0]?.body).toMatchObject({ studied: '学习全会公报第一部分', observations: { hearing: '右耳也开始听不清' }, photos: [] });
  });
});

const points: MemberPoints = {
  memberId: 'm1',
  memberName: '王建国',
  year,
  base: 60,
  total: 64,
  enabled: true,
  byCategory: [
    { category: 'meeting', earned: 2, counted: 2, cap: null },
    { category: 'home_delivered', earned: 2, counted: 2, cap: null },
  ],
  entries: [
    { id: 'e3', memberId: 'm1', year, date: `${year}-11-20`, category: 'home_delivered', points: 2, source: 'visit', reason: '主题党日「送学」：送学上门', recordedBy: 'u', recordedAt: daysFromNow(0) },
    { id: 'e2', memberId: 'm1', year, date: `${year}-11-10`, category: 'volunteer', points: -3, source: 'reversal', reversalOf: 'e1', reason: '记错了人', recordedBy: 'u', recordedAt: daysFromNow(0) },
    { id: 'e1', memberId: 'm1', year, date: `${year}-11-10`, category: 'volunteer', points: 3, source: 'manual', reversedBy: 'e2', reason: '社区志愿服务', recordedBy: 'u', recordedAt: daysFromNow(0) },
    { id: 'e0', memberId: 'm1', year, date: `${year}-11-01`, category: 'meeting', points: 2, source: 'attendance', reason: '党课「初心」：出席', recordedBy: 'u', recordedAt: daysFromNow(0) },
  ],
};

describe('党员积分', () => {
  it('shows the member the year’s total in big numerals, categories and entries in words, reversed ones marked', async () => {
    renderPage(MyPointsPage, member, get(`/api/v1/members/m1/points?year=${year}`, points));
    await waitFor(() => expect(screen.getByText('64 分')).toBeTruthy());
    expect(screen.getByText(`${year}年积分`)).toBeTruthy();
    expect(screen.getByText('送学上门学习：2 分')).toBeTruthy();
    expect(screen.getByText('参加三会一课：2 分')).toBeTruthy();
    expect(screen.getByText('已更正（这一条不再计分）')).toBeTruthy();
    expect(screen.getByText('更正：撤回11月10日的加分：扣 3 分')).toBeTruthy();
    expect(screen.getByText('每年起始分', { exact: false })).toBeTruthy();
    expect(screen.queryByText(/冲正|基础分/)).toBeNull();
    expect(screen.getByText('事由：主题党日「送学」：送学上门')).toBeTruthy();
    expect(screen.queryByText(/排名|名次/)).toBeNull();
    expect(screen.queryByText('更正这一条（撤回）')).toBeNull();
  });

  it('gives the secretary the branch table by name, with no order by points to choose (no ranking)', async () => {
    const rows = [
      { memberId: 'm2', name: '李秀英', total: 66, entries: 3 },
      { memberId: 'm1', name: '王建国', total: 64, entries: 2 },
    ];
    renderPage(BranchPointsPage, secretary, get(`/api/v1/branches/b1/points?year=${year}`, { branchId: 'b1', year, enabled: true, rows }));
    await waitFor(() => expect(screen.getByText('64 分（2 条记录）')).toBeTruthy());
    // The server's name order is kept; nothing offers to order by points.
    expect(screen.getAllByText(/^(王建国|李秀英)$/).map((e) => e.textContent)).toEqual(['李秀英', '王建国']);
    expect(screen.queryByText(/按分数|排序|排名|名次/)).toBeNull();
    expect(calls.some((c) => c.url.includes('sort='))).toBe(false);
    fireEvent.click(screen.getByText('王建国'));
    expect(nav.openPage).toHaveBeenCalledWith(`/packages/branch/pages/member-points/index?id=m1&year=${year}`);
  });

  it('finds a member in a branch-sized table by name or pinyin initials, keeping the order', async () => {
    const names = ['安建华', '白秀兰', '蔡国庆', '陈红', '丁桂英', '郭振华', '李秀英', '刘洋', '王建国', '吴淑珍', '张伟', '赵敏'];
    const rows = names.map((name, i) => ({ memberId: `m${i}`, name, total: 60, entries: 1 }));
    renderPage(BranchPointsPage, secretary, get(`/api/v1/branches/b1/points?year=${year}`, { branchId: 'b1', year, enabled: true, rows }));
    await waitFor(() => expect(screen.getByText('查找党员')).toBeTruthy());
    const box = await waitFor(() => {
      const found = screen.getByText('查找党员').closest('.field')?.querySelector('input');
      if (!found) throw new Error('no search box');
      return found;
    });
    const shown = () => Array.from(document.querySelectorAll('.row .row__title')).map((e) => e.textContent);
    act(() => void fireEvent.input(box, { target: { value: 'l' } }));
    await waitFor(() => expect(shown()).toEqual(['李秀英', '刘洋']));
    act(() => void fireEvent.input(box, { target: { value: '钱' } }));
    await waitFor(() => expect(screen.getByText('没有找到“钱”。请换个写法再找。')).toBeTruthy());
    expect(shown()).toEqual([]);
  });

  it('says in words where the organisation does not keep points, to the member and the secretary', async () => {
    renderPage(MyPointsPage, member, get(`/api/v1/members/m1/points?year=${year}`, { ...points, enabled: false }));
    await waitFor(() => expect(screen.getByText(/本组织不实行积分管理/)).toBeTruthy());
    expect(screen.queryByText('64 分')).toBeNull();
    // What was recorded before stays readable.
    expect(screen.getByText('积分明细（最新的在最上面）')).toBeTruthy();
  });

  it('tells the secretary on the branch table that points are not kept', async () => {
    renderPage(BranchPointsPage, secretary, get(`/api/v1/branches/b1/points?year=${year}`, { branchId: 'b1', year, enabled: false, rows: [] }));
    await waitFor(() => expect(screen.getByText(/本组织不实行积分管理/)).toBeTruthy());
  });

  it('records an award with an Idempotency-Key renewed after it is saved, and shows a reversal’s 409 under the entry', async () => {
    nav.params = { id: 'm1', year: String(year) };
    renderPage(
      MemberPointsPage,
      secretary,
      get(`/api/v1/members/m1/points?year=${year}`, points),
      post('/api/v1/members/m1/points/entries', (req) => ({ status: 201, body: { ...points.entries[0], id: 'e9', ...(req.body as object) } })),
      post('/api/v1/points/entries/e0/reversal', () => ({ status: 409, body: { error: { code: 'PERIOD_LOCKED', message: '该期间的台账已由督导签字确认，不能再修改。如需更正，请在本期新记一条，写明更正哪条记录和原因' } } })),
    );
    await waitFor(() => expect(screen.getByText('王建国 的积分')).toBeTruthy());
    fireEvent.click(button('记分'));
    expect(screen.getByText('积分类别：请选择')).toBeTruthy();
    expect(screen.getByText('事由：请写清楚为什么记分（至少 2 个字）')).toBeTruthy();
    fireEvent.click(screen.getByText('志愿服务'));
    await type('分值', '3');
    await type('事由（必填）', '社区义务宣讲');
    fireEvent.click(button('记分'));
    await waitFor(() => expect(screen.getByText('已记分：志愿服务，加 3 分。')).toBeTruthy());
    fireEvent.click(screen.getByText('志愿服务'));
    await type('分值', '2');
    await type('事由（必填）', '看望困难党员');
    fireEvent.click(button('记分'));
    await waitFor(() => expect(posts('/points/entries')).toHaveLength(2));
    const [first, second] = posts('/points/entries');
    expect(first?.body).toEqual({ category: 'volunteer', points: 3, reason: '社区义务宣讲' });
    expect(first?.headers['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(second?.headers['Idempotency-Key']).not.toBe(first?.headers['Idempotency-Key']);

    // Only live entries can be reversed: one button for e3 and one for e0.
    expect(screen.getAllByText('更正这一条（撤回）')).toHaveLength(2);
    fireEvent.click(screen.getAllByText('更正这一条（撤回）')[1]!);
    fireEvent.click(screen.getByText('确认更正'));
    expect(screen.getByText('更正原因：请写清楚为什么更正（至少 2 个字）')).toBeTruthy();
    await type('更正原因（必填）', '记错了日期');
    fireEvent.click(screen.getByText('确认更正'));
    await waitFor(() => expect(screen.getByText(/督导签字确认/)).toBeTruthy());
    expect(posts('/reversal')[0]?.body).toEqual({ reason: '记错了日期' });
  });
});

describe('closing a session before it is held', () => {
  it('shows the 409 SESSION_NOT_HELD message inline on the session page', async () => {
    nav.params = { id: 's1' };
    // The phone's clock says the meeting began a minute ago; the server's does not yet: its 409 shows inline.
    const detail = sessionDetailOf(session, { startsAt: msFromNow(-60_000) });
    renderPage(
      SessionPage,
      secretary,
      get('/api/v1/sessions/s1', detail),
      post('/api/v1/sessions/s1/close', () => ({ status: 409, body: { error: { code: 'SESSION_NOT_HELD', message: '会议还没有开始，开过之后才能归档' } } })),
    );
    await waitFor(() => expect(screen.getAllByText('学习全会公报').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByText('归档更正'));
    fireEvent.click(screen.getByText('结束并归档'));
    fireEvent.click(screen.getByText('确认归档'));
    await waitFor(() => expect(screen.getByText('会议还没有开始，开过之后才能归档')).toBeTruthy());
    expect(screen.getByText('未归档：出席和会议记录还可以修改')).toBeTruthy();
  });
});
