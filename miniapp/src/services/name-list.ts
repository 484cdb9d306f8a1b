import { nameMatches } from '@ltx/shared/domain/name-order';

/** A long list of people as a page draws it: the lines to show, and the ones folded away under one line. */
export interface FoldedList<T> {
  shown: T[];
  folded: T[];
}

interface Options<T> {
  name: (row: T) => string;
  /** The ordinary lines (出席) that fold away so the exceptions stand out. */
  ordinary: (row: T) => boolean;
  /** What was typed in the search box: then every match shows, nothing folds. */
  query: string;
  /** Lines that stay in view even when ordinary: the one being changed, the one chosen. */
  keep?: (row: T) => boolean;
  /** Among the shown lines, lower ranks first (e.g. recorded exceptions before unrecorded lines). */
  rank?: (row: T) => number;
}

/**
 * Exceptions first, the ordinary lines folded: for a branch of 50, the secretary sees the four who
 * are away, not ten screens of 出席. The rows keep the order they came in (the server's pinyin order)
 * within each rank, so the mini-program need not trust its own runtime to sort Chinese.
 */
export function foldList<T>(rows: readonly T[], { name, ordinary, query, keep, rank }: Options<T>): FoldedList<T> {
  const found = rows.filter((r) => nameMatches(name(r), query));
  if (query.trim()) return { shown: found, folded: [] };
  const shown = found.filter((r) => !ordinary(r) || keep?.(r));
  const folded = found.filter((r) => ordinary(r) && !keep?.(r));
  const ranked = rank ? shown.map((r, i) => ({ r, i, k: rank(r) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.r) : shown;
  return { shown: ranked, folded };
}

/** Lists shorter than this show every line and no search box: folding seven people helps nobody. */
export const foldFrom = 10;
