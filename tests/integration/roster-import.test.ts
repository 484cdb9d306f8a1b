import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { rosterColumns, rosterHelpSheetName, rosterSheetName } from '@ltx/shared/domain/roster';
import { memberLimits } from '@ltx/shared/limits';
import { buildServices } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { readRosterWorkbook } from '../../functions/src/export/roster-workbook';
import type { MemberRepository } from '../../functions/src/repositories/member-repository';
import { DynamoRosterImportRepository } from '../../functions/src/repositories/roster-import-repository';
import { RosterService } from '../../functions/src/services/roster-service';
import { startTestStack, type TestStack } from './support/stack';
import { testClock } from '../support/clock';
import { chinaYear } from '../support/time';

/**
 * Roster import from Excel end to end over HTTP, on the real stack: files made here with exceljs, uploaded
 * through the presigned form, checked row by row, applied (or not), re-imported, and an apply that dies
 * partway then finishes on retry with every row written exactly once and the counters exact.
 */
let stack: TestStack;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const services = () => buildServices({ db: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName, clock: testClock });

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** `oldHealth`: the 健康状况 column of a file made from an older template, which is never read. */
type Row = Partial<Record<(typeof rosterColumns)[number]['field'], string>> & { oldHealth?: string };

/** A roster file as a secretary would fill the template: the headers as the template has them, a row per member. */
async function rosterFile(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(rosterSheetName);
  const oldColumns = rows.some((r) => r.oldHealth) ? ['健康状况', '本人同意保存健康信息'] : [];
  sheet.addRow([...rosterColumns.map((c) => (c.required ? `${c.header}（必填）` : c.header)), ...oldColumns]);
  for (const r of rows) sheet.addRow([...rosterColumns.map((c) => r[c.field] ?? ''), ...(oldColumns.length ? [r.oldHealth ?? '', r.oldHealth ? '是' : ''] : [])]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(token: string, bytes: Uint8Array, contentType = xlsx, name = '花名册.xlsx'): Promise<string> {
  const ticket = await stack.call('POST', '/uploads', { token, body: { contentType, size: bytes.length, name } });
  expect(ticket.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.fields as Record<string, string>)) form.append(k, v);
  form.append(ticket.body.fileField, new Blob([new Uint8Array(bytes)], { type: contentType }), name);
  const sent = await fetch(new URL(ticket.body.url, stack.url), { method: 'POST', body: form });
  expect(sent.status).toBeLessThan(300);
  return ticket.body.uploadId as string;
}

const check = async (token: string, branchId: string, bytes: Uint8Array, dryRun = true) =>
  stack.call('POST', `/branches/${branchId}/roster-imports`, { token, body: { uploadId: await upload(token, bytes), dryRun } });
const apply = (token: string, importId: string, body: object = {}) => stack.call('POST', `/roster-imports/${importId}/apply`, { token, body });

/** `n` new members, distinct names and birth days, in the branch's groups; a few with an old file's health cells. */
function newMembers(n: number, prefix: string): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix}${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${Math.floor(i / 10) + 1}`, gender: i % 2 ? '女' : '男',
    birthDate: `19${40 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`, joinedPartyOn: `19${62 + (i % 20)}-07-01`,
    partyGroup: i % 2 ? '第一党小组' : '第二党小组', phone: `139${String(10000000 + i).padStart(8, '0')}`,
    livingSituation: i % 7 === 3 ? '异地居住' : '与家人同住', livingCity: i % 7 === 3 ? '杭州' : '',
    ...(i % 5 === 0 ? { oldHealth: '不能自理' } : {}),
  }));
}

const branchCounts = async (branchId: string) => (await services().repositories.orgs.getBranch(branchId))!;
const rosterOf = async (branchId: string) => services().repositories.members.listByBranch(branchId);
const trail = async (branchId: string) => (await services().repositories.audit.list(branchId, '2000-01-01', '2100-01-01')).filter((e) => e.action === 'roster.import');

describe('a clean file of 30 rows, then the same file again', () => {
  // 28 new members and two of the branch's own, with a new phone and a new party group.
  const rows: Row[] = [
    ...newMembers(28, '新'),
    { name: '陈保国', gender: '男', birthDate: '1939-02-22', joinedPartyOn: '1960-01-10', partyGroup: '第一党小组', phone: '13800020999', livingSituation: '与家人同住' },
    { name: '马红梅', gender: '女', birthDate: '1958/1/25', joinedPartyOn: '1980年5月20日', partyGroup: '第一党小组', livingSituation: '与家人同住' },
  ];

  it('checks row by row, writes nothing on a dry run, then applies: 28 created, 2 updated, counters and audit exact', async () => {
    const token = await stack.login('secretary-2');
    const before = await branchCounts('br-2');
    const rollBefore = await rosterOf('br-2');
    const checked = await check(token, 'br-2', await rosterFile(rows));
    expect(checked.status).toBe(201);
    const view = checked.body;
    expect(view).toMatchObject({ state: 'checked', clean: true, counts: { create: 28, update: 2, unchanged: 0, error: 0 }, summaryText: '共 30 行：新建 28 人，更新 2 人，不变 0 人，错误 0 行' });
    expect(view.rows[0].text).toBe('第 2 行 新甲1：新建');
    expect(view.rows[28].text).toBe('第 30 行 陈保国：更新（手机号）');
    expect(view.rows[29].text).toBe('第 31 行 马红梅：更新（党小组）');
    expect(await rosterOf('br-2')).toHaveLength(rollBefore.length);

    const applied = await apply(token, view.id);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ state: 'applied', stateText: '已导入', applied: { created: 28, updated: 2, skipped: 0, text: '已导入：新建 28 人，更新 2 人' } });
    const roll = await rosterOf('br-2');
    expect(roll).toHaveLength(rollBefore.length + 28);
    expect(roll.find((m) => m.name === '陈保国')).toMatchObject({ phone: '13800020999' });
    expect(roll.find((m) => m.name === '马红梅')).toMatchObject({ partyGroup: '第一党小组' });
    const after = await branchCounts('br-2');
    expect(after.memberCount).toBe(before.memberCount + 28);
    // An old file's 健康状况 column is not read: health waits for each member's own consent.
    expect(after.healthClassCounts.not_self_reliant ?? 0).toBe(before.healthClassCounts.not_self_reliant ?? 0);
    expect(after.healthClassCounts.unknown).toBe((before.healthClassCounts.unknown ?? 0) + 28);
    const created = await services().repositories.members.getMany(roll.filter((m) => m.name.startsWith('新')).map((m) => m.id));
    expect(created.filter((m) => m.sensitive || m.healthConsent)).toEqual([]);
    const entries = await trail('br-2');
    expect(entries).toHaveLength(1);
    expect(auditSentence(entries[0]!)).toContain('陈丽华（支部书记）导入花名册：新建 28 人，更新 2 人');
    // Applying again answers the same result and writes nothing more.
    expect((await apply(token, view.id)).body.applied).toMatchObject({ created: 28, updated: 2 });
    expect(await rosterOf('br-2')).toHaveLength(rollBefore.length + 28);
  });

  it('re-importing the same file changes nothing: every row 不变', async () => {
    const token = await stack.login('secretary-2');
    const versions = new Map((await rosterOf('br-2')).map((m) => [m.id, m.version]));
    const count = (await branchCounts('br-2')).memberCount;
    const again = await check(token, 'br-2', await rosterFile(rows), false);
    expect(again.status).toBe(201);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 30, error: 0 });
    expect(again.body.rows.every((r: { outcomeText: string }) => r.outcomeText === '不变')).toBe(true);
    expect(again.body.applied).toMatchObject({ created: 0, updated: 0 });
    expect(new Map((await rosterOf('br-2')).map((m) => [m.id, m.version]))).toEqual(versions);
    expect((await branchCounts('br-2')).memberCount).toBe(count);
    expect(await trail('br-2')).toHaveLength(1);
  });

  it('exports the roster in the template\'s columns, and the export imports again unchanged', async () => {
    const token = await stack.login('secretary-2');
    const res = await fetch(`${stack.url}/api/v1/branches/br-2/roster/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(xlsx);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const read = await readRosterWorkbook(bytes);
    expect(read).toHaveLength((await rosterOf('br-2')).length);
    const yang = read.find((r) => r.cells.name === '杨秀兰')?.cells;
    expect(yang).toMatchObject({ livingSituation: '丧偶' });
    // No health data in a file, even for the secretary who may read it.
    expect(JSON.stringify(read)).not.toMatch(/不能自理|健康/);
    const again = await check(token, 'br-2', bytes);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: read.length, error: 0 });
  });
});

describe('the template', () => {
  it('has the member columns headed in Chinese, an example row, and 填写说明 naming required columns, the date format, the words and the party groups', async () => {
    const token = await stack.login('secretary-1');
    const res = await fetch(`${stack.url}/api/v1/branches/br-1/roster/template`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet(rosterSheetName)!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名（必填）');
    expect(sheet.getRow(2).getCell(1).value).toBe('王建国');
    const help = book.getWorksheet(rosterHelpSheetName)!;
    const text = help.getSheetValues().flat().join(' ');
    for (const words of ['必填', '1945-10-01', '独居', '异地居住', '第一党小组、第二党小组', '花名册里不填健康状况']) expect(text).toContain(words);
    // The example row checks clean (one new member) once the branch's groups are used.
    const checked = await check(token, 'br-1', new Uint8Array(await (await fetch(`${stack.url}/api/v1/branches/br-1/roster/template`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer()));
    expect(checked.body.counts.error).toBe(0);
  });
});

describe('a file with every kind of error', () => {
  const nextYear = chinaYear() + 1;
  const good = (name: string, birthDate: string): Row => ({ name, gender: '男', birthDate, joinedPartyOn: '1970-07-01', partyGroup: '第一党小组', livingSituation: '与家人同住' });
  const rows: Row[] = [
    { ...good('', '1945-01-01') }, // 2: missing name
    { ...good('错日期', '1930-02-30') }, // 3: impossible date
    { ...good('早入党', '1950-01-01'), joinedPartyOn: '1949-10-01' }, // 4: joined before birth
    { ...good('未来人', '1950-02-01'), joinedPartyOn: `${nextYear}-01-01` }, // 5: in the future
    { ...good('好同志', '1951-03-01') }, // 6: clean
    { ...good('好同志', '1951-03-01') }, // 7: duplicate of row 6
    { ...good('错电话', '1952-03-01'), phone: '2381111222' }, // 8: phone
    { ...good('错小组', '1953-03-01'), partyGroup: '第九党小组' }, // 9: unknown party group
    { ...good('长住址', '1954-03-01'), address: '住'.repeat(memberLimits.address + 1) }, // 10: too long
    { ...good('长职务', '1955-03-01'), committeeRole: '委'.repeat(memberLimits.committeeRole + 1) }, // 11: too long
    { ...good('缺性别', '1956-03-01'), gender: '', livingSituation: '住院' }, // 12: missing gender, unknown living words
    { ...good('异地无城', '1957-03-01'), livingSituation: '异地居住' }, // 13: elsewhere without city
  ];

  it('names every error by row and column, refuses to apply unless confirmed, then applies only the clean row', async () => {
    const token = await stack.login('secretary-1');
    const before = (await rosterOf('br-1')).length;
    const checked = await check(token, 'br-1', await rosterFile(rows));
    expect(checked.status).toBe(201);
    const view = checked.body;
    expect(view.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 11 });
    expect(view.clean).toBe(false);
    const errorsOf = (row: number) => view.rows.find((r: { row: number }) => r.row === row).errors.join(' ');
    expect(errorsOf(2)).toContain('第 2 行「姓名」：必须填写');
    expect(errorsOf(3)).toContain('第 3 行「出生日期」：“1930-02-30”不是真实的日期');
    expect(errorsOf(4)).toContain('第 4 行「入党日期」：1949年10月1日不晚于出生日期（1950年1月1日）');
    expect(errorsOf(5)).toContain(`第 5 行「入党日期」：${nextYear}年1月1日还没有到`);
    expect(errorsOf(7)).toContain('第 7 行：与第 6 行是同一人');
    expect(errorsOf(8)).toContain('第 8 行「手机号」：“2381111222”不是手机号');
    expect(errorsOf(9)).toContain('第 9 行「党小组」：“第九党小组”不是本支部的党小组（本支部有：第一党小组、第二党小组）');
    expect(errorsOf(10)).toContain(`第 10 行「家庭住址」：不能超过 ${memberLimits.address} 个字`);
    expect(errorsOf(11)).toContain(`第 11 行「支委职务」：不能超过 ${memberLimits.committeeRole} 个字`);
    expect(errorsOf(12)).toContain('第 12 行「性别」：必须填写');
    expect(errorsOf(12)).toContain('第 12 行「居住情况」：“住院”不是可填的写法');
    expect(errorsOf(13)).toContain('第 13 行「居住城市」：居住情况为“异地居住”时必须填写');

    const refused = await apply(token, view.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ROSTER_HAS_ERRORS');
    expect(await rosterOf('br-1')).toHaveLength(before);

    const confirmed = await apply(token, view.id, { onlyCleanRows: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.applied).toMatchObject({ created: 1, updated: 0, text: '已导入：新建 1 人，更新 0 人' });
    expect(confirmed.body.rows.find((r: { row: number }) => r.row === 3).skippedText).toBe('未导入：这一行有错误');
    const roll = await rosterOf('br-1');
    expect(roll).toHaveLength(before + 1);
    expect(roll.filter((m) => m.name === '好同志')).toHaveLength(1);
  });
});

describe('an interrupted apply', () => {
  it('finishes on retry: every row written exactly once, the counters exact, one audit entry', async () => {
    const token = await stack.login('secretary-1');
    const rows = newMembers(12, '续');
    const checked = await check(token, 'br-1', await rosterFile(rows));
    expect(checked.body.counts.create).toBe(12);
    const before = await branchCounts('br-1');
    const rollBefore = (await rosterOf('br-1')).length;

    // The same service over the same table, with a member store that dies after its 5th write.
    const s = services();
    let writes = 0;
    const dying: MemberRepository = Object.assign(Object.create(s.repositories.members) as MemberRepository, {
      create: async (m: Parameters<MemberRepository['create']>[0]) => {
        if (++writes > 5) throw new Error('the function was stopped');
        return s.repositories.members.create(m);
      },
    });
    const crashing = new RosterService({ members: dying, orgs: s.repositories.orgs, imports: new DynamoRosterImportRepository(s.table.db, s.table.name), audit: s.repositories.audit, uploads: s.uploads, read: readRosterWorkbook });
    const secretary = { userId: 'u-demo-sec1', role: 'secretary' as const, orgId: 'org-chengnan', branchId: 'br-1' };
    await expect(crashing.apply(secretary, checked.body.id, {})).rejects.toThrow('the function was stopped');

    const midway = await stack.call('GET', `/roster-imports/${checked.body.id}`, { token });
    expect(midway.body.state).toBe('applying');
    const written = (await rosterOf('br-1')).length - rollBefore;
    expect(written).toBeGreaterThanOrEqual(5);
    expect(written).toBeLessThan(12);
    expect((await branchCounts('br-1')).memberCount).toBe(before.memberCount);

    const retried = await apply(token, checked.body.id);
    expect(retried.status).toBe(200);
    expect(retried.body.applied).toMatchObject({ created: 12, updated: 0, skipped: 0 });
    const roll = await rosterOf('br-1');
    expect(roll).toHaveLength(rollBefore + 12);
    for (const r of rows) expect(roll.filter((m) => m.name === r.name)).toHaveLength(1);
    const after = await branchCounts('br-1');
    expect(after.memberCount).toBe(before.memberCount + 12);
    expect(after.healthClassCounts.unknown).toBe((before.healthClassCounts.unknown ?? 0) + 12);
    // Retrying once more changes nothing.
    await apply(token, checked.body.id);
    expect((await branchCounts('br-1')).memberCount).toBe(before.memberCount + 12);
    expect((await trail('br-1')).filter((e) => e.roster?.created === 12)).toHaveLength(1);
  });
});

describe('bad input and access', () => {
  it('answers in words and changes nothing', async () => {
    const token = await stack.login('secretary-1');
    const missing = await stack.call('POST', '/branches/br-1/roster-imports', { token, body: { dryRun: true } });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('花名册文件');

    const pdf = await upload(token, new TextEncoder().encode('%PDF-1.4 not a roster'), 'application/pdf', '材料.pdf');
    const wrongType = await stack.call('POST', '/branches/br-1/roster-imports', { token, body: { uploadId: pdf, dryRun: true } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.fields[0].message).toContain('Excel');

    const garbage = await upload(token, new TextEncoder().encode('this is not a workbook'));
    const unreadable = await stack.call('POST', '/branches/br-1/roster-imports', { token, body: { uploadId: garbage, dryRun: true } });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.code).toBe('ROSTER_FILE_INVALID');

    const empty = await check(token, 'br-1', await rosterFile([]));
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields[0].message).toContain('没有党员');

    // Another branch's file, import and roster: 404. Roles without the action: 403.
    const other = await stack.login('secretary-2');
    const mine = await check(token, 'br-1', await rosterFile(newMembers(1, '界')));
    expect((await stack.call('POST', '/branches/br-2/roster-imports', { token: other, body: { uploadId: await upload(token, await rosterFile([])), dryRun: true } })).status).toBe(422);
    expect((await stack.call('GET', `/roster-imports/${mine.body.id}`, { token: other })).status).toBe(404);
    expect((await apply(other, mine.body.id)).status).toBe(404);
    expect((await stack.call('POST', '/branches/br-1/roster-imports', { token: other, body: { uploadId: 'x', dryRun: true } })).status).toBe(404);
    expect((await fetch(`${stack.url}/api/v1/branches/br-1/roster/export`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(404);
    const contact = await stack.login('contact-1');
    expect((await stack.call('GET', `/roster-imports/${mine.body.id}`, { token: contact })).status).toBe(403);
    const inspector = await stack.login('inspector');
    expect((await fetch(`${stack.url}/api/v1/branches/br-1/roster/export`, { headers: { authorization: `Bearer ${inspector}` } })).status).toBe(403);
    // An administrator may look at and apply it.
    const admin = await stack.login('admin');
    expect((await stack.call('GET', `/roster-imports/${mine.body.id}`, { token: admin })).status).toBe(200);
  });

  it('lets an administrator upload and check a roster for a branch of their subtree, without the health column; nobody uploads to a branch they may not import to', async () => {
    const admin = await stack.login('admin');
    const file = await rosterFile([{ ...newMembers(1, '管')[0]!, oldHealth: '健康' }]);
    const ticketFor = (token: string, branchId: string) => stack.call('POST', '/uploads', { token, body: { contentType: xlsx, size: file.length, name: '花名册.xlsx', branchId } });
    // Without a branch the administrator has none of their own: 404, as before.
    expect((await stack.call('POST', '/uploads', { token: admin, body: { contentType: xlsx, size: file.length, name: '花名册.xlsx' } })).status).toBe(404);
    const ticket = await ticketFor(admin, 'br-2');
    expect(ticket.status).toBe(201);
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.body.fields as Record<string, string>)) form.append(k, v);
    form.append(ticket.body.fileField, new Blob([new Uint8Array(file)], { type: xlsx }), '花名册.xlsx');
    expect((await fetch(new URL(ticket.body.url, stack.url), { method: 'POST', body: form })).status).toBeLessThan(300);
    const checked = await stack.call('POST', '/branches/br-2/roster-imports', { token: admin, body: { uploadId: ticket.body.uploadId, dryRun: true } });
    expect(checked.status).toBe(201);
    // An old file's health cells are not read: the row is a plain 新建, with no error about them.
    expect(checked.body.rows.map((r: { outcomeText: string; errors: string[] }) => [r.outcomeText, r.errors.length])).toEqual([['新建', 0]]);
    expect(JSON.stringify(checked.body)).not.toContain('健康');
    // Another subtree's branch, or another branch for a secretary: 404.
    expect((await ticketFor(admin, 'br-3')).status).toBe(404);
    expect((await ticketFor(await stack.login('secretary-1'), 'br-2')).status).toBe(404);
  });

  it('refuses to apply when the roll changed after the check', async () => {
    const token = await stack.login('secretary-1');
    const wang = (await rosterOf('br-1')).find((m) => m.name === '王建国')!;
    const checked = await check(token, 'br-1', await rosterFile([{ name: '王建国', gender: '男', birthDate: wang.birthDate, joinedPartyOn: wang.joinedPartyOn, livingSituation: '独居', partyGroup: '第一党小组' }]));
    expect(checked.body.counts.update).toBe(1);
    const edited = await stack.call('PATCH', `/members/${wang.id}`, { token, body: { expectedVersion: wang.version, address: '新地址 1 号' } });
    expect(edited.status).toBe(200);
    const refused = await apply(token, checked.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ROSTER_CHANGED');
    expect((await rosterOf('br-1')).find((m) => m.name === '王建国')?.livingSituation).toBe(wang.livingSituation);
  });
});

describe('a roster of 200 rows (figures printed, not asserted)', () => {
  it('is checked and applied', async () => {
    const token = await stack.login('secretary-2');
    const file = await rosterFile(newMembers(200, '量'));
    const uploadId = await upload(token, file);
    let t = performance.now();
    const checked = await stack.call('POST', '/branches/br-2/roster-imports', { token, body: { uploadId, dryRun: true } });
    const checkMs = performance.now() - t;
    expect(checked.body.counts.create).toBe(200);
    t = performance.now();
    const applied = await apply(token, checked.body.id);
    const applyMs = performance.now() - t;
    expect(applied.body.applied.created).toBe(200);
    console.log(`roster 200 rows: checked in ${Math.round(checkMs)} ms, applied in ${Math.round(applyMs)} ms`);
  });
});
