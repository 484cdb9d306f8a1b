/**
 * Runs `work` on every item, `size` at a time, answering the results in the items' order: a long
 * list does not open hundreds of requests at once, and a short one costs one round.
 */
export async function inGroups<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}
