import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, SessionDetail } from '@/services/types';
import { meOf } from './me';
import { sessionDetailOf } from './session-detail';
import { pageHarness } from './harness';
import { phoneAt } from './device-year';
import { daysFromNow, msFromNow } from '../../support/time';

// Pages reach Taro only through adapters: stand them in so the pages render under a DOM.
const nav = vi.hoisted(() => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn(), param: undefined as string | undefined }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: nav.replacePage, goHome: nav.goHome, goBack: nav.goBack, goLogin: nav.goLogin }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: () => nav.param, useReloadOnReturn: () => {} }));
vi.mock('@/adapters/files', () => ({ openFile: vi.fn(async () => true), pickPhoto: vi.fn(async () => null), pickPhotos: vi.fn(async () => []), pickDocument: vi.fn(async () => null), sendFile: vi.fn(async () => 204) }));

const { default: HomePage } = await import('@/pages/home/index');
const { default: BranchHomePage } = await import('@/packages/branch/pages/home/index');
const { default: SessionsPage } = await import('@/packages/branch/pages/sessions/index');
const { default: SessionNewPage } = await import('@/packages/branch/pages/session-new/index');
const { default: SessionPage } = await import('@/packages/branch/pages/session/index');
const { default: OutboxPage } = await import('@/packages/branch/pages/outbox/index');

const soon = daysFromNow(3);
/** A meeting that began an hour ago: attendance and archiving are open. */
const begun = msFromNow(-3600_000);

const member: Me = meOf({ userId: 'u-wang', role: 'member', displayName: '王建国', branchId: 'b1', branchName: '第一支部', memberId: 'm1', memberName: '王建国', secretaryName: '张卫东', attendanceMode: 'in_person' });
const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', branchId: 'b1', branchName: '第一支部' });

const summary = { id: 's1', branchId: 'b1', kind: 'committee_meeting' as const, topic: '研究十二月工作', startsAt: soon, place: '党员活动室', status: 'open' as const, onlineOffered: false, expectedCount: 3 };

function detail(over: Partial<SessionDetail> = {}): SessionDetail {
  return sessionDetailOf(summary, {
    materialText: '学习全会公报',
    attachments: [{ uploadId: 'a1', name: '公报.pdf', url: 'http://x/a1' }],
    attendance: [
      { memberId: 'm1', memberName: '王建国', status: 'present' },
      { memberId: 'm2', memberName: '吴淑珍', status: 'excused', reason: '住院' },
      { memberId: 'm3', memberName: '郑国强', status: null },
    ],
    quorum: { entitled: 3, present: 1, met: false },
    ...over,
  });
}

const { calls, renderPage, get } = pageHarness();

beforeEach(() => {
  calls.length = 0;
  nav.param = undefined;
  vi.clearAllMocks();
});

describe('member home', () => {
  it('shows the next session in words, the member’s own leave with its reason, and the two ways out', async () => {
    renderPage(
      HomePage,
      member,
      get('/api/v1/members/m1/sessions', { items: [{ ...summary, kind: 'theme_day', onlineOffered: true, materialText: '学习全会公报', attachments: [{ uploadId: 'a1', name: '公报.pdf', url: 'http://x/a1' }], myStatus: 'excused' }] }),
      get('/api/v1/sessions/s1', detail({ attendance: [{ memberId: 'm1', memberName: '王建国', status: 'excused', reason: '腿脚不便' }] })),
    );
    await waitFor(() => expect(screen.getByText('您已请假：腿脚不便')).toBeTruthy());
    expect(screen.getByText('主题党日')).toBeTruthy();
    expect(screen.getByText('地点：党员活动室')).toBeTruthy();
    expect(screen.getByText('学习全会公报')).toBeTruthy();
    expect(screen.getByText('打开附件：公报.pdf（PDF 文件）')).toBeTruthy();
    // No voices under happy-dom and no WeChat plugin: nothing can speak, so there is no button at all.
    expect(screen.queryByText(/读给我听/)).toBeNull();
    // The session has not started: "我已学习" waits for it.
    expect(screen.getByText('我已学习：开始后才能点')).toBeTruthy();

    fireEvent.click(screen.getByText('我来不了'));
    fireEvent.click(screen.getByText('请支部送学上门'));
    expect(nav.openPage).toHaveBeenCalledWith('/pages/visit-request/index?session=s1');
    fireEvent.click(screen.getByText('请假'));
    fireEvent.click(screen.getByText('提交请假'));
    expect(screen.getByText('请假原因：请点一个原因，或点“其他”自己写')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('speaks of the elder by name to a family proxy, with the banner at the top', async () => {
    const proxy = meOf({ ...member, userId: 'u-liu', role: 'proxy', displayName: '王小红' });
    renderPage(
      HomePage,
      proxy,
      get('/api/v1/members/m1/sessions', { items: [{ ...summary, kind: 'theme_day', onlineOffered: true, materialText: '学习全会公报', attachments: [], myStatus: 'excused' }] }),
      get('/api/v1/sessions/s1', detail({ attendance: [{ memberId: 'm1', memberName: '王建国', status: 'excused', reason: '住院' }] })),
    );
    await waitFor(() => expect(screen.getByText('王建国已请假：住院')).toBeTruthy());
    expect(screen.getByText('您在代 王建国 办理').closest('.elder-page__top')).toBeTruthy();
    expect(screen.getByText('王建国来不了')).toBeTruthy();
    expect(screen.getByText('王建国已学习：开始后才能点')).toBeTruthy();
    expect(screen.getByText('王建国的积分')).toBeTruthy();
    fireEvent.click(screen.getByText('王建国能来了'));
    expect(screen.getByText('撤销请假，按时来参加这次学习吗？支部会看到王建国能来。')).toBeTruthy();
    // Nothing on the proxy's page speaks as the elder.
    expect(screen.queryByText(/^我来不了|^我已学习|^我能来了|^您已请假/)).toBeNull();
  });

  it('takes a leave reason with one tap, or a written one', async () => {
    renderPage(
      HomePage,
      member,
      get('/api/v1/members/m1/sessions', { items: [{ ...summary, kind: 'theme_day', materialText: '学习全会公报', attachments: [] }] }),
      get('/api/v1/sessions/s1', detail({ attendance: [] })),
      (req) => (req.method === 'PUT' && req.url === '/api/v1/sessions/s1/attendance/m1' ? { status: 200, body: { memberId: 'm1', memberName: '王建国', status: 'excused', reason: (req.body as { reason: string }).reason } } : undefined),
    );
    await waitFor(() => expect(screen.getByText('我来不了')).toBeTruthy());
    fireEvent.click(screen.getByText('我来不了'));
    fireEvent.click(screen.getByText('请假'));
    // Writing is only for a reason not in the list.
    expect(['身体不适', '住院', '在外地', '家中有事', '其他（自己写）'].every((r) => screen.queryByText(r) || screen.queryByText(`✓ ${r}（已选）`))).toBe(true);
    fireEvent.click(screen.getByText('其他（自己写）'));
    expect(screen.getByText('请写下原因')).toBeTruthy();
    // "其他" with nothing written is still refused, by name.
    fireEvent.click(screen.getByText('提交请假'));
    expect(screen.getByText('请假需要填写原因')).toBeTruthy();
    fireEvent.click(screen.getByText('住院'));
    expect(screen.queryByText('请写下原因')).toBeNull();
    expect(screen.getByText('✓ 住院（已选）')).toBeTruthy();
    fireEvent.click(screen.getByText('提交请假'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ status: 'excused', reason: '住院' });
  });

  it('says so when nothing is planned, and records a subscription', async () => {
    renderPage(HomePage, member, get('/api/v1/members/m1/sessions', { items: [] }), (req) =>
      req.method === 'PUT' && req.url === '/api/v1/members/m1/subscriptions'
        ? { status: 200, body: { kinds: ['session_tomorrow', 'material_published'], remaining: { session_tomorrow: 2, material_published: 2 } } }
        : undefined,
    );
    await waitFor(() => expect(screen.getByText('近期还没有安排学习。有新安排时，会在这里显示。')).toBeTruthy());
    fireEvent.click(screen.getByText('订阅开会提醒'));
    // It never promises more than WeChat will carry: how many are left, and the phone call when none are.
    await waitFor(() => expect(screen.getByText(/微信还会提醒您 2 次开会/)).toBeTruthy());
    expect(screen.getByText('再订阅一次（多收一次提醒）')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ kinds: ['session_tomorrow', 'material_published', 'plan_changed'] });
  });
});

describe('secretary home', () => {
  it('lists quiet members with their months, the next sessions and the four buttons', async () => {
    renderPage(
      BranchHomePage,
      secretary,
      get('/api/v1/branches/b1/overview', { branchId: 'b1', quietMembers: [{ memberId: 'm9', name: '周志刚', lastParticipatedAt: null, quietMonths: 7, lastCall: null }], contactedQuietMembers: [], nextSessions: [summary] }),
    );
    await waitFor(() => expect(screen.getByText('已经 7 个月没有参加组织生活')).toBeTruthy());
    expect(screen.getByText('⚠ 周志刚')).toBeTruthy();
    expect(screen.getByText('还没有参加记录')).toBeTruthy();
    expect(screen.getByText('支委会')).toBeTruthy();
    for (const b of ['＋ 新建组织生活', '组织生活记录', '党员名单', '待发提醒']) expect(screen.getByText(b)).toBeTruthy();
    fireEvent.click(screen.getByText('党员名单'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/members/index');
    fireEvent.click(screen.getByText('⚠ 周志刚'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/branch/pages/member-detail/index?id=m9');
  });
});

describe('sessions list', () => {
  // New Year's Eve: the meeting planned for January is listed too, and counted apart from this year's.
  phoneAt('2026-12-31T13:00:00.000Z');
  const listed = (items: unknown[]) => (req: { method: string; url: string }) =>
    req.method === 'GET' && req.url === '/api/v1/branches/b1/sessions?from=2026-01-01&to=2027-02-04' ? { status: 200, body: { items } } : undefined;

  it('shows this year’s sessions newest first, in words', async () => {
    const older = { ...summary, id: 's0', kind: 'theme_day' as const, topic: '三月主题党日', startsAt: '2026-03-05T01:00:00Z', status: 'closed' as const };
    const december = { ...summary, startsAt: '2026-12-10T07:30:00Z' };
    renderPage(SessionsPage, secretary, listed([older, december]));
    await waitFor(() => expect(screen.getByText('今年共 2 次，最新的在最上面。')).toBeTruthy());
    const titles = screen.getAllByText(/^(支委会|主题党日)$/).map((e) => e.textContent);
    expect(titles).toEqual(['支委会', '主题党日']);
    expect(screen.getByText('状态：已归档，应到 3 人')).toBeTruthy();
  });

  it('lists what is planned for early next year beside this year’s, and says so', async () => {
    const january = { ...summary, id: 's2', kind: 'theme_day' as const, topic: '新年主题党日', startsAt: '2027-01-03T01:30:00Z' };
    renderPage(SessionsPage, secretary, listed([{ ...summary, startsAt: '2026-12-10T07:30:00Z' }, january]));
    await waitFor(() => expect(screen.getByText('今年共 1 次，另有明年已安排的 1 次，最新的在最上面。')).toBeTruthy());
    expect(screen.getByText('主题：新年主题党日')).toBeTruthy();
  });
});

describe('new session', () => {
  it('fills the template when a kind is picked and explains who is expected', async () => {
    renderPage(SessionNewPage, secretary, get('/api/v1/branches/b1/sessions', { items: [{ ...summary, place: '社区活动中心' }] }), get('/api/v1/branches/b1/members', { items: [{ id: 'm1', name: '王建国', partyGroup: '第一党小组' }] }));
    await waitFor(() => expect(screen.getByText('第一步：选择会议类型')).toBeTruthy());
    fireEvent.click(screen.getByText('党小组会'));
    expect(screen.getByText('应到人员：所选党小组的党员（请在下面选择党小组）')).toBeTruthy();
    fireEvent.click(screen.getByText('第一党小组'));
    expect(screen.getByText('应到人员：第一党小组的党员')).toBeTruthy();
    fireEvent.click(screen.getByText('支委会'));
    expect(screen.getByText('应到人员：支委成员（支部委员会的委员）')).toBeTruthy();
    const topic = screen.getByText('主题').closest('.field')?.querySelector('input');
    expect(topic?.value).toMatch(/^研究\d+月支部工作$/);
    const place = screen.getByText('地点').closest('.field')?.querySelector('input');
    expect(place?.value).toBe('社区活动中心');
    expect(screen.getByText('保存并发布')).toBeTruthy();
  });
});

describe('session page', () => {
  it('shows the quorum in words, previews "全部出席" with who is kept, marks after confirming, and offers the undo', async () => {
    nav.param = 's1';
    const plan = {
      toMark: [{ memberId: 'm3', memberName: '郑国强', status: 'present', text: '将登记为“出席”' }],
      kept: [
        { memberId: 'm1', memberName: '王建国', status: 'present', text: '已登记为“出席”（张卫东登记），保持不变' },
        { memberId: 'm2', memberName: '吴淑珍', status: 'excused', text: '已登记为“请假：住院”（吴淑珍本人登记），保持不变' },
      ],
      summary: '将为 1 人登记；2 人已有登记或已安排送学上门，保持不变。',
    };
    const marked = detail({
      startsAt: begun,
      attendance: detail().attendance.map((a) => (a.memberId === 'm3' ? { ...a, status: 'present' } : a)),
      quorum: { entitled: 3, present: 2, met: true },
      lastBulk: { id: 'b-1', at: soon, byName: '张卫东', count: 1, undoable: true },
    });
    renderPage(
      SessionPage,
      secretary,
      get('/api/v1/sessions/s1', detail({ startsAt: begun })),
      (req) => (req.method === 'POST' && req.url === '/api/v1/sessions/s1/attendance/preview' ? { status: 200, body: plan } : undefined),
      (req) => (req.method === 'PUT' && req.url === '/api/v1/sessions/s1/attendance' ? { status: 200, body: marked } : undefined),
      (req) => (req.method === 'POST' && req.url === '/api/v1/sessions/s1/attendance/undo' ? { status: 200, body: detail({ startsAt: begun }) } : undefined),
    );
    await waitFor(() => expect(screen.getByText('研究十二月工作')).toBeTruthy());
    fireEvent.click(screen.getByText('出席登记'));
    expect(screen.getByText('⚠ 应到 3 人，实到 1 人，未超过半数')).toBeTruthy();
    expect(screen.getByText('出席情况：请假（住院）')).toBeTruthy();
    fireEvent.click(screen.getByText('全部出席'));
    await waitFor(() => expect(screen.getByText(plan.summary)).toBeTruthy());
    expect(screen.getByText('吴淑珍：已登记为“请假：住院”（吴淑珍本人登记），保持不变')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.click(screen.getByText('确认登记这 1 人出席'));
    await waitFor(() => expect(screen.getByText('✓ 应到 3 人，实到 2 人，超过半数')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ entries: ['m1', 'm2', 'm3'].map((memberId) => ({ memberId, status: 'present' })) });
    fireEvent.click(screen.getByText('撤销刚才的全部出席（1 人）'));
    await waitFor(() => expect(screen.getByText('⚠ 应到 3 人，实到 1 人，未超过半数')).toBeTruthy());
    expect(calls.find((c) => c.url.endsWith('/undo'))?.body).toEqual({ bulkId: 'b-1' });
  });

  it('says who recorded a line before the secretary changes it', async () => {
    nav.param = 's1';
    const own = detail({ attendance: [{ memberId: 'm1', memberName: '王建国', status: 'online', recordedBy: 'u-wang', recordedByName: '王建国', selfRecorded: '王建国本人登记' }] });
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', own), (req) =>
      req.method === 'PUT' && req.url === '/api/v1/sessions/s1/attendance/m1' ? { status: 200, body: detail({ attendance: [{ memberId: 'm1', memberName: '王建国', status: 'present' }] }) } : undefined,
    );
    await waitFor(() => expect(screen.getByText('研究十二月工作')).toBeTruthy());
    fireEvent.click(screen.getByText('出席登记'));
    expect(screen.getByText('王建国本人登记')).toBeTruthy();
    fireEvent.click(screen.getByText('出席'));
    expect(screen.getByText('王建国：现在是“网上自学”（王建国本人登记）。确定改为“出席”吗？')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.click(screen.getByText('确定改为出席'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ status: 'present' }));
  });

  it('asks a 支委会 without minutes for the reason before closing, and sends it', async () => {
    nav.param = 's1';
    const past = msFromNow(-3600_000);
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', detail({ startsAt: past })), (req) =>
      req.method === 'POST' && req.url === '/api/v1/sessions/s1/close' ? { status: 200, body: detail({ startsAt: past, status: 'closed', noMinutesReason: '纸质记录存于支部', closedBy: 'u-sec', closedAt: past }) } : undefined,
    );
    await waitFor(() => expect(screen.getByText('研究十二月工作')).toBeTruthy());
    fireEvent.click(screen.getByText('归档更正'));
    fireEvent.click(screen.getByText('结束并归档'));
    fireEvent.click(screen.getByText('确认归档'));
    expect(screen.getByText('没有会议记录的原因：请写明，例如“纸质记录存于支部”')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/close'))).toBe(false);
    const box = screen.getByText('没有会议记录的原因').closest('.field')?.querySelector('taro-textarea-core');
    act(() => {
      box?.dispatchEvent(new CustomEvent('input', { detail: { value: '纸质记录存于支部' }, bubbles: true }));
    });
    fireEvent.click(screen.getByText('确认归档'));
    await waitFor(() => expect(screen.getByText('纸质记录存于支部')).toBeTruthy());
    expect(calls.find((c) => c.url.endsWith('/close'))?.body).toEqual({ noMinutesReason: '纸质记录存于支部' });
  });

  it('offers neither "全部出席" nor archiving before the meeting begins, and says why', async () => {
    nav.param = 's1';
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', detail({ startsAt: soon })));
    await waitFor(() => expect(screen.getByText('研究十二月工作')).toBeTruthy());
    fireEvent.click(screen.getByText('出席登记'));
    expect(screen.getByText('会议还没有开始：开始后才能登记出席、缺席和网上自学；请假现在就可以登记。')).toBeTruthy();
    expect(screen.queryByText('全部出席')).toBeNull();
    fireEvent.click(screen.getByText('归档更正'));
    expect(screen.getByText('会议还没有开始，开过之后才能归档。')).toBeTruthy();
  });

  it('asks twice before closing, inline, and shows a 409 answer’s message', async () => {
    nav.param = 's1';
    const minutes = { agenda: '研究工作', content: '', decisions: '', votes: '', photos: [] };
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', detail({ minutes, startsAt: begun })), (req) =>
      req.method === 'POST' && req.url === '/api/v1/sessions/s1/close'
        ? { status: 409, body: { error: { code: 'SESSION_CLOSED', message: '这次会议记录已经结束归档，不能直接修改；如需更正，请添加更正说明' } } }
        : undefined,
    );
    await waitFor(() => expect(screen.getByText('研究十二月工作')).toBeTruthy());
    fireEvent.click(screen.getByText('归档更正'));
    fireEvent.click(screen.getByText('结束并归档'));
    expect(screen.getByText('确定要归档吗？归档后出席和会议记录都不能再直接修改。')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/close'))).toBe(false);
    fireEvent.click(screen.getByText('确认归档'));
    await waitFor(() => expect(screen.getAllByText(/已经结束归档/).length).toBeGreaterThan(0));
  });

  it('shows a closed record read-only with who closed it, and the minutes from attendance', async () => {
    nav.param = 's1';
    const closed = detail({
      status: 'closed',
      closedAt: '2025-12-03T03:00:00Z',
      closedBy: 'u-sec',
      closedByName: '张卫东',
      minutes: { agenda: '一、学习', content: '交流', decisions: '走访', votes: '', photos: [{ uploadId: 'p1', name: '合影.png', url: 'http://x/p1' }] },
      amendments: [{ id: 'am1', at: '2025-12-04T02:00:00Z', by: 'u-sec', byName: '张卫东', reason: '会后核实', note: '补充通知' }],
    });
    renderPage(SessionPage, secretary, get('/api/v1/sessions/s1', closed));
    await waitFor(() => expect(screen.getByText('✓ 已归档：张卫东，2025年12月3日 星期三 上午11点')).toBeTruthy());
    fireEvent.click(screen.getByText('出席登记'));
    expect(screen.queryByText('全部出席')).toBeNull();
    fireEvent.click(screen.getByText('会议记录'));
    expect(screen.getByText('请假（1 人）：')).toBeTruthy();
    expect(screen.getByText('吴淑珍（住院）')).toBeTruthy();
    expect(screen.getByText('第 1 张：合影.png')).toBeTruthy();
    expect(screen.queryByText('保存会议记录')).toBeNull();
    fireEvent.click(screen.getByText('归档更正'));
    expect(screen.getByText('会后核实')).toBeTruthy();
    // The heading and the form's button.
    expect(screen.getAllByText('添加更正')).toHaveLength(2);
    expect(screen.getByText('更正原因（必填）')).toBeTruthy();
  });

  it('gives a paired contact no write buttons', async () => {
    nav.param = 's1';
    renderPage(SessionPage, meOf({ ...secretary, role: 'contact', userId: 'u-c' }), get('/api/v1/sessions/s1', detail()));
    await waitFor(() => expect(screen.getByText('您可以查看，不能修改。')).toBeTruthy());
    fireEvent.click(screen.getByText('出席登记'));
    expect(screen.queryByText('全部出席')).toBeNull();
    fireEvent.click(screen.getByText('归档更正'));
    expect(screen.queryByText('结束并归档')).toBeNull();
  });
});

describe('outbox', () => {
  it('lists reminders with member, text, due time and channel in words', async () => {
    renderPage(
      OutboxPage,
      secretary,
      get('/api/v1/branches/b1/outbox', {
        items: [
          { id: 'o1', memberId: 'm1', memberName: '王建国', sessionId: 's1', kind: 'session_tomorrow', dueAt: '2025-12-02T01:00:00Z', channel: 'wechat', status: 'pending', text: '明天上午开支委会' },
          { id: 'o2', memberId: 'm2', memberName: '李秀英', sessionId: 's1', kind: 'material_published', dueAt: '2025-12-01T01:00:00Z', channel: 'none', status: 'pending', text: '学习材料已发布' },
          // Subscribed, but the one-time agreement was used up: a call, not a silent skip.
          { id: 'o3', memberId: 'm3', memberName: '赵桂英', sessionId: 's1', kind: 'session_tomorrow', dueAt: '2025-12-02T01:00:00Z', channel: 'wechat', status: 'needs_call', text: '明天上午开支委会（赵桂英）' },
        ],
      }),
    );
    await waitFor(() => expect(screen.getByText('共 3 条，其中 2 条需要打电话通知（这些党员没有订阅微信提醒，或微信提醒次数已用完）。')).toBeTruthy());
    expect(screen.getAllByText('☎ 需电话通知')).toHaveLength(2);
    expect(screen.getByText('状态：微信提醒次数已用完，请打电话通知')).toBeTruthy();
    expect(screen.getByText('✉ 微信提醒')).toBeTruthy();
    expect(screen.getByText('开会前一天提醒：明天上午开支委会')).toBeTruthy();
    expect(screen.getAllByText('发送时间：2025年12月2日 星期二 上午9点')).toHaveLength(2);
  });
});
