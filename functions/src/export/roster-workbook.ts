import ExcelJS from 'exceljs';
import { healthNotInRoster, rosterColumns, rosterHelpSheetName, rosterSheetName, type RosterCells, type RosterField } from '@ltx/shared/domain/roster';

/**
 * The roster as an .xlsx file (exceljs): the sheet 花名册 with one column per member field, headed in
 * Chinese, and the sheet 填写说明. The template has one example row; the export has the branch's members,
 * in the same columns, so an exported roster imports again unchanged.
 */
export async function rosterWorkbook(rows: Record<RosterField, string>[], options: { partyGroups: string[]; createdAt: Date; example: boolean }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '支部之家';
  book.created = options.createdAt;
  const sheet = book.addWorksheet(rosterSheetName);
  sheet.columns = rosterColumns.map((c) => ({ header: c.required ? `${c.header}（必填）` : c.header, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true, size: 14 };
  const lines = options.example ? [Object.fromEntries(rosterColumns.map((c) => [c.field, c.example])) as Record<RosterField, string>] : rows;
  // Every cell as text: a phone stays a phone and a date stays as written, whatever Excel would make of it.
  for (const line of lines) sheet.addRow(rosterColumns.map((c) => line[c.field]));

  const help = book.addWorksheet(rosterHelpSheetName);
  help.columns = [{ header: '列', width: 22 }, { header: '是否必填', width: 10 }, { header: '怎样填写', width: 70 }];
  help.getRow(1).font = { bold: true, size: 14 };
  for (const c of rosterColumns) help.addRow([c.header, c.required ? '必填' : '选填', c.field === 'partyGroup' ? partyGroupHelp(options.partyGroups) : c.help]);
  help.addRow([]);
  for (const note of notes) help.addRow(['', '', note]);
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

function partyGroupHelp(groups: string[]): string {
  return groups.length ? `填本支部已有的党小组之一：${groups.join('、')}` : '本支部还没有党小组：填写的名称须以“党小组”结尾，如 第一党小组，导入后即建立';
}

/** Said on the import page too: health data never travels in a file. */
const notes = [
  '每位党员一行，从第 2 行填起；第 1 行的列名请不要改动。“花名册”表里的示例行请删去或改成真实党员。',
  '以“姓名 + 出生日期”认人：与本支部已有党员相同的，按文件更新；没有的，新建。',
  '选填项留空时，已登记的内容保持不变，不会被清除。',
  '日期写成 年-月-日，如 1945-10-01；入党日期不能早于出生日期，也不能晚于今天。',
  '上传后会先逐行检查并列出结果（新建、更新、不变、错误），确认后才导入。',
  healthNotInRoster,
];

/** The first sheet's rows (from row 2) as text per column, found by their headers. Excel dates become 年-月-日. */
export async function readRosterWorkbook(bytes: Uint8Array): Promise<{ row: number; cells: RosterCells }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet(rosterSheetName) ?? book.worksheets[0];
  if (!sheet) return [];
  const columnOf = new Map<number, RosterField>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/（必填）|\(必填\)|\*/g, '').trim();
    const column = rosterColumns.find((c) => c.header === text);
    if (column) columnOf.set(col, column.field);
  });
  if (!columnOf.size) throw new Error('no roster headers');
  const rows: { row: number; cells: RosterCells }[] = [];
  sheet.eachRow((line, number) => {
    if (number === 1) return;
    const cells: RosterCells = {};
    line.eachCell((cell, col) => {
      const field = columnOf.get(col);
      if (field) cells[field] = cellText(cell.value).trim();
    });
    if (Object.values(cells).some((v) => v)) rows.push({ row: number, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}
