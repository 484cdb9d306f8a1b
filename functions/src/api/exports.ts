import * as z from 'zod/mini';
import { withMeta } from '@ltx/shared/schemas/common';
import { ExportQuery } from '@ltx/shared/schemas/inspection';
import { RosterApplyInput, RosterImport, RosterImportInput } from '@ltx/shared/schemas/roster';
import type { AppContext } from '../context';
import { ledgerPrintPage } from '../export/ledger-print';
import { ledgerWorkbook } from '../export/ledger-workbook';
import { myDataWorkbook } from '../export/my-data-workbook';
import { readRosterWorkbook, rosterWorkbook } from '../export/roster-workbook';
import { DynamoRosterImportRepository } from '../repositories/roster-import-repository';
import { MyDataService } from '../services/my-data-service';
import { RosterService, xlsxContentType } from '../services/roster-service';
import { defineRoute, fileReply } from './declare';
import { serve, type DomainWiring } from './serve';
import { consentsOf, inspectionOf, membersOf, pointsOf, sessionsAndVisitsOf, uploadsOf } from '../context';

/**
 * Excel files in and out: the ledger export, the roster's template, import and export (花名册), and a member's
 * copy of their own data. Their
 * own function because exceljs is big (about 1 MB bundled): the other domains' bundles and cold starts
 * stay small, and the roster service (which only this function builds) stays out of them too.
 */

const rosterServices = new WeakMap<AppContext, RosterService>();
/** The roster service of this context (built here, not in context.ts, so the other bundles do not carry it). */
export function rosterService(ctx: AppContext): RosterService {
  let service = rosterServices.get(ctx);
  if (!service) {
    const r = ctx.repositories;
    const imports = new DynamoRosterImportRepository(ctx.table.db, ctx.table.name);
    service = new RosterService({ members: r.members, orgs: r.orgs, imports, audit: r.audit, uploads: ctx.uploads, read: readRosterWorkbook, clock: ctx.clock });
    rosterServices.set(ctx, service);
  }
  return service;
}

const xlsxFile = withMeta(z.string(), { description: 'xlsx workbook (binary)' });

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
  defineRoute({
    id: 'roster-template', method: 'GET', path: '/api/v1/branches/{branchId}/roster/template', auth: 'token', can: 'roster.import',
    summary: '下载花名册模板（xlsx：花名册表含示例行，填写说明表）', response: xlsxFile,
    handle: async ({ ctx, actor, params }) => {
      const roster = await rosterService(ctx).roster(actor, params.branchId, 'roster.import');
      const content = await rosterWorkbook([], { partyGroups: roster.partyGroups, createdAt: ctx.clock.now(), example: true });
      return fileReply({ contentType: xlsxContentType, fileName: `${roster.branchName}花名册模板.xlsx`, content });
    },
  }),
  defineRoute({
    id: 'roster-import-create', method: 'POST', path: '/api/v1/branches/{branchId}/roster-imports', auth: 'token', can: 'roster.import',
    summary: '上传花名册后逐行检查（dryRun：只检查；否则没有错误时直接导入）', body: RosterImportInput, response: RosterImport, status: 201, uploads: 'read',
    handle: async ({ ctx, actor, params, body }) => rosterService(ctx).check(actor, params.branchId, body),
  }),
  defineRoute({
    id: 'roster-import-get', method: 'GET', path: '/api/v1/roster-imports/{importId}', auth: 'token', can: 'roster.import',
    summary: '花名册导入的逐行结果', response: RosterImport,
    handle: async ({ ctx, actor, params }) => rosterService(ctx).get(actor, params.importId),
  }),
  defineRoute({
    id: 'roster-import-apply', method: 'POST', path: '/api/v1/roster-imports/{importId}/apply', auth: 'token', can: 'roster.import',
    summary: '确认导入花名册（onlyCleanRows：只导入没有错误的行）；中断后再次确认会补完', body: RosterApplyInput, response: RosterImport,
    handle: async ({ ctx, actor, params, body }) => rosterService(ctx).apply(actor, params.importId, body),
  }),
  defineRoute({
    id: 'roster-export', method: 'GET', path: '/api/v1/branches/{branchId}/roster/export', auth: 'token', can: 'roster.export',
    summary: '导出花名册（xlsx，与模板同样的列，可修改后再导入）', response: xlsxFile,
    handle: async ({ ctx, actor, params }) => {
      const roster = await rosterService(ctx).roster(actor, params.branchId, 'roster.export');
      const content = await rosterWorkbook(roster.rows, { partyGroups: roster.partyGroups, createdAt: ctx.clock.now(), example: false });
      return fileReply({ contentType: xlsxContentType, fileName: `${roster.branchName}花名册.xlsx`, content });
    },
  }),
  defineRoute({
    id: 'my-data-export', method: 'GET', path: '/api/v1/members/{memberId}/my-data', auth: 'token', can: 'member.exportOwnData',
    summary: '下载本人的个人资料副本（xlsx：个人信息、健康与照护、组织生活、送学上门、积分、同意和查看记录）', response: xlsxFile, uploads: 'read',
    handle: async ({ ctx, actor, params }) => {
      const data = await myDataService(ctx).gather(actor, params.memberId);
      return fileReply({ contentType: xlsxContentType, fileName: `${data.member.name}的个人资料.xlsx`, content: await myDataWorkbook(data) });
    },
  }),
];

const myDataServices = new WeakMap<AppContext, MyDataService>();
/** The member's data copy of this context: it reads through the member, consent, session, visit and points services. */
function myDataService(ctx: AppContext): MyDataService {
  let service = myDataServices.get(ctx);
  if (!service) {
    service = new MyDataService({
      members: ctx.repositories.members, orgs: ctx.repositories.orgs, memberService: ctx.members, consents: ctx.consents,
      sessions: ctx.sessions, visits: ctx.visits, points: ctx.points, clock: ctx.clock,
    });
    myDataServices.set(ctx, service);
  }
  return service;
}

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({
  inspection: inspectionOf(b), uploads: uploadsOf(b), members: membersOf(b), consents: consentsOf(b), points: pointsOf(b), ...sessionsAndVisitsOf(b),
});

export const handler = serve(routes, wire);
