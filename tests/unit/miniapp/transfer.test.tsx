import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IncomingTransfers } from '@/components/IncomingTransfers';
import { TransferPanel } from '@/components/TransferPanel';
import type { Transfer } from '@/services/types';

/** The big button with these words (the same words may also be a heading). */
const button = (text: string) => screen.getAllByText(text).find((e) => e.closest('.btn'))!;

/** The boxes under the field labelled `label` (a date has three: 年, 月, 日), once Taro has drawn them. */
async function boxes(label: string) {
  return waitFor(() => {
    const found = Array.from(screen.getByText(label).closest('.field')?.querySelectorAll('input, textarea') ?? []);
    if (found.length === 0) throw new Error(`no box under ${label}`);
    return found;
  });
}

const destinations = [{ id: 'br-2', name: '第二离退休干部党支部' }, { id: 'br-3', name: '城北支部' }];
const props = { name: '王建国', joinedPartyOn: '1965-07-01', today: '2026-11-03', destinations, busy: false };
const transfer: Transfer = {
  id: 't-1', memberId: 'm-1', memberName: '王建国', fromBranchId: 'br-1', fromBranchName: '第一离退休干部党支部', toBranchId: 'br-2', toBranchName: '第二离退休干部党支部',
  on: '2026-11-01', note: '随子女迁居', status: 'pending', createdAt: '2026-11-02T01:00:00.000Z',
};

describe('TransferPanel (组织关系转出)', () => {
  it("offers the organisation's branches, checks the day, says what follows, and sends only after confirming", async () => {
    const onTransfer = vi.fn();
    render(<TransferPanel {...props} onTransfer={onTransfer} onCancel={() => {}} />);
    fireEvent.click(button('组织关系转出'));
    fireEvent.click(button('下一步：核对'));
    expect(await screen.findByText('请选择转入哪个支部')).toBeTruthy();
    expect(screen.getByText('请填写转接日期')).toBeTruthy();

    fireEvent.click(button('城北支部'));
    const [year, month, day] = await boxes('转接日期');
    fireEvent.input(year!, { target: { value: '2026' } });
    fireEvent.input(month!, { target: { value: '11' } });
    fireEvent.input(day!, { target: { value: '4' } });
    fireEvent.click(button('下一步：核对'));
    expect(await screen.findByText('转接日期不能晚于今天')).toBeTruthy();
    expect(onTransfer).not.toHaveBeenCalled();

    fireEvent.input(day!, { target: { value: '1' } });
    fireEvent.click(button('下一步：核对'));
    expect(await screen.findByText(/请核对：王建国的组织关系自2026年11月1日起转至城北支部。提交后要等城北支部接收；接收以前，王建国仍在本支部名单上/)).toBeTruthy();
    fireEvent.click(button('返回修改'));
    fireEvent.click(button('下一步：核对'));
    fireEvent.click(await waitFor(() => button('确认转出')));
    expect(onTransfer).toHaveBeenCalledWith({ toBranchId: 'br-3', on: '2026-11-01' });
  });

  it('shows a transfer waiting for the other side, and cancels it only after a second tap', () => {
    const onCancel = vi.fn();
    render(<TransferPanel {...props} pending={transfer} onTransfer={() => {}} onCancel={onCancel} error='这条组织关系转接已经办结' />);
    expect(screen.getByText('王建国的组织关系转至第二离退休干部党支部（2026年11月1日），等待对方接收')).toBeTruthy();
    expect(screen.getByText('这条组织关系转接已经办结')).toBeTruthy();
    fireEvent.click(button('撤回这条转接'));
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(button('返回，不撤回'));
    fireEvent.click(button('撤回这条转接'));
    fireEvent.click(button('确认撤回'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('IncomingTransfers (待接收的转入党员)', () => {
  it('names who comes from where and when, and accepts or declines only after asking once more', () => {
    const onAccept = vi.fn();
    const onDecline = vi.fn();
    render(<IncomingTransfers transfers={[transfer]} onAccept={onAccept} onDecline={onDecline} />);
    expect(screen.getByText('待接收的转入党员')).toBeTruthy();
    expect(screen.getByText('王建国，由第一离退休干部党支部转入，转接日期2026年11月1日')).toBeTruthy();
    fireEvent.click(button('接收'));
    expect(screen.getByText(/接收后，王建国列入本支部党员名单，自2026年11月1日起计入本支部的会议和预警/)).toBeTruthy();
    expect(onAccept).not.toHaveBeenCalled();
    fireEvent.click(button('返回'));
    fireEvent.click(button('不接收'));
    fireEvent.click(button('确认不接收'));
    expect(onDecline).toHaveBeenCalledWith('t-1');
    fireEvent.click(button('返回'));
    fireEvent.click(button('接收'));
    fireEvent.click(button('确认接收'));
    expect(onAccept).toHaveBeenCalledWith('t-1');
  });

  it('shows nothing when no one waits', () => {
    const { container } = render(<IncomingTransfers transfers={[]} onAccept={() => {}} onDecline={() => {}} />);
    expect(container.textContent).toBe('');
  });
});
