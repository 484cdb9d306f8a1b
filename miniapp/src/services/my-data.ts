/** Where the member's own data copy comes from, and what the page says when it does not come. */
export function myDataRequest(baseUrl: string, memberId: string, memberName: string): { url: string; fileName: string } {
  return { url: `${baseUrl}/api/v1/members/${encodeURIComponent(memberId)}/my-data`, fileName: `${memberName}的个人资料.xlsx` };
}

export function myDataDownloadFailureText(status: number): string {
  if (status === 401) return '登录已过期，请重新登录后再下载';
  if (status === 403 || status === 404) return '没有查看这位党员资料的权限';
  if (status === 0) return '网络连接失败，请检查网络后重试';
  return '下载没有成功，请稍后再试';
}
