import { describe, expect, it } from 'vitest';
import { deletableFrom, deletedMemberName, deletionRef, deletionRefusal } from '@ltx/shared/domain/member-deletion';
import { anonymiseEntry, type ErasureTarget } from '../../functions/src/repositories/member-erasure-repository';
import type { AuditEntry } from '@ltx/shared/domain/audit-sentences';

describe('when a departed member may be deleted', () => {
  it('is two full years after the departure day, 29 February counting to 1 March', () => {
    expect(deletableFrom('2024-05-03')).toBe('2026-05-03');
    expect(deletableFrom('2024-02-29')).toBe('2026-03-01');
  });

  it('refuses a member on the roll, one transferred out and one who left too recently, each in words', () => {
    expect(deletionRefusal({}, '2026-12-01')).toContain('还在党员名单上');
    expect(deletionRefusal({ departure: { reason: 'transferred_out', on: '2020-01-01' } }, '2026-12-01')).toContain('由接收的支部保管');
    expect(deletionRefusal({ departure: { reason: 'deceased', on: '2025-03-05' } }, '2026-12-01')).toBe('按台账保存的规定，逝世或离开满2年后才能删除，2027年3月5日起可以删除。');
    expect(deletionRefusal({ departure: { reason: 'deceased', on: '2024-12-01' } }, '2026-11-30')).toBeDefined();
    expect(deletionRefusal({ departure: { reason: 'deceased', on: '2024-12-01' } }, '2026-12-01')).toBeUndefined();
    expect(deletionRefusal({ departure: { reason: 'left', on: '2020-06-01' } }, '2026-12-01')).toBeUndefined();
  });

  it('names the deleted member by four digits fixed by their id, different for different members', () => {
    expect(deletionRef('m-1')).toMatch(/^\d{4}$/);
    expect(deletionRef('m-1')).toBe(deletionRef('m-1'));
    const refs = new Set(Array.from({ length: 200 }, (_, i) => deletionRef(`member-${i}`)));
    expect(refs.size).toBeGreaterThan(190);
    expect(deletedMemberName('0042')).toBe('已删除的党员（0042号）');
  });
});

describe('an audit entry made anonymous', () => {
  const target = (names: string[]): ErasureTarget => ({
    memberId: 'm-1', anonymisedName: '已删除的党员（0042号）', anonymisedProxyName: '已删除的党员（0042号）的家属',
    names: new Set(names), memberUserIds: new Set(['u-member']), proxyUserIds: new Set(['u-proxy']), targetIds: new Set(['m-1', 'visit-1']),
  });
  const entry = (e: Partial<AuditEntry>): AuditEntry => ({ at: '2026-11-03T01:30:00.000Z', actorUserId: 'u-sec', action: 'attendance.mark', targetType: 'session', targetId: 's-1', ...e });

  it('replaces the member\'s name wherever it stands, and the names of their own and their proxy\'s accounts', () => {
    const lines = anonymiseEntry(entry({ lines: [{ name: '王建国', status: 'present' }, { name: '李秀英', status: 'excused' }], cleared: ['王建国'] }), target(['王建国']));
    expect(lines.lines).toEqual([{ name: '已删除的党员（0042号）', status: 'present' }, { name: '李秀英', status: 'excused' }]);
    expect(lines.cleared).toEqual(['已删除的党员（0042号）']);
    const byProxy = anonymiseEntry(entry({ action: 'visit.request', targetType: 'visit', targetId: 'visit-1', actorUserId: 'u-proxy', actorName: '刘芳', memberName: '王建国' }), target(['王建国']));
    expect(byProxy).toMatchObject({ actorName: '已删除的党员（0042号）的家属', memberName: '已删除的党员（0042号）' });
  });

  it('with a namesake in the branch, rewrites only entries that point at the member by id, and leaves others as they were', () => {
    const namesake = entry({ action: 'member.update', targetType: 'member', targetId: 'm-2', memberName: '王建国' });
    expect(anonymiseEntry(namesake, target([]))).toBe(namesake);
    expect(anonymiseEntry(entry({ action: 'member.update', targetType: 'member', targetId: 'm-1', memberName: '王建国' }), target([])).memberName).toBe('已删除的党员（0042号）');
    const unrelated = entry({ memberName: '李秀英', actorName: '张卫东' });
    expect(anonymiseEntry(unrelated, target(['王建国']))).toBe(unrelated);
  });
});
