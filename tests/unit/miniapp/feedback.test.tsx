import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Feedback, Me } from '@/services/types';
import { meOf } from './me';
import { boxUnder, pageHarness, type Route } from './harness';

const nav = vi.hoisted(() => ({ openPage: vi.fn(), replacePage: vi.fn(), goBack: vi.fn() }));
vi.mock('@/adapters/navigation', () => ({ openPage: nav.openPage, replacePage: nav.replacePage, goHome: vi.fn(), goBack: nav.goBack, goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: () => undefined, useReloadOnReturn: () => {} }));

const { default: FeedbackWritePage } = await import('@/packages/feedback/pages/write/index');
const { default: MyFeedbackPage } = await import('@/packages/feedback/pages/mine/index');
const { default: FeedbackAnswerPage } = await import('@/packages/feedback/pages/answer/index');
const { FooterLinks } = await import('@/components/FooterLinks');
const { pages } = await import('@/services/routes');
const { toFeedbackInput } = await import('@/services/feedback');

const member: Me = meOf({ userId: 'u-wang', role: 'member', displayName: '王建国', orgId: 'o1', branchId: 'b1', memberId: 'm1', memberName: '王建国' });
const admin: Me = meOf({ userId: 'u-admin', role: 'admin', displayName: '党工委管理员', orgId: 'o1', orgName: '城南党工委' });
const inspector: Me = meOf({ userId: 'u-insp', role: 'inspector', displayName: '周明', orgId: 'o1' });

const open: Feedback = {
  id: 'fb-1', kind: 'complaint', text: '通知太晚了，希望提前三天告知。', aboutBranch: true, status: 'open', createdAt: '2026-11-03T01:30:00.000Z',
  senderName: '王建国', senderRole: 'member', branchName: '第一支部',
};
const answered: Feedback = { ...open, id: 'fb-2', kind: 'help', text: '字太小了', aboutBranch: false, status: 'answered', answer: '在“我的”里可以调大字号。', answeredAt: '2026-11-04T02:00:00.000Z', answeredByName: '党工委管理员' };

/** The big button with these words (the same words may also be a heading). */
const button = (text: string) => screen.getAllByText(text).find((e) => e.closest('.btn'))!;

const box = boxUnder;

const { calls, renderPage, renderWith, get } = pageHarness();

beforeEach(() => {
  calls.length = 0;
  nav.openPage.mockReset();
  nav.replacePage.mockReset();
});

describe('the write form', () => {
  it('names each missing field, trims the text, and leaves out an unanswered 是否关于本支部', () => {
    expect(toFeedbackInput({ kind: '', text: ' ', about: '' }).errors).toEqual({ kind: '请选择类别：意见建议、投诉或求助', text: '请写下您要说的话（至少 2 个字）' });
    expect(toFeedbackInput({ kind: 'help', text: '长'.repeat(1001), about: '' }).errors.text).toBe('内容最多 1000 个字');
    expect(toFeedbackInput({ kind: 'help', text: '  字太小  ', about: '' }).input).toEqual({ kind: 'help', text: '字太小' });
    expect(toFeedbackInput({ kind: 'complaint', text: '通知太晚', about: 'branch' }).input).toEqual({ kind: 'complaint', text: '通知太晚', aboutBranch: true });
  });
});

describe('意见反馈 (write)', () => {
  it('says what is missing, offers voice input, and sends once with one Idempotency-Key across a retry', async () => {
    let tries = 0;
    const sendRoute: Route = (req) => {
      if (req.method !== 'POST' || req.url !== '/api/v1/feedback') return undefined;
      tries += 1;
      // The first try is lost on a weak network; the second lands.
      return tries === 1 ? Promise.reject(new Error('offline')) : { status: 201, body: open };
    };
    renderPage(FeedbackWritePage, member, sendRoute);
    expect(screen.getByText('可以用输入法的语音输入：点键盘上的话筒，说完后看一下文字对不对。')).toBeTruthy();
    fireEvent.click(button('提交'));
    expect(await screen.findByText('请选择类别：意见建议、投诉或求助')).toBeTruthy();
    expect(screen.getByText('请写下您要说的话（至少 2 个字）')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(button('投诉'));
    fireEvent.input(await box('内容'), { target: { value: ' 通知太晚了，希望提前三天告知。 ' } });
    fireEvent.click(button('是，关于本支部'));
    fireEvent.click(button('提交'));
    await waitFor(() => expect(tries).toBe(1));
    expect(await screen.findByText(/网络/)).toBeTruthy();
    fireEvent.click(button('提交'));
    expect(await screen.findByText('已提交，谢谢您。管理员答复后，可以在“我的反馈”里看到。')).toBeTruthy();

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toEqual({ kind: 'complaint', text: '通知太晚了，希望提前三天告知。', aboutBranch: true });
    expect(posts[1]!.headers['Idempotency-Key']).toBe(posts[0]!.headers['Idempotency-Key']);
    fireEvent.click(button('看我的反馈'));
    expect(nav.replacePage).toHaveBeenCalledWith(pages.myFeedback);
  });
});

describe('我的反馈', () => {
  it('shows each message with its answer, or that the answer is awaited', async () => {
    renderPage(MyFeedbackPage, member, get('/api/v1/me/feedback', { items: [answered, open] }));
    expect(await screen.findByText('在“我的”里可以调大字号。', { exact: false })).toBeTruthy();
    expect(screen.getByText(/^党工委管理员（管理员）于 .* 答复：在“我的”里可以调大字号。$/)).toBeTruthy();
    expect(screen.getByText('还没有答复，管理员答复后会显示在这里。')).toBeTruthy();
    expect(screen.getByText(/^投诉 · .* · 待回复$/)).toBeTruthy();
    expect(screen.getByText(/^求助 · .* · 已回复$/)).toBeTruthy();
    fireEvent.click(button('写新的反馈'));
    expect(nav.openPage).toHaveBeenCalledWith(pages.feedbackWrite);
  });
});

describe('处理意见反馈 (administrator)', () => {
  it('lists the open messages with who wrote them, answers one, and shows the answered ones on their tab', async () => {
    let answeredNow = false;
    const list: Route = (req) => {
      if (req.method !== 'GET' || !req.url.startsWith('/api/v1/orgs/o1/feedback')) return undefined;
      const status = new URL(req.url, 'http://x').searchParams.get('status');
      const all = answeredNow ? [{ ...open, status: 'answered', answer: '已请支部提前三天通知。', answeredAt: '2026-11-04T02:00:00.000Z', answeredByName: '党工委管理员' }] : [open];
      return { status: 200, body: { items: all.filter((f) => f.status === status) } };
    };
    const answer: Route = (req) => {
      if (req.method !== 'POST' || req.url !== '/api/v1/feedback/fb-1/answer') return undefined;
      answeredNow = true;
      return { status: 200, body: { ...open, status: 'answered', answer: (req.body as { answer: string }).answer } };
    };
    renderPage(FeedbackAnswerPage, admin, list, answer);
    expect(await screen.findByText('王建国（党员），第一支部，关于本支部的工作')).toBeTruthy();
    expect(screen.getByText('通知太晚了，希望提前三天告知。')).toBeTruthy();

    fireEvent.click(button('提交答复'));
    expect(await screen.findByText('请写下答复（至少 2 个字）')).toBeTruthy();
    fireEvent.input(await box('答复王建国'), { target: { value: '已请支部提前三天通知。' } });
    fireEvent.click(button('提交答复'));
    expect(await screen.findByText('没有待回复的意见反馈。')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ answer: '已请支部提前三天通知。' });

    fireEvent.click(button('已回复'));
    expect(await screen.findByText(/答复：已请支部提前三天通知。$/)).toBeTruthy();
  });
});

describe('the footer of the start pages', () => {
  it('offers 意见反馈 to those who may write, 处理意见反馈 to administrators, and the policy to all', () => {
    const { unmount } = renderWith(<FooterLinks me={member} />, member);
    fireEvent.click(button('意见反馈'));
    expect(nav.openPage).toHaveBeenCalledWith(pages.feedbackWrite);
    expect(screen.queryByText('处理意见反馈')).toBeNull();
    unmount();

    const second = renderWith(<FooterLinks me={admin} />, admin);
    fireEvent.click(button('处理意见反馈'));
    expect(nav.openPage).toHaveBeenCalledWith(pages.feedbackAnswer);
    expect(screen.queryByText('意见反馈')).toBeNull();
    second.unmount();

    render(<FooterLinks me={inspector} />);
    expect(screen.queryByText('意见反馈')).toBeNull();
    expect(screen.queryByText('处理意见反馈')).toBeNull();
    expect(screen.getByText('个人信息保护政策')).toBeTruthy();
  });
});
