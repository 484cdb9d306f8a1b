import { useRef } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';

/**
 * Reloads when the page comes back into view (e.g. after the edit page it opened is closed),
 * but not on the first showing, which the page's own load already covers.
 */
export function useReloadOnReturn(reload: () => void): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) reload();
    shownBefore.current = true;
  });
}

/** A query parameter of the current page, e.g. `id` in `...?id=m-001`. */
export function usePageParam(name: string): string | undefined {
  const value = useRouter().params[name];
  return value ? decodeURIComponent(value) : undefined;
}
