/** Why a file did not come, in words: the status of its answer (0: no answer), and what "no access" means for this file. */
export function downloadFailureText(status: number, noAccess: string): string {
  if (status === 401) return '登录已过期，请重新登录后再下载';
  if (status === 403 || status === 404) return noAccess;
  if (status === 0) return '网络连接失败，请检查网络后重试';
  return '下载没有成功，请稍后再试';
}
