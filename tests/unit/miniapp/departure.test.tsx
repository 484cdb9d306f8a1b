import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DeparturePanel } from '@/components/DeparturePanel';
import { splitRoll } from '@/services/departure-words';

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

const props = { name: '王建国', joinedPartyOn: '1965-07-01', today: '2026-11-03', busy: false };

describe('DeparturePanel', () => {
  it('opens a form, checks the day, shows in words what follows, and records only after confirming', async () => {
    const onRecord = vi.fn();
    render(<DeparturePanel {...props} onRecord={onRecord} onUndo={() => {}} />);
    fireEvent.click(button('登记逝世或离开'));
    fireEvent.click(button('逝世'));
    const [year, month, day] = await boxes('日期');
    fireEvent.input(year!, { target: { value: '2026' } });
    fireEvent.input(month!, { target: { value: '11' } });
    fireEvent.input(day!, { target: { value: '4' } });
    fireEvent.click(button('下一步：核对'));
    expect(await screen.findByText('日期不能晚于今天')).toBeTruthy();
    expect(onRecord).not.toHaveBeenCalled();

    fireEvent.input(day!, { target: { value: '1' } });
    fireEvent.click(button('下一步：核对'));
    expect(await screen.findByText(/请核对：王建国同志于2026年11月1日逝世。登记后，自这一天起不再给本人和家属发提醒/)).toBeTruthy();
    // A way back keeps what was typed.
    fireEvent.click(button('返回修改'));
    fireEvent.click(button('下一步：核对'));
    fireEvent.click(await waitFor(() => button('确认登记')));
    expect(onRecord).toHaveBeenCalledWith({ reason: 'deceased', on: '2026-11-01' });
  });

  it('asks for the reason and the day before going on, and can be left without recording', async () => {
    const onRecord = vi.fn();
    render(<DeparturePanel {...props} onRecord={onRecord} onUndo={() => {}} />);
    fireEvent.click(button('登记逝世或离开'));
    fireEvent.click(button('下一步：核对'));
    expect(await screen.findByText('请选择是逝世还是离开本支部')).toBeTruthy();
    expect(screen.getByText('请填写日期')).toBeTruthy();
    fireEvent.click(button('返回，不登记'));
    expect(button('登记逝世或离开')).toBeTruthy();
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('shows a recorded departure as a fact, and takes it back only after a second tap', () => {
    const onUndo = vi.fn();
    render(
      <DeparturePanel {...props} departure={{ reason: 'transferred_out', on: '2026-10-20', effectiveOn: '2026-10-20', note: '转至城北第二支部', recordedAt: '2026-10-21T01:00:00.000Z' }} onRecord={() => {}} onUndo={onUndo} error='记录已被他人修改，请刷新后重试' />,
    );
    expect(screen.getByText('王建国已于2026年10月20日组织关系转出本支部')).toBeTruthy();
    expect(screen.getByText('备注：转至城北第二支部')).toBeTruthy();
    expect(screen.getByText('记录已被他人修改，请刷新后重试')).toBeTruthy();
    fireEvent.click(button('登记有误，撤销'));
    expect(onUndo).not.toHaveBeenCalled();
    fireEvent.click(button('确认撤销这条登记'));
    expect(onUndo).toHaveBeenCalledTimes(1);
  });
});

describe('the roll in sections', () => {
  it('keeps members on the roll apart from the departed, deceased first', () => {
    const m = (name: string, reason?: 'deceased' | 'transferred_out' | 'left') => ({ name, ...(reason ? { departure: { reason, on: '2026-10-01', effectiveOn: '2026-10-01', recordedAt: '2026-10-01T00:00:00.000Z' } } : {}) });
    const roll = splitRoll([m('甲'), m('乙', 'transferred_out'), m('丙', 'deceased'), m('丁'), m('戊', 'left')]);
    expect(roll.active.map((x) => x.name)).toEqual(['甲', '丁']);
    expect(roll.sections.map((s) => [s.title, s.members.map((x) => x.name)])).toEqual([['已故党员', ['丙']], ['已离开本支部', ['乙', '戊']]]);
  });
});
