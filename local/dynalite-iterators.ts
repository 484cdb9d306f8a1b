import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * dynalite 4.0.0 ends finished LevelDB iterators with `return()`, which abstract-level 3 iterators
 * lack, so every Query left its iterator open (~10 KB each: gigabytes over a long run). Giving
 * them `return()` that closes them stops the leak. Called before dynalite starts.
 */
export function closeFinishedIterators(): void {
  const levelDir = createRequire(require.resolve('dynalite'));
  const abstractLevel = createRequire(levelDir.resolve('level'));
  const classic = createRequire(abstractLevel.resolve('classic-level'))('abstract-level') as Record<string, { prototype: { return?: () => Promise<void>; close(): Promise<void> } }>;
  for (const name of ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator']) {
    const proto = classic[name]?.prototype;
    if (proto && !proto.return) {
      proto.return = function (this: { close(): Promise<void> }) {
        return this.close();
      };
    }
  }
}
