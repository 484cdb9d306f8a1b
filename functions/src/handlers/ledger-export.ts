import { ExportQuery } from '@ltx/shared/schemas/inspection';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseQuery, pathParam } from '../http/request';
import { route } from '../http/route';
import { ledgerPrintPage } from '../export/ledger-print';
import { ledgerWorkbook } from '../export/ledger-workbook';

/** xlsx: one sheet per section. pdf/html: one page made for printing (save as PDF from any browser or WeChat). */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const { period, format } = parseQuery(event, ExportQuery);
  const ledger = await ctx.inspection.ledger(actor, pathParam(event, 'branchId'), period);
  const base = `${ledger.branchName}台账-${ledger.period}`;
  if (format === 'xlsx') {
    return { status: 200, file: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx`, content: await ledgerWorkbook(ledger, ctx.inspection.now()) } };
  }
  return { status: 200, file: { contentType: 'text/html; charset=utf-8', fileName: `${base}.html`, content: ledgerPrintPage(ledger) } };
});
