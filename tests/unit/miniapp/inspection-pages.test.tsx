import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { periodChoices, todayInChina } from '@/services/inspection-periods';
import type { ComplianceView, Ledger, Me, Rectification, Review } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';

// Pages reach Taro only through adapters: stand them in so the pages render under a DOM.
const nav = vi.hoisted(() => ({ openPage: vi.fn(), params: {} as Record<string, string | undefined>, exportLedger: vi.fn() }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => nav.params[name], useReloadOnReturn: () => {} }));
vi.mock('@/adapters/files', () => ({ openFile: vi.fn(async () => true), pickPhoto: vi.fn(async () => null), pickPhotos: vi.fn(async () => []), pickDocument: vi.fn(async () => null), sendFile: vi.fn(async () => 204) }));
vi.mock('@/adapters/ledger-export', () => ({ exportLedger: nav.exportLedger }));

const { default: CompliancePage } = await import('@/packages/inspector/pages/compliance/index');
const { default: LedgerPage } = await import('@/packages/inspector/pages/ledger/index');
const { RectificationBlock } = await import('@/components/RectificationBlock');

const inspector: Me = meOf({ userId: 'u-i', role: 'inspector', displayName: '周明', orgId: 'o1', orgName: '城南街道党工委' });
const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', branchId: 'b1', branchName: '第一支部' });
const choices = periodChoices(todayInChina());
const thisMonth = choices[0]!.period;
const lastMonth = choices[1]!.period;

const { calls, renderWith } = pageHarness();

const route = (method: string, url: string, body: unknown, status = 200): Route => (req) => (req.method === method && req.url === url ? { status, body } : undefined);

/** Types into the text box under a label (Taro's textarea is a web component that reports `detail.value`). */
function typeInto(label: string, value: string) {
  const box = screen.getByText(label).closest('.field')?.querySelector('taro-textarea-core');
  if (!box) throw new Error(`no text box labelled ${label}`);
  act(() => {
    box.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

const compliance = (period: string): ComplianceView => ({
  orgId: 'o1',
  period,
  branches: [
    {
      branchId: 'b1', branchName: '第一支部', period,
      meetings: [
        { kind: 'committee_meeting', cadence: 'monthly', due: true, window: period, held: 0, required: 1, short: true, pending: false },
        { kind: 'branch_general_meeting', cadence: 'quarterly', due: false, window: '2026-Q4', held: 0, required: 1, short: false, pending: false },
      ],
      coverage: { sessions: 2, average: 0.75, lowest: 0.5 }, overdueVisits: 1, quietMembers: 2, openItems: 1, overdueItems: 1, signedOff: null,
      shortfalls: ['支委会 0/1，不足', '送学上门逾期 1 件'],
    },
    {
      branchId: 'b2', branchName: '第二支部', period,
      meetings: [{ kind: 'committee_meeting', cadence: 'monthly', due: true, window: period, held: 1, required: 1, short: false, pending: false }],
      coverage: { sessions: 3, average: 1, lowest: 1 }, overdueVisits: 0, quietMembers: 0, openItems: 0, overdueItems: 0,
      signedOff: { by: '周明', at: '2026-11-28T02:00:00.000Z' }, shortfalls: [],
    },
  ],
});

const item = (over: Partial<Rectification> = {}): Rectification => ({
  id: 'i1', reviewId: 'r1', branchId: 'b1', period: '2026-10', what: '补开支委会并完善记录', deadline: '2026-12-31', status: 'answered', overdue: false,
  history: [
    { action: 'open', by: 'u-i', byName: '周明', at: '2026-11-20T02:00:00.000Z' },
    { action: 'answer', by: 'u-sec', byName: '张卫东', at: '2026-11-25T02:00:00.000Z', text: '已于11月补开', evidence: [] },
  ],
  version: 2,
  ...over,
});
const review = (items: Rectification[]): Review => ({ id: 'r1', branchId: 'b1', period: '2026-10', opinion: '支委会次数不足', by: 'u-i', byName: '周明', at: '2026-11-20T02:00:00.000Z', items });

const ledger = (over: Partial<Ledger> = {}): Ledger => ({
  branchId: 'b1', branchName: '第一支部', orgName: '城南街道党工委', period: '2026-10',
  setup: {
    memberCount: 8,
    committee: [{ name: '王建国', role: '组织委员' }],
    groups: { 第一党小组: 4, 第二党小组: 4 },
    byHealthClass: { healthy: 2, not_self_reliant: 2 },
    byLivingSituation: { with_family: 5, widowed: 1 },
    byAttendanceMode: { in_person: 6 },
  },
  sessions: [{
    id: 's1', kind: 'committee_meeting', topic: '研究十月工作', startsAt: '2026-10-10T02:00:00.000Z', place: '党员活动室', hostName: '张卫东', recorderName: '吴淑珍', status: 'closed',
    expected: 3, present: 2, excused: 1, absent: 0, homeDelivered: 0, online: 0, unmarked: 0, coverage: 0.667, quorumMet: true,
    absentees: [{ name: '吴淑珍', status: '请假', reason: '住院' }],
    minutes: { agenda: '', content: '', decisions: '下月补开党员大会', votes: '' }, amendments: 0, filledBy: '张卫东', closedBy: '张卫东',
  }],
  education: { visitsDelivered: 2, visitsOpen: 1, visitsOverdue: 1 },
  points: [{ memberId: 'm1', name: '王建国', earned: 4, total: 12 }],
  photos: [{ source: '支委会「研究十月工作」', name: '合影.png', url: 'http://x/p1' }],
  audit: [{ at: '2026-10-10T03:00:00.000Z', sentence: '2026年10月10日 星期六 上午11点 张卫东（支部书记）归档了会议记录：支委会（10月10日 星期六）「研究十月工作」。' }],
  reviews: [review([item()])],
  signoff: null,
  ...over,
});

beforeEach(() => {
  calls.length = 0;
  nav.params = {};
  vi.clearAllMocks();
});

describe('inspector home (compliance)', () => {
  it('shows the branches first, each in a line or two, the short one first, details a tap away, and the period as a compact switch', async () => {
    renderWith(
      <CompliancePage />,
      inspector,
      (req) => {
        const m = /^\/api\/v1\/orgs\/o1\/compliance\?period=(.+)$/.exec(req.url);
        return req.method === 'GET' && m ? { status: 200, body: compliance(decodeURIComponent(m[1]!)) } : undefined;
      },
    );
    await waitFor(() => expect(screen.getByText('✗ 第一支部')).toBeTruthy());
    expect(calls.find((c) => c.url.includes('/compliance'))?.url).toBe(`/api/v1/orgs/o1/compliance?period=${thisMonth}`);
    // What is short, said once, on the branch's second line; the met branch in one word.
    expect(screen.getByText('支委会 0/1，不足；送学上门逾期 1 件')).toBeTruthy();
    expect(screen.getByText('✓ 第二支部')).toBeTruthy();
    expect(screen.getByText('各项达标，已签字')).toBeTruthy();
    expect(screen.getByText('共 2 个支部，1 个有不足，排在前面；点一个支部看各项。')).toBeTruthy();
    // The server's order is kept: the short branch comes first. No period chooser stands before them.
    const titles = Array.from(document.querySelectorAll('.compliance .row__title')).map((e) => e.textContent);
    expect(titles).toEqual(['✗ 第一支部', '✓ 第二支部']);
    expect(screen.queryByText('上个月')).toBeNull();
    expect(screen.queryByText('✗ 支委会 0/1 不足')).toBeNull();

    // The details, a tap away: every indicator once, the sign-off, the ledger.
    fireEvent.click(screen.getByText('✗ 第一支部'));
    expect(screen.getAllByText('✗ 支委会 0/1 不足')).toHaveLength(1);
    expect(screen.queryByText('支委会 0/1，不足；送学上门逾期 1 件')).toBeNull(); // said once, not twice
    // A quarterly rule in a month view: counted over the quarter, never a shortfall of the month.
    expect(screen.getByText('○ 支部党员大会 本季度内开 1 次，本季度至今已开 0 次')).toBeTruthy();
    expect(screen.getByText('✗ 学习覆盖：2 次学习，平均参学率 75%，最低 50%，低于 80%')).toBeTruthy();
    expect(screen.getByText('✗ 2 名党员五个月以上未参加组织生活')).toBeTruthy();
    expect(screen.getByText('✗ 整改事项未完成 1 项，其中已逾期 1 项')).toBeTruthy();
    expect(screen.getByText('○ 未签字')).toBeTruthy();
    expect(screen.queryByText(/^✓ 已签字：周明 (2026年)?11月28日 星期六$/)).toBeNull();
    fireEvent.click(screen.getByText('✓ 第二支部'));
    expect(screen.getByText(/^✓ 已签字：周明 (2026年)?11月28日 星期六$/)).toBeTruthy();

    fireEvent.click(screen.getByText(/^\d{4}年\d+月（本月）$/));
    fireEvent.click(screen.getByText('上个月'));
    await waitFor(() => expect(calls.some((c) => c.url === `/api/v1/orgs/o1/compliance?period=${lastMonth}`)).toBe(true));
    await waitFor(() => expect(screen.getByText(/^\d{4}年\d+月（上个月）$/)).toBeTruthy());
    expect(screen.queryByText('本季度')).toBeNull(); // the choices close once one is picked
    fireEvent.click(await screen.findByText('✗ 第一支部'));
    fireEvent.click(screen.getByText('查看台账：第一支部'));
    expect(nav.openPage).toHaveBeenCalledWith(`/packages/inspector/pages/ledger/index?branch=b1&period=${encodeURIComponent(lastMonth)}`);
    fireEvent.click(screen.getByText('各支部人数概况'));
    expect(nav.openPage).toHaveBeenCalledWith('/packages/inspector/pages/branches/index');
  });
});

describe('ledger page', () => {
  const ledgerRoute = (body: Ledger) => route('GET', '/api/v1/branches/b1/ledger?period=2026-10', body);

  it('shows the ledger in its sections: health as counts, sessions with absentees and who filled in', async () => {
    nav.params = { branch: 'b1', period: '2026-10' };
    renderWith(<LedgerPage />, inspector, ledgerRoute(ledger()));
    await waitFor(() => expect(screen.getByText('第一支部 台账')).toBeTruthy());
    expect(screen.getByText('期间：2026年10月')).toBeTruthy();
    expect(screen.getByText('○ 未签字')).toBeTruthy();
    expect(screen.getByText('健康状况（只显示人数）')).toBeTruthy();
    expect(screen.getByText('不能自理：')).toBeTruthy();
    expect(screen.getByText('组织委员：')).toBeTruthy();
    expect(screen.getByText('王建国')).toBeTruthy();

    fireEvent.click(screen.getByText('组织生活'));
    expect(screen.getByText('支委会：研究十月工作')).toBeTruthy();
    expect(screen.getByText('应到 3 人：出席 2 人，请假 1 人')).toBeTruthy();
    expect(screen.getByText('✓ 到会人数超过半数')).toBeTruthy();
    expect(screen.getByText('吴淑珍：请假（住院）')).toBeTruthy();
    expect(screen.getByText('下月补开党员大会')).toBeTruthy();
    expect(screen.getByText('填报人：')).toBeTruthy();

    fireEvent.click(screen.getByText('党员教育'));
    expect(screen.getByText('✗ 1 件，已逾期')).toBeTruthy();
    fireEvent.click(screen.getByText('党员积分'));
    expect(screen.getByText('本期 4 分，累计 12 分')).toBeTruthy();
    fireEvent.click(screen.getByText('影像资料'));
    expect(screen.getByText('第 1 张：支委会「研究十月工作」')).toBeTruthy();
    fireEvent.click(screen.getByText('填报审核记录'));
    expect(screen.getByText('2026年10月10日 星期六 上午11点 张卫东（支部书记）归档了会议记录：支委会（10月10日 星期六）「研究十月工作」。')).toBeTruthy();
  });

  it('accepts an answered item, and returns one only with a reason written inline', async () => {
    nav.params = { branch: 'b1', period: '2026-10' };
    renderWith(
      <LedgerPage />,
      inspector,
      ledgerRoute(ledger()),
      (req) =>
        req.method === 'PATCH' && req.url === '/api/v1/rectifications/i1'
          ? { status: 200, body: item({ status: (req.body as { action: string }).action === 'accept' ? 'accepted' : 'returned', version: 3 }) }
          : undefined,
    );
    await waitFor(() => expect(screen.getByText('第一支部 台账')).toBeTruthy());
    fireEvent.click(screen.getByText('督导意见与整改'));
    expect(screen.getByText('整改事项：补开支委会并完善记录')).toBeTruthy();
    expect(screen.getByText('已答复，待督导审核')).toBeTruthy();
    expect(screen.getByText(/^(2026年)?11月25日 星期三 上午10点 张卫东 答复整改情况：已于11月补开$/)).toBeTruthy();

    fireEvent.click(screen.getByText('退回'));
    fireEvent.click(screen.getByText('确认退回'));
    expect(screen.getByText('退回原因：请填写')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    typeInto('退回原因（必填）', '请附会议记录照片');
    fireEvent.click(screen.getByText('确认退回'));
    await waitFor(() => expect(screen.getByText('已退回，需重新整改')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ action: 'return', reason: '请附会议记录照片' });
    expect(screen.getByText('等待支部答复整改情况。')).toBeTruthy();
  });

  it('sends an accept', async () => {
    nav.params = { branch: 'b1', period: '2026-10' };
    renderWith(<LedgerPage />, inspector, ledgerRoute(ledger()), (req) =>
      req.method === 'PATCH' && req.url === '/api/v1/rectifications/i1' ? { status: 200, body: item({ status: 'accepted', version: 3 }) } : undefined,
    );
    await waitFor(() => expect(screen.getByText('第一支部 台账')).toBeTruthy());
    fireEvent.click(screen.getByText('督导意见与整改'));
    fireEvent.click(screen.getByText('通过'));
    await waitFor(() => expect(screen.getByText('✓ 已通过')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ action: 'accept' });
    expect(screen.queryByText('通过')).toBeNull();
  });

  it('flags overdue items in words and writes an opinion with a rectification item', async () => {
    nav.params = { branch: 'b1', period: '2026-10' };
    renderWith(
      <LedgerPage />,
      inspector,
      ledgerRoute(ledger({ reviews: [review([item({ status: 'open', overdue: true, history: [item().history[0]!] })])] })),
      (req) => (req.method === 'POST' && req.url === '/api/v1/branches/b1/reviews' ? { status: 201, body: { ...review([]), id: 'r2', opinion: (req.body as { opinion: string }).opinion } } : undefined),
    );
    await waitFor(() => expect(screen.getByText('第一支部 台账')).toBeTruthy());
    fireEvent.click(screen.getByText('督导意见与整改'));
    expect(screen.getByText('⚠ 已逾期：已过整改期限，还没有通过审核')).toBeTruthy();
    expect(screen.getByText('等待支部答复整改情况。')).toBeTruthy();

    fireEvent.click(screen.getByText('提交督导意见'));
    expect(screen.getByText('督导意见：请填写')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    typeInto('督导意见（必填）', '党小组会未按月召开');
    fireEvent.click(screen.getByText('＋ 添加一项整改事项'));
    expect(screen.getByText('第 1 项：整改期限')).toBeTruthy();
    typeInto('第 1 项：要整改什么', '补开党小组会');
    fireEvent.click(screen.getByText('提交督导意见'));
    await waitFor(() => expect(screen.getByText('督导意见已提交，含整改事项 1 项，见上面的列表。')).toBeTruthy());
    const sent = calls.find((c) => c.method === 'POST')?.body as { period: string; opinion: string; items: { what: string; deadline: string }[] };
    expect(sent).toMatchObject({ period: '2026-10', opinion: '党小组会未按月召开', items: [{ what: '补开党小组会' }] });
    expect(sent.items[0]!.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(calls.find((c) => c.method === 'POST')?.headers['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(screen.getByText('第 2 条督导意见')).toBeTruthy();
  });

  it('shows the check, asks to acknowledge each missing record, then signs in two taps, and exports', async () => {
    nav.params = { branch: 'b1', period: '2026-10' };
    nav.exportLedger.mockResolvedValue({ ok: true, message: '已下载：第一支部台账-2026-10.xlsx' });
    const missing = { key: 'minutes:s1', kind: 'minutes_missing', text: '支委会「研究十月工作」（2026年10月10日）没有会议记录' };
    renderWith(
      <LedgerPage />,
      inspector,
      ledgerRoute(ledger()),
      route('GET', '/api/v1/branches/b1/signoff-check?period=2026-10', { branchId: 'b1', period: '2026-10', lastDay: '2026-10-31', ended: true, signedOff: false, blockers: [], items: [missing] }),
      route('POST', '/api/v1/branches/b1/signoffs', { branchId: 'b1', period: '2026-10', by: 'u-i', byName: '周明', at: '2026-11-28T02:00:00.000Z', acknowledged: [{ key: missing.key, text: missing.text }] }, 201),
    );
    await waitFor(() => expect(screen.getByText('第一支部 台账')).toBeTruthy());
    fireEvent.click(screen.getByText('签字与导出'));
    await waitFor(() => expect(screen.getByText(`1. ${missing.text}`)).toBeTruthy());
    expect(screen.getByText('还有 1 项没有确认，确认后才能签字。')).toBeTruthy();
    expect(screen.queryByText('签字确认本期台账')).toBeNull();
    fireEvent.click(screen.getByText('确认已知晓第 1 项'));
    expect(screen.getByText('✓ 已确认第 1 项（再点一下取消）')).toBeTruthy();
    fireEvent.click(screen.getByText('签字确认本期台账'));
    expect(screen.getByText('签字后本期记录将锁定，不能再修改。')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/signoffs'))).toBe(false);
    fireEvent.click(screen.getByText('确认签字'));
    await waitFor(() => expect(screen.getByText(/^✓ 已签字：周明 (2026年)?11月28日 星期六$/)).toBeTruthy());
    expect(calls.find((c) => c.url.endsWith('/signoffs'))?.body).toEqual({ period: '2026-10', acknowledged: [missing.key] });
    // A double tap or a retry signs once: the request carries an Idempotency-Key.
    expect(calls.find((c) => c.url.endsWith('/signoffs'))?.headers['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(screen.getByText(/^✓ 已签字：周明 (2026年)?11月28日 星期六，本期已锁定$/)).toBeTruthy();
    expect(screen.getByText(`1. ${missing.text}`)).toBeTruthy();

    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() => expect(screen.getByText('已下载：第一支部台账-2026-10.xlsx')).toBeTruthy());
    expect(nav.exportLedger).toHaveBeenCalledWith(expect.objectContaining({ branchId: 'b1', period: '2026-10' }), 'xlsx');
  });

  it('offers no sign-off for a period that has not ended, and says why', async () => {
    nav.params = { branch: 'b1', period: '2026-10' };
    const blocker = '2026年10月还没有结束（到2026年10月31日为止），结束后才能签字';
    renderWith(
      <LedgerPage />,
      inspector,
      ledgerRoute(ledger()),
      route('GET', '/api/v1/branches/b1/signoff-check?period=2026-10', { branchId: 'b1', period: '2026-10', lastDay: '2026-10-31', ended: false, signedOff: false, blockers: [blocker], items: [] }),
    );
    await waitFor(() => expect(screen.getByText('第一支部 台账')).toBeTruthy());
    fireEvent.click(screen.getByText('签字与导出'));
    await waitFor(() => expect(screen.getByText(`✗ ${blocker}`)).toBeTruthy());
    expect(screen.queryByText('签字确认本期台账')).toBeNull();
  });

  it('says so when the page has no branch or period', () => {
    nav.params = { branch: 'b1', period: '2026-13' };
    renderWith(<LedgerPage />, inspector);
    expect(screen.getByText('没有指定支部或期间。请返回上一页重新选择。')).toBeTruthy();
  });
});

describe('secretary’s 整改事项', () => {
  it('lists open items with the overdue flag in words and answers one inline', async () => {
    const open = item({ id: 'i9', status: 'returned', overdue: true, what: '补开党小组会', history: [...item().history, { action: 'return', by: 'u-i', byName: '周明', at: '2026-11-26T02:00:00.000Z', text: '请附照片' }] });
    renderWith(
      <RectificationBlock branchId='b1' />,
      secretary,
      (req) => {
        if (req.method !== 'GET' || !req.url.startsWith('/api/v1/branches/b1/reviews?period=')) return undefined;
        const first = req.url.endsWith(`period=${encodeURIComponent(lastMonth)}`);
        return { status: 200, body: { items: first ? [review([open, item({ id: 'done', status: 'accepted' }), item({ id: 'i8' })])] : [] } };
      },
      (req) => (req.method === 'PATCH' && req.url === '/api/v1/rectifications/i9' ? { status: 200, body: { ...open, status: 'answered', overdue: true, version: 4 } } : undefined),
    );
    await waitFor(() => expect(screen.getByText('整改事项：补开党小组会')).toBeTruthy());
    expect(calls.filter((c) => c.url.includes('/reviews?period=')).length).toBe(6);
    expect(screen.getByText('共 2 项未完成，其中 1 项已逾期，请尽快整改并答复。')).toBeTruthy();
    expect(screen.getByText('⚠ 已逾期：已过整改期限，还没有通过审核')).toBeTruthy();
    expect(screen.getByText('已退回，需重新整改')).toBeTruthy();
    expect(screen.getByText(/^(2026年)?11月26日 星期四 上午10点 周明 退回：请附照片$/)).toBeTruthy();
    expect(screen.queryByText('整改事项：done')).toBeNull();
    // The answered one waits for the inspector: no form.
    expect(screen.getByText('已答复，等待督导审核。')).toBeTruthy();

    fireEvent.click(screen.getByText('答复：补开党小组会'));
    fireEvent.click(screen.getByText('提交整改情况'));
    expect(screen.getByText('整改情况：请填写')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    typeInto('整改情况（必填）', '11月27日已补开，附记录');
    fireEvent.click(screen.getByText('提交整改情况'));
    await waitFor(() => expect(screen.getByText('整改情况已提交，等待督导审核。')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ action: 'answer', text: '11月27日已补开，附记录', evidence: [] });
    expect(screen.queryByText('答复：补开党小组会')).toBeNull();
  });

  it('says when there is nothing to do', async () => {
    renderWith(<RectificationBlock branchId='b1' />, secretary, (req) => (req.url.startsWith('/api/v1/branches/b1/reviews?period=') ? { status: 200, body: { items: [] } } : undefined));
    await waitFor(() => expect(screen.getByText('没有待办的整改事项。')).toBeTruthy());
  });
});
