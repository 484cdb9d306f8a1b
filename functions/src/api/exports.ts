import * as z from 'zod/mini';
import { withMeta } from '@ltx/shared/schemas/common';
import { ExportQuery } from '@ltx/shared/schemas/inspection';
import { ledgerPrintPage } from '../export/ledger-print';
import { ledgerWorkbook } from '../export/ledger-workbook';
import { defineRoute, fileReply } from './declare';
import { serve } from './serve';

/**
 * The ledger as a file. Its own function because exceljs is big (about 1 MB bundled): the
 * other domains' bundles and cold starts stay small.
 */
export const routes = [
  defineRoute({
    id: 'ledger-export', method: 'GET', path: '/api/v1/branches/{branchId}/ledger/export', auth: 'token', can: 'ledger.read',
    summary: '导出台账（?period=&format=xlsx|pdf|html；pdf 为供打印的页面）',
    query: ExportQuery, response: withMeta(z.string(), { description: 'xlsx workbook (binary) or an HTML page made for printing' }), uploads: 'read',
    /** xlsx: one sheet per section. pdf/html: one page made for printing (save as PDF from any browser or WeChat). */
    handle: async ({ ctx, actor, params, query }) => {
      const ledger = await ctx.inspection.ledger(actor, params.branchId, query.period);
      const base = `${ledger.branchName}台账-${ledger.period}`;
      if (query.format === 'xlsx') {
        return fileReply({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx`, content: await ledgerWorkbook(ledger, ctx.inspection.now()) });
      }
      return fileReply({ contentType: 'text/html; charset=utf-8', fileName: `${base}.html`, content: ledgerPrintPage(ledger) });
    },
  }),
];

export const handler = serve(routes);
