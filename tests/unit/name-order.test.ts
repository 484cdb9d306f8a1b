import { describe, expect, it } from 'vitest';
import { byNumberedName, byPinyin, nameMatches, pinyinInitials, sortByName } from '../../shared/src/domain/name-order';

describe('one order for names', () => {
  it('sorts by pinyin, not by Unicode code point', () => {
    const names = ['赵敏', '王建国', '阿秀', '李秀英', '陈红', '张伟'];
    expect([...names].sort(byPinyin)).toEqual(['阿秀', '陈红', '李秀英', '王建国', '张伟', '赵敏']);
    // Code-point order would put 张 (U+5F20) before 李 (U+674E): the bug this replaces.
    expect([...names].sort()).not.toEqual([...names].sort(byPinyin));
  });

  it('sorts records by the name they carry, leaving the input alone', () => {
    const rows = [{ n: '赵敏' }, { n: '陈红' }];
    expect(sortByName(rows, (r) => r.n).map((r) => r.n)).toEqual(['陈红', '赵敏']);
    expect(rows[0]!.n).toBe('赵敏');
  });

  it('gives the pinyin initials of a name', () => {
    expect(pinyinInitials('王建国')).toBe('WJG');
    expect(pinyinInitials('李秀英')).toBe('LXY');
    expect(pinyinInitials('张伟')).toBe('ZW');
  });

  it('finds a name by part of it or by the start of its initials, any case', () => {
    expect(nameMatches('王建国', '建国')).toBe(true);
    expect(nameMatches('王建国', 'wjg')).toBe(true);
    expect(nameMatches('王建国', 'WJ')).toBe(true);
    expect(nameMatches('王建国', ' w ')).toBe(true);
    expect(nameMatches('王建国', 'jg')).toBe(false);
    expect(nameMatches('王建国', '李')).toBe(false);
    expect(nameMatches('王建国', '')).toBe(true);
  });
});

describe('names that count', () => {
  it('orders branches by their number, as people count them, not by the numeral’s pinyin', () => {
    const branches = ['城北第二支部', '城北第十支部', '城北第一支部', '城北第十二支部', '城北第三支部', '城南第一支部'];
    expect([...branches].sort(byNumberedName)).toEqual(['城北第一支部', '城北第二支部', '城北第三支部', '城北第十支部', '城北第十二支部', '城南第一支部']);
    // Pinyin alone puts 第二 (er) before 第一 (yi).
    expect([...branches].sort(byPinyin)[0]).toBe('城北第二支部');
  });
});
