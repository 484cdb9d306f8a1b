import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DemoAccountList } from '@/components/DemoAccountList';
import { MemberHome } from '@/components/MemberHome';
import { ElderPage } from '@/components/ElderPage';
import { MemberRow } from '@/components/MemberRow';
import { BranchCard } from '@/components/BranchCard';
import { AttachmentLinks, PhotoThumbs } from '@/components/Attachments';
import { mediaCheckLabels } from '@ltx/shared/labels';
import type { Me, MemberSummary } from '@/services/types';
import { meOf } from './me';

const accounts = [
  { account: 'wang', label: '王建国', role: 'member' as const },
  { account: 'li', label: '李明华', role: 'secretary' as const },
];

describe('DemoAccountList', () => {
  it('shows every demo account as a button naming the person and the role in words', () => {
    render(<DemoAccountList accounts={accounts} onPick={() => {}} />);
    expect(screen.getByText('请点一下您的账号登录：')).toBeTruthy();
    expect(screen.getByText('王建国（党员）')).toBeTruthy();
    expect(screen.getByText('李明华（支部书记）')).toBeTruthy();
  });

  it('signs in with the tapped account', () => {
    const onPick = vi.fn();
    render(<DemoAccountList accounts={accounts} onPick={onPick} />);
    fireEvent.click(screen.getByText('李明华（支部书记）'));
    expect(onPick).toHaveBeenCalledWith('li');
  });

  it('says which account is signing in and ignores further taps meanwhile', () => {
    const onPick = vi.fn();
    render(<DemoAccountList accounts={accounts} onPick={onPick} busyAccount='wang' />);
    expect(screen.getByText('正在登录：王建国……')).toBeTruthy();
    fireEvent.click(screen.getByText('李明华（支部书记）'));
    expect(onPick).not.toHaveBeenCalled();
  });

  it('says so when there are no accounts', () => {
    render(<DemoAccountList accounts={[]} onPick={() => {}} />);
    expect(screen.getByText('没有可用的演示账号。')).toBeTruthy();
  });
});

const memberMe: Me = meOf({
  userId: 'u1',
  role: 'member',
  displayName: '王建国',
  branchId: 'b1',
  branchName: '第一党支部',
  memberId: 'm-001',
  memberName: '王建国',
  secretaryName: '李明华',
  attendanceMode: 'home_delivered',
});

describe('MemberHome', () => {
  it('shows the member, their branch, secretary and study mode in words', () => {
    render(<MemberHome me={memberMe} />);
    expect(screen.getByText('王建国')).toBeTruthy();
    expect(screen.getByText('我的支部：')).toBeTruthy();
    expect(screen.getByText('第一党支部')).toBeTruthy();
    expect(screen.getByText('李明华')).toBeTruthy();
    expect(screen.getByText('我的参学方式：')).toBeTruthy();
    expect(screen.getByText('送学上门')).toBeTruthy();
    expect(screen.queryByText(/您在代/)).toBeNull();
  });

  it('names the elder to a family proxy, in the third person', () => {
    render(<MemberHome me={meOf({ ...memberMe, role: 'proxy', displayName: '王小红', attendanceMode: 'online' })} />);
    expect(screen.getByText('王建国的支部：')).toBeTruthy();
    expect(screen.getByText('王建国的参学方式：')).toBeTruthy();
    expect(screen.getByText('网上自学')).toBeTruthy();
    expect(screen.queryByText(/我的/)).toBeNull();
  });

  it('says 未设定 rather than leaving a blank when the branch has no secretary yet', () => {
    render(<MemberHome me={{ ...memberMe, secretaryName: undefined }} />);
    expect(screen.getByText('未设定')).toBeTruthy();
  });
});

describe('MemberRow', () => {
  const member: MemberSummary = {
    id: 'm-002',
    branchId: 'b1',
    name: '张桂兰',
    gender: 'female',
    age: 79,
    phoneMasked: '139****1111',
    livingSituation: 'elsewhere',
    attendanceMode: 'online',
    bound: false,
  };

  it('states age, group, masked phone, study mode and binding in words, and opens on tap', () => {
    const onOpen = vi.fn();
    render(<MemberRow member={member} onOpen={onOpen} />);
    for (const text of ['张桂兰', '女，79 岁', '党小组：未分组', '电话：139****1111', '参学方式：网上自学', '微信：未绑定']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    fireEvent.click(screen.getByText('张桂兰'));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});

describe('BranchCard', () => {
  it('shows counts per health class, zero for classes with nobody', () => {
    render(<BranchCard branch={{ id: 'b1', orgId: 'o1', name: '第一党支部', memberCount: 12, healthClassCounts: { healthy: 9, not_self_reliant: 3 } }} />);
    expect(screen.getByText('党员人数：12 人')).toBeTruthy();
    expect(screen.getByText('健康：9 人')).toBeTruthy();
    expect(screen.getByText('不能自理：3 人')).toBeTruthy();
    expect(screen.getByText('患小病：0 人')).toBeTruthy();
    expect(screen.getByText('支部书记：未设定')).toBeTruthy();
  });
});

describe('photos in WeChat\'s content check', () => {
  it('says in words that a photo is being checked or was refused, with no picture for a refused one', () => {
    const { container } = render(
      <PhotoThumbs
        photos={[
          { uploadId: 'a', name: '合影.png', url: 'https://x/a', checkText: mediaCheckLabels.checking },
          { uploadId: 'b', name: '横幅.png', url: '', checkText: mediaCheckLabels.rejected },
        ]}
        onOpen={() => {}}
      />,
    );
    expect(screen.getByText('审核中')).toBeTruthy();
    expect(screen.getByText('这张照片未通过内容安全审核，已隐藏')).toBeTruthy();
    expect(container.querySelectorAll('.thumb__img')).toHaveLength(1);
  });

  it('offers no button to open a refused attachment, only the note', () => {
    render(<AttachmentLinks files={[{ uploadId: 'b', name: '横幅.png', url: '', checkText: mediaCheckLabels.rejected }]} onOpen={() => {}} />);
    expect(screen.queryByText(/打开附件/)).toBeNull();
    expect(screen.getByText(mediaCheckLabels.rejected)).toBeTruthy();
  });
});

describe('ElderPage', () => {
  it('holds the proxy banner in the frame\'s top, which stays in view while the page scrolls', () => {
    const { container } = render(
      <ElderPage title='请支部送学上门' proxyFor='王建国' privacyPopup={false}>
        <span>内容</span>
      </ElderPage>,
    );
    const banner = screen.getByText('您在代 王建国 办理');
    expect(banner.closest('.elder-page__top')).toBeTruthy();
    // The frame's top comes before the title and the page's own content.
    const top = container.querySelector('.elder-page__top')!;
    expect(top.compareDocumentPosition(screen.getByText('请支部送学上门')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows no banner to anyone acting for themselves', () => {
    render(<ElderPage title='我的积分' privacyPopup={false} />);
    expect(screen.queryByText(/您在代/)).toBeNull();
  });
});
