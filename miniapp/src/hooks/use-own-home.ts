import { useEffect } from 'react';
import { goHome } from '@/adapters/navigation';
import { homeFor, type PagePath } from '@/services/routes';
import { useMe } from './use-me';

/**
 * The signed-in person on one of the start pages. Someone else's start page opened (a bookmark,
 * a shared link) sends them to their own; `misplaced` says so meanwhile, so nothing is loaded for it.
 */
export function useOwnHome(page: PagePath) {
  const me = useMe();
  const role = me.data?.role;
  const misplaced = role !== undefined && homeFor(role) !== page;
  useEffect(() => {
    if (misplaced && role) goHome(role);
  }, [misplaced, role]);
  return { me, misplaced };
}
