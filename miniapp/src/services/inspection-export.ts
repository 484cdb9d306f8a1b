/**
 * The ledger's two exports: a workbook (one sheet per section) and a page made for printing.
 * The API path is `/branches/{id}/ledger/export?period=&format=xlsx|pdf`; `pdf` answers an HTML
 * page to print (or save as PDF from the browser).
 */
export type ExportFormat = 'xlsx' | 'pdf';

export interface ExportRequest {
  /** Absolute on the mini-program (the API origin), same-origin on H5. */
  url: string;
  format: ExportFormat;
  /** What the saved file is called: 第一离退休干部党支部台账-2026-10.xlsx */
  fileName: string;
}

/** The export's address under the API base ('' on H5). */
export function exportUrl(baseUrl: string, branchId: string, period: string, format: ExportFormat): string {
  const q = `period=${encodeURIComponent(period)}&format=${format}`;
  return `${baseUrl}/api/v1/branches/${encodeURIComponent(branchId)}/ledger/export?${q}`;
}

/** The name the server gives the file too (the print page is an .html file). */
export function exportFileName(branchName: string, period: string, format: ExportFormat): string {
  return `${branchName}台账-${period}.${format === 'xlsx' ? 'xlsx' : 'html'}`;
}

export function exportRequest(baseUrl: string, ledger: { branchId: string; branchName: string; period: string }, format: ExportFormat): ExportRequest {
  return { url: exportUrl(baseUrl, ledger.branchId, ledger.period, format), format, fileName: exportFileName(ledger.branchName, ledger.period, format) };
}

/** What an export led to, to say under the buttons (never a pop-up). */
export type ExportOutcome = { ok: true; message: string } | { ok: false; message: string };

export const exportWords = {
  xlsx: { button: '导出 Excel', busy: '正在导出 Excel……' },
  pdf: { button: '打印版', busy: '正在打开打印版……' },
} as const;

/** The sentence for an HTTP status the export answered with. */
export function exportFailureText(status: number): string {
  if (status === 401) return '登录已过期，请重新登录后再导出';
  if (status === 403 || status === 404) return '您没有这个支部台账的导出权限';
  if (status === 0) return '网络连接失败，请检查网络后重试';
  return '导出没有成功，请稍后再试';
}
