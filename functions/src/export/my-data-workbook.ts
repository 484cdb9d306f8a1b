import ExcelJS from 'exceljs';
import { dateWords, whenWords } from '@ltx/shared/wording/time-words';
import { pointsCategoryLabels } from '@ltx/shared/domain/points-rules';
import { visitStatusLabels } from '@ltx/shared/domain/visit-rules';
import {
  attendanceModeLabels, attendanceStatusLabels, careNoteLabels, consentWayLabels, departureReasonLabels, genderLabels, healthClassLabels,
  livingSituationLabels, pointsWords, sessionKindLabels,
} from '@ltx/shared/labels';
import type { MyData } from '../services/my-data-service';

type Row = (string | number)[];

/**
 * A member's copy of their data as an Excel file (PIPL Art. 45), every word in Chinese: 说明, 个人信息,
 * 健康与照护 (only while kept), 组织生活, 送学上门, 积分, 同意记录. One sheet per part, a header row, wide columns.
 */
export async function myDataWorkbook(data: MyData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '支部之家';
  book.created = data.madeAt;
  const sheet = (name: string, headers: string[], rows: Row[], widths: number[]) => {
    const s = book.addWorksheet(name);
    s.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 20 }));
    s.getRow(1).font = { bold: true, size: 14 };
    for (const r of rows) s.addRow(r);
    s.getColumn(headers.length).alignment = { wrapText: true, vertical: 'top' };
  };
  const m = data.member;

  sheet('说明', ['说明'], [
    [`这是${m.name}在“支部之家”里保存的个人资料副本，导出于 ${whenWords(data.madeAt.toISOString())}。`],
    ['包括：个人信息、健康与照护信息（本人同意保存时才有）、近一年的组织生活、送学上门、近两年的积分，以及同意和查看记录。'],
    ['如有不对的地方，请告诉支部书记更正；也可以在“健康信息同意”里随时撤回同意。'],
  ], [90]);

  const yes = (v: boolean | undefined) => (v ? '是' : '否');
  sheet('个人信息', ['项目', '内容'], [
    ['姓名', m.name], ['性别', genderLabels[m.gender]], ['出生日期', dateWords(m.birthDate, { weekday: false })], ['入党日期', dateWords(m.joinedPartyOn, { weekday: false })],
    ['所在支部', data.branchName], ['党小组', m.partyGroup ?? ''], ['支委职务', m.committeeRole ?? ''], ['手机号', m.phone ?? m.phoneMasked ?? ''],
    ['居住情况', livingSituationLabels[m.livingSituation]], ['居住城市', m.livingCity ?? ''], ['家庭住址', m.address ?? ''],
    ['参学方式', attendanceModeLabels[m.attendanceMode]], ['微信绑定', m.bound ? '已绑定' : '未绑定'],
    ...(m.departure ? [['离开本支部', `${departureReasonLabels[m.departure.reason]}（${dateWords(m.departure.on)}）`] as Row] : []),
  ], [16, 60]);

  if (m.sensitive) {
    const notes = m.sensitive.careNotes;
    sheet('健康与照护', ['项目', '内容'], [
      ['健康状况', healthClassLabels[m.sensitive.healthClass]],
      ...(['bestVisitTime', 'hearing', 'eyesight', 'dialect', 'other'] as const).filter((k) => notes[k]).map((k) => [careNoteLabels[k], notes[k] as string]),
      [careNoteLabels.largePrint, yes(notes.largePrint)], [careNoteLabels.readAloud, yes(notes.readAloud)],
      ...m.sensitive.emergencyContacts.map((c, i) => [`紧急联系人 ${i + 1}`, `${c.name}（${c.relation}）${c.phone}`]),
    ], [20, 60]);
  }

  sheet('组织生活', ['日期', '类别', '主题', '我的情况', '请假原因或学习体会'], data.sessions.map((s) => [
    whenWords(s.startsAt), sessionKindLabels[s.kind], s.topic, s.myStatus ? attendanceStatusLabels[s.myStatus] : '未登记', s.myReason ?? s.myReflection ?? '',
  ]), [22, 16, 30, 12, 40]);

  sheet('送学上门', ['申请时间', '学习内容', '进度'], data.visits.map((v) => [
    whenWords(v.createdAt), v.sessionTopic ?? '', `${visitStatusLabels[v.status]}：${v.statusText}`,
  ]), [22, 30, 50]);

  sheet('积分', ['日期', '类别', '分数', '事由'], data.points.flatMap((p) => p.entries.map((e) => [
    dateWords(e.date), pointsCategoryLabels[e.category], e.points, `${e.reason}${e.reversedBy ? `（${pointsWords.corrected}）` : ''}`,
  ])), [16, 16, 8, 50]);

  sheet('同意和查看记录', ['时间', '事项'], [
    ...data.consent.history.map((e) => [whenWords(e.at), `${e.kind === 'given' ? '同意' : '撤回同意'}保存健康和照护信息（${e.byText}，${consentWayLabels[e.way]}）`]),
    ...data.consent.reads.map((r) => [dateWords(r.day), `${r.readerText}${r.purposeText}${r.count > 1 ? ` ${r.count} 次` : ''}`]),
  ], [22, 70]);

  return Buffer.from(await book.xlsx.writeBuffer());
}
