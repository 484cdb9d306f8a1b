import * as z from 'zod/mini';
import { Id, Int, Timestamp, titled } from './common';

/** Check an uploaded roster file (`dryRun`: only check; otherwise a clean file is applied at once). */
export const RosterImportInput = titled(
  z.strictObject({
    uploadId: titled(Id, '花名册文件'),
    dryRun: titled(z.boolean(), '只检查不导入'),
  }),
  '导入花名册',
);
export type RosterImportInput = z.infer<typeof RosterImportInput>;

/** Apply a checked import; `onlyCleanRows` once the secretary has confirmed leaving the rows with errors out. */
export const RosterApplyInput = titled(
  z.strictObject({ onlyCleanRows: z.optional(titled(z.boolean(), '只导入没有错误的行')) }),
  '确认导入花名册',
);
export type RosterApplyInput = z.infer<typeof RosterApplyInput>;

export const RosterOutcome = z.enum(['create', 'update', 'unchanged', 'error']);

export const RosterImportRow = z.object({
  row: Int(),
  name: z.string(),
  outcome: RosterOutcome,
  /** 新建 / 更新 / 不变 / 错误 */
  outcomeText: z.string(),
  /** The line as read: 第 3 行 王建国：更新（手机号、党小组） */
  text: z.string(),
  /** Each error as a sentence naming row and column. */
  errors: z.array(z.string()),
  /** After applying: the row was not applied (an error left out, or someone edited the member meanwhile). */
  skippedText: z.optional(z.string()),
});
export type RosterImportRow = z.infer<typeof RosterImportRow>;

export const RosterImportState = z.enum(['checked', 'applying', 'applied']);

export const RosterImport = z.object({
  id: Id,
  branchId: Id,
  fileName: z.string(),
  state: RosterImportState,
  /** 已检查，等待确认 / 正在导入 / 已导入 */
  stateText: z.string(),
  createdAt: Timestamp,
  counts: z.object({ create: Int(), update: Int(), unchanged: Int(), error: Int() }),
  /** 共 30 行：新建 28 人，更新 2 人，不变 0 人，错误 0 行 */
  summaryText: z.string(),
  /** Whether applying needs the secretary's confirmation to leave error rows out. */
  clean: z.boolean(),
  rows: z.array(RosterImportRow),
  applied: z.optional(z.object({ at: Timestamp, created: Int(), updated: Int(), skipped: Int(), text: z.string() })),
});
export type RosterImport = z.infer<typeof RosterImport>;
