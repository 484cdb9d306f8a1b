import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { ElderPage } from '@/components/ElderPage';
import { openPage } from '@/adapters/navigation';
import { openPrivacyGuide, privacyGate } from '@/adapters/privacy';
import { agreeButtonId, createPrivacyGate, needOf, type PrivacyAnswer } from '@/services/privacy-gate';
import { pages } from '@/services/routes';
import { operatorMissingWords, privacyPolicyVersion } from '@ltx/shared/domain/privacy-policy';

vi.mock('@/adapters/navigation', () => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
// The real gate and agree button; only the call into WeChat's guide is watched.
vi.mock('@/adapters/privacy', async (original) => ({ ...(await original<typeof import('@/adapters/privacy')>()), openPrivacyGuide: vi.fn() }));

const { default: PrivacyPolicyPage } = await import('@/packages/about/pages/privacy/index');

/** A privacy API waiting, as WeChat's listener hands it over: its resolve records every answer. */
function waitingApi(gate = privacyGate, referrer = 'chooseMedia') {
  const answers: PrivacyAnswer[] = [];
  act(() => gate.ask((a) => answers.push(a), { referrer }));
  return answers;
}

afterEach(() => {
  // Nothing left waiting for the next test.
  if (privacyGate.state().asking) act(() => privacyGate.disagree());
  vi.mocked(openPrivacyGuide).mockClear();
  vi.mocked(openPage).mockClear();
});

describe('the privacy gate (what WeChat asks, what the person answers)', () => {
  it('tells WeChat the popup is shown, then lets every waiting request go on with the agree button named', () => {
    const gate = createPrivacyGate();
    const first = waitingApi(gate, 'chooseMedia');
    const second = waitingApi(gate, 'chooseMessageFile');
    // The first request's words stay while the second waits.
    expect(gate.state()).toEqual({ asking: true, need: needOf('chooseMedia') });
    gate.agree();
    expect(first).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: agreeButtonId }]);
    expect(second).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: agreeButtonId }]);
    expect(gate.state().asking).toBe(false);
  });

  it('fails the waiting request when the person declines, and asks again next time', () => {
    const gate = createPrivacyGate();
    const answers = waitingApi(gate);
    gate.disagree();
    expect(answers.at(-1)).toEqual({ event: 'disagree' });
    expect(gate.state().asking).toBe(false);
    waitingApi(gate);
    expect(gate.state().asking).toBe(true);
  });

  it('says in words what each chooser is for and what will not work without agreement', () => {
    expect(needOf('chooseMedia')).toMatchObject({ action: '选一张照片', withoutIt: '不同意的话，这次不能上传照片；其他功能照常使用。' });
    expect(needOf('wx.chooseMessageFile').action).toBe('从微信聊天里选一个文件');
    expect(needOf('button.getPhoneNumber').action).toBe('使用这项功能');
  });
});

describe('the privacy popup on every page', () => {
  const page = () => render(<ElderPage title='我的积分'><Text>页面内容</Text></ElderPage>);

  it('is not there until WeChat asks', () => {
    page();
    expect(screen.getByText('页面内容')).toBeTruthy();
    expect(screen.queryByText('请先看一下隐私保护指引')).toBeNull();
  });

  it('shows what is asked for and why when WeChat asks; agreeing resolves with agree and the button id, and closes it', () => {
    page();
    const answers = waitingApi();
    expect(screen.getByText('请先看一下隐私保护指引')).toBeTruthy();
    expect(screen.getByText('您要选一张照片。按微信的规定，要先征得您的同意。')).toBeTruthy();
    expect(screen.getByText(needOf('chooseMedia').purpose)).toBeTruthy();
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    fireEvent.click(screen.getByText('同意，继续'));
    expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
    expect(screen.queryByText('请先看一下隐私保护指引')).toBeNull();
    expect(screen.getByText('页面内容')).toBeTruthy();
  });

  it('says what will not work, and declining resolves with disagree', () => {
    page();
    const answers = waitingApi(privacyGate, 'chooseMessageFile');
    expect(screen.getByText('不同意的话，这次不能选文件；其他功能照常使用。')).toBeTruthy();
    fireEvent.click(screen.getByText('暂不同意'));
    expect(answers.at(-1)).toEqual({ event: 'disagree' });
    expect(screen.queryByText('请先看一下隐私保护指引')).toBeNull();
  });

  it('opens WeChat’s 隐私保护指引 through the adapter, and the policy page, without answering for the person', () => {
    page();
    const answers = waitingApi();
    fireEvent.click(screen.getByText('查看《隐私保护指引》'));
    expect(openPrivacyGuide).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText('查看个人信息保护政策'));
    expect(openPage).toHaveBeenCalledWith(pages.privacyPolicy);
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    expect(screen.getByText('请先看一下隐私保护指引')).toBeTruthy();
  });
});

describe('the privacy policy page', () => {
  it('renders the versioned policy in Chinese only, with the operator still to be filled in, and a way back', () => {
    render(<PrivacyPolicyPage />);
    expect(screen.getByText('个人信息保护政策')).toBeTruthy();
    expect(screen.getByText(`第 ${privacyPolicyVersion.version} 版，2026年12月1日起施行`)).toBeTruthy();
    for (const title of ['二、收集哪些信息', '三、为什么收集', '四、谁能看到', '五、保存多久', '六、撤回同意和您的权利', '七、有问题找谁']) {
      expect(screen.getByText(title)).toBeTruthy();
    }
    expect(screen.getByText(`· ${operatorMissingWords}`)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[A-Za-z]/);
    expect(screen.getByText('返回')).toBeTruthy();
  });

  it('stays readable while a request waits: the popup is left off this page', () => {
    render(<PrivacyPolicyPage />);
    waitingApi();
    expect(screen.queryByText('请先看一下隐私保护指引')).toBeNull();
  });
});
