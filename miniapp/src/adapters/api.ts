import { createApiClient } from '@/services/api-client';
import { taroRequest } from './request';
import { clearToken, getToken, noteSignOut } from './storage';
import { goLogin } from './navigation';

/** The one API client the app uses, wired to Taro's request, storage and navigation. */
export const api = createApiClient({
  request: taroRequest,
  baseUrl: process.env.TARO_APP_API_BASE ?? '',
  getToken,
  onUnauthorized: (why) => {
    clearToken();
    noteSignOut(why.message);
    goLogin();
  },
});
