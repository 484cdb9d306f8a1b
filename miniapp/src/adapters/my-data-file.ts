import type { ExportOutcome } from '@/services/inspection-export';
import { myDataDownloadFailureText, myDataRequest } from '@/services/my-data';
import { downloadXlsx } from './xlsx-download';

const baseUrl = process.env.TARO_APP_API_BASE ?? '';

/** A copy of everything kept about the member (PIPL Art. 45), as an Excel file in Chinese. */
export async function downloadMyData(member: { memberId: string; memberName: string }): Promise<ExportOutcome> {
  const { url, fileName } = myDataRequest(baseUrl, member.memberId, member.memberName);
  return downloadXlsx(url, fileName, '已打开您的资料，可以转发到电脑上保存或打印', myDataDownloadFailureText);
}
