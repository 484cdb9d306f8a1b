/**
 * One order for people's names everywhere (the roll, attendance, points, correction forms): by pinyin,
 * as the branch reads a printed list (阿 … 张 … 赵). Both sides use this one comparator: the server
 * sorts what it sends, and the mini-program keeps that order when it filters or groups.
 */

// 'zh-CN' collation orders Han characters by pinyin (ICU's default for Chinese).
const collator = new Intl.Collator('zh-CN', { sensitivity: 'base', numeric: true });

/** Compare two names by pinyin; equal names stay in their order (Array.prototype.sort is stable). */
export const byPinyin = (a: string, b: string): number => collator.compare(a, b);

/** Sort a copy of `items` by the name `nameOf` gives each, in pinyin order. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => byPinyin(nameOf(a), nameOf(b)));
}

// The first character (in pinyin order) of each initial letter: a Han character's initial is the last
// boundary it does not sort before. There are no syllables starting with I, U or V.
const boundaries = '阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨他屲夕丫帀';
const letters = 'ABCDEFGHJKLMNOPQRSTWXYZ';

// A runtime whose Intl does not order Han by pinyin (some embedded engines) gives no initials rather than wrong ones.
const pinyinAware = byPinyin('阿', '八') < 0 && byPinyin('八', '帀') < 0 && byPinyin('张', '李') > 0;

function initialOf(ch: string): string {
  if (/[a-z0-9]/i.test(ch)) return ch.toUpperCase();
  if (!pinyinAware || !/\p{Script=Han}/u.test(ch)) return '';
  let found = '';
  for (let i = 0; i < boundaries.length; i++) {
    if (byPinyin(ch, boundaries[i]!) < 0) break;
    found = letters[i]!;
  }
  return found;
}

/** "王建国" -> "WJG": the first letter of each character's pinyin (the common reading). */
export function pinyinInitials(name: string): string {
  return [...name].map(initialOf).join('');
}

/**
 * Whether a typed search finds this name: part of the name (建国), or the start of its pinyin
 * initials (wjg, wj). An empty search finds everyone.
 */
export function nameMatches(name: string, query: string): boolean {
  const q = query.trim().replace(/\s+/g, '');
  if (!q) return true;
  if (name.includes(q)) return true;
  return /^[a-z]+$/i.test(q) && pinyinInitials(name).startsWith(q.toUpperCase());
}

const numerals = '一二三四五六七八九';

/** "第十二" -> "第12": a run of Chinese numerals (up to 九十九) as digits; any other run is left as it is. */
function withDigits(name: string): string {
  return name.replace(/[一二三四五六七八九十]+/g, (run) => {
    const digit = (c: string | undefined) => (c ? numerals.indexOf(c) + 1 : 0);
    if (run.length === 1) return String(run === '十' ? 10 : digit(run));
    const [tens, ones, ...rest] = run.split('十');
    if (rest.length || (tens ?? '').length > 1 || (ones ?? '').length > 1 || !run.includes('十')) return run;
    return String((tens ? digit(tens) : 1) * 10 + digit(ones));
  });
}

/**
 * Names of branches and groups, which count (第一支部, 第二支部 … 第十支部): by their number first, as people
 * count them, then by pinyin. Pinyin alone would put 第二 (er) before 第一 (yi).
 */
export const byNumberedName = (a: string, b: string): number => byPinyin(withDigits(a), withDigits(b));
