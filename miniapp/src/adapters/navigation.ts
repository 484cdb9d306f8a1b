import Taro from '@tarojs/taro';
import type { Role } from '@ltx/shared/domain/roles';
import { homeFor, pages } from '@/services/routes';

/** Opens a page on top of the current one (the back button returns). */
export function openPage(url: string): void {
  void Taro.navigateTo({ url });
}

/** Replaces the current page, e.g. a finished form with its result. */
export function replacePage(url: string): void {
  void Taro.redirectTo({ url });
}

export function goBack(): void {
  void Taro.navigateBack();
}

/**
 * Whether the page needs a back bar of its own: on H5, when it was opened from another page of the
 * app (a page opened afresh, by link or reload, has nowhere to go back to). WeChat draws its own back
 * arrow on weapp.
 */
export function needsBackBar(): boolean {
  return process.env.TARO_ENV === 'h5' && Taro.getCurrentPages().length > 1;
}

/** Starts afresh at a role's first page, dropping the page stack (after login or binding). */
export function goHome(role: Role): void {
  void Taro.reLaunch({ url: homeFor(role) });
}

function onLoginPage(): boolean {
  const stack = Taro.getCurrentPages();
  const route = stack[stack.length - 1]?.route ?? '';
  return `/${route.replace(/^\//, '')}`.startsWith(pages.login);
}

/** Back to the login page, unless already there (a 401 there must not loop). */
export function goLogin(): void {
  if (!onLoginPage()) void Taro.reLaunch({ url: pages.login });
}
