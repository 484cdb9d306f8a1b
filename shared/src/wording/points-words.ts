/**
 * Points said the way members say them: "加 2 分" and "扣 2 分", the sign in words (never a bare
 * minus, which a tired eye misses), and a correction as what it takes back: "更正：撤回11月3日的加分".
 */
import { pointsWords } from '../labels';
import { dateWords, type DateWordsOptions } from './time-words';

/** 加 2 分 / 扣 2 分 / 0 分. */
export function pointsAmount(points: number): string {
  if (points > 0) return `加 ${points} 分`;
  if (points < 0) return `扣 ${-points} 分`;
  return '0 分';
}

/**
 * The title of a correction: what it takes back, from the sign of the correction itself (a
 * correction of 扣 2 分 takes back a 加分) and, when known, the day of the entry it takes back.
 */
export function correctionTitle(points: number, originalDate: string | undefined, options: DateWordsOptions = {}): string {
  const taken = points < 0 ? pointsWords.add : pointsWords.subtract;
  const day = originalDate ? `${dateWords(originalDate, { ...options, weekday: false })}的` : '一条';
  return `${pointsWords.correction}：撤回${day}${taken}`;
}
