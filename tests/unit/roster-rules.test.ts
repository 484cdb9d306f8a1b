import { describe, expect, it } from 'vitest';
import { planRoster, readDay, rosterRowText, type RosterMember } from '@ltx/shared/domain/roster';

const today = '2026-11-30';
const wang: RosterMember = {
  id: 'm1', version: 3, departed: false, name: '王建国', gender: 'male', birthDate: '1944-03-12', joinedPartyOn: '1965-07-01', partyGroup: '第一党小组',
  phone: '13800010001', livingSituation: 'with_family',
};
const cells = { name: '王建国', gender: '男', birthDate: '1944-03-12', joinedPartyOn: '1965-07-01', partyGroup: '第一党小组', livingSituation: '与家人同住' };

describe('the roster file', () => {
  it('reads the ways people write a day, and refuses days that do not exist', () => {
    expect(readDay('1945-10-01')).toBe('1945-10-01');
    expect(readDay('1945/10/1')).toBe('1945-10-01');
    expect(readDay('1945年10月1日')).toBe('1945-10-01');
    expect(readDay('1930-02-30')).toBeUndefined();
    expect(readDay('1900-02-29')).toBeUndefined();
    expect(readDay('2000-02-29')).toBe('2000-02-29');
    expect(readDay('十月一日')).toBeUndefined();
  });

  it('matches by name and birth date; empty optional cells leave what is stored', () => {
    const [same, moved, other] = planRoster(
      [{ row: 2, cells }, { row: 3, cells: { ...cells, name: '李秀英', birthDate: '1937-11-02' } }, { row: 4, cells: { ...cells, birthDate: '1944-03-13', livingSituation: '独居' } }],
      [wang],
      today,
    );
    expect(same).toMatchObject({ outcome: 'unchanged', memberId: 'm1', baseVersion: 3 });
    expect(moved?.outcome).toBe('create');
    // Same name, another birth date: another person.
    expect(other?.outcome).toBe('create');
    const [changed] = planRoster([{ row: 2, cells: { ...cells, phone: '138 0001 0009', livingSituation: '独居' } }], [wang], today);
    expect(changed).toMatchObject({ outcome: 'update', changes: ['phone', 'livingSituation'] });
    expect(rosterRowText(changed!)).toBe('第 2 行 王建国：更新（手机号、居住情况）');
  });

  it('judges dates by the day given, and a repeated person by the first row', () => {
    const [future] = planRoster([{ row: 2, cells: { ...cells, name: '新人', joinedPartyOn: '2026-12-01' } }], [], today);
    expect(future?.errors?.[0]).toBe('第 2 行「入党日期」：2026年12月1日还没有到，不能晚于今天');
    const plans = planRoster([{ row: 2, cells }, { row: 3, cells }], [], today);
    expect(plans[1]?.errors?.[0]).toContain('与第 2 行是同一人');
    expect(planRoster([{ row: 2, cells: { ...cells, joinedPartyOn: '2026-11-30' } }], [], today)[0]?.outcome).toBe('create');
  });

  it('a departed member or two members with the same key are errors, never a guess', () => {
    expect(planRoster([{ row: 2, cells }], [{ ...wang, departed: true }], today)[0]?.errors?.[0]).toContain('已登记逝世或离开本支部');
    expect(planRoster([{ row: 2, cells }], [wang, { ...wang, id: 'm2' }], today)[0]?.errors?.[0]).toContain('无法确定是哪一位');
  });

  it('a branch without party groups takes names that look like one', () => {
    expect(planRoster([{ row: 2, cells: { ...cells, partyGroup: '第三党小组' } }], [], today)[0]?.outcome).toBe('create');
    expect(planRoster([{ row: 2, cells: { ...cells, partyGroup: '三组' } }], [], today)[0]?.errors?.[0]).toContain('应以“党小组”结尾');
  });
});
