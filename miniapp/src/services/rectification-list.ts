import type { Rectification, Review } from './types';
import { sortItems } from './inspection-words';

/** An item with what the secretary needs to read beside it: the opinion, who wrote it, for which period. */
export interface ItemWithReview extends Rectification {
  opinion: string;
  reviewBy: string;
}

/**
 * The items of the reviews of several periods in one list, each once (the same review cannot
 * come back for two periods, but a retried request could repeat one), the ones wanting attention first.
 */
export function collectItems(reviewLists: readonly (readonly Review[])[]): ItemWithReview[] {
  const seen = new Set<string>();
  const items: ItemWithReview[] = [];
  for (const review of reviewLists.flat()) {
    for (const item of review.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push({ ...item, opinion: review.opinion, reviewBy: review.byName });
    }
  }
  return sortItems(items);
}

/** The items still open (not accepted): what the secretary's home lists. */
export const openOnly = <T extends Pick<Rectification, 'status'>>(items: readonly T[]) => items.filter((i) => i.status !== 'accepted');

/** Items with any newer version an answer, acceptance or return came back with (the higher version wins). */
export function withNewer<T extends Rectification>(items: readonly T[], fresh: readonly Rectification[]): T[] {
  return items.map((i) => {
    const newest = fresh.filter((f) => f.id === i.id && f.version > i.version).sort((a, b) => b.version - a.version)[0];
    return newest ? { ...i, ...newest } : i;
  });
}
