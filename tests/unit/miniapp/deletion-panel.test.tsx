import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DeletionPanel } from '@/components/DeletionPanel';
import { deletedMemberName, deletionRef } from '@ltx/shared/domain/member-deletion';

/** The big button with these words (the same words may also be a heading). */
const button = (text: string) => screen.getAllByText(text).find((e) => e.closest('.btn'))!;

const departed = { id: 'm-7', name: '王建国', departure: { reason: 'deceased' as const, on: '2023-05-03', effectiveOn: '2023-05-03', recordedAt: '2023-05-04T01:00:00.000Z' } };

describe('DeletionPanel', () => {
  it('asks the reason, says in words what goes and what stays, and deletes only after confirming', () => {
    const onDelete = vi.fn();
    render(<DeletionPanel member={departed} today='2026-12-01' busy={false} onDelete={onDelete} />);
    fireEvent.click(button('删除这位党员的个人信息'));
    fireEvent.click(button('下一步：核对'));
    expect(screen.getByText('请选择删除原因')).toBeTruthy();
    fireEvent.click(button('家属申请删除'));
    fireEvent.click(button('下一步：核对'));
    expect(screen.getByText(new RegExp(`原因：家属申请删除。删除后，王建国的姓名、电话、住址、健康与照护信息.*不能恢复.*其中的姓名改为“${deletedMemberName(deletionRef('m-7'))}”`))).toBeTruthy();
    // The way back changes nothing.
    fireEvent.click(button('返回，不删除'));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(button('下一步：核对'));
    fireEvent.click(button('确认删除'));
    expect(onDelete).toHaveBeenCalledWith('family_request');
  });

  it('says from which day the archive rules allow it, with no button before', () => {
    render(<DeletionPanel member={{ ...departed, departure: { ...departed.departure, on: '2025-06-10', effectiveOn: '2025-06-10' } }} today='2026-12-01' busy={false} onDelete={() => {}} />);
    expect(screen.getByText('按台账保存的规定，逝世或离开满2年后才能删除，2027年6月10日起可以删除。')).toBeTruthy();
    expect(screen.queryByText('删除这位党员的个人信息')).toBeNull();
  });

  it('shows a deletion done as a fact, with the name the ledgers now use', () => {
    render(<DeletionPanel member={{ ...departed, name: '已删除的党员（0042号）', deletedOn: '2026-12-01' }} today='2026-12-01' busy={false} onDelete={() => {}} />);
    expect(screen.getByText('个人信息已删除')).toBeTruthy();
    expect(screen.getByText(/2026年12月1日删除。.*其中记为“已删除的党员（0042号）”/)).toBeTruthy();
  });
});
