import { downloadFailureText } from './file-download';

/** Where the member's own data copy comes from, and what the page says when it does not come. */
export function myDataRequest(baseUrl: string, memberId: string, memberName: string): { url: string; fileName: string } {
  return { url: `${baseUrl}/api/v1/members/${encodeURIComponent(memberId)}/my-data`, fileName: `${memberName}的个人资料.xlsx` };
}

export const myDataDownloadFailureText = (status: number): string => downloadFailureText(status, '没有查看这位党员资料的权限');
