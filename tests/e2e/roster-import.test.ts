import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rosterColumns, rosterSheetName } from '@ltx/shared/domain/roster';
import { shot } from './support/browser';
import { signIn } from './support/ui';
import { phoneOnStack } from './support/phone-on-stack';
import { elderAudit } from './support/elder-audit';

/**
 * The secretary's roster import in Chromium: from the member list to the import page, an xlsx chosen in the
 * browser's file box, the check row by row in words (one row with an error), confirming only the clean rows,
 * and the new members on the list. The page passes the elder audit.
 */
const e2e = phoneOnStack();
const { visible, tap } = e2e;

async function rosterFile(rows: Record<string, string>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(rosterSheetName);
  sheet.addRow(rosterColumns.map((c) => c.header));
  for (const r of rows) sheet.addRow(rosterColumns.map((c) => r[c.field] ?? ''));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('roster import in a real browser', () => {
  it('checks the chosen file row by row, imports the clean rows after asking, and passes the elder audit', async () => {
    const { page } = e2e.phone;
    await signIn(page, e2e.stack.url, '张卫东（第一支部）');
    await tap('党员名单');
    await tap('从 Excel 导入或导出花名册');
    await visible('第一步：下载模板');
    const file = await rosterFile([
      { name: '赵新民', gender: '男', birthDate: '1951-04-05', joinedPartyOn: '1975-07-01', partyGroup: '第一党小组', livingSituation: '与家人同住' },
      { name: '钱秀芳', gender: '女', birthDate: '1953-09-12', joinedPartyOn: '1978-03-08', partyGroup: '第二党小组', livingSituation: '独居', phone: '13912345678' },
      { name: '孙日期', gender: '女', birthDate: '1930-02-30', joinedPartyOn: '1955-07-01', livingSituation: '独居' },
    ]);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap('选择填好的花名册文件')]);
    await chooser.setFiles({ name: '第一支部花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });

    await visible('共 3 行：新建 2 人，更新 0 人，不变 0 人，错误 1 行');
    await visible('第 2 行 赵新民：新建');
    await visible('第 4 行「出生日期」：“1930-02-30”不是真实的日期，请按 年-月-日 填写，如 1945-10-01');
    await page.screenshot({ path: shot('roster-import-checked.png'), fullPage: false });
    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);

    await tap('只导入没有错误的 2 人');
    await tap('确定导入 2 人');
    await visible('已导入：新建 2 人，更新 0 人');
    await tap('返回党员名单');
    await visible('钱秀芳');
    await visible('赵新民');
  });
});
