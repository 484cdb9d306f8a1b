import ExcelJS from 'exceljs';
import { attendanceModeLabels, healthCountLabels, livingSituationLabels, rectificationStatusLabels, sessionKindLabels } from '@ltx/shared/labels';
import type { Ledger } from '@ltx/shared/schemas/inspection';
import { dateWords, whenWords } from '@ltx/shared/wording/time-words';

const label = (map: Record<string, string>, key: string) => map[key] ?? key;

/** The ledger as an .xlsx workbook, one sheet per section, written by exceljs. */
export async function ledgerWorkbook(ledger: Ledger, createdAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '支部之家';
  book.created = createdAt;
  const sheet = (name: string, columns: [string, number][], rows: (string | number)[][]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    return ws;
  };

  const s = ledger.setup;
  sheet('组织设置', [['项目', 24], ['内容', 40], ['人数', 10]], [
    ['支部', ledger.branchName, s.memberCount],
    ['上级党组织', ledger.orgName, ''],
    ['期间', ledger.period, ''],
    ...s.committee.map((c) => ['支委', `${c.role}：${c.name}`, '']),
    ...Object.entries(s.groups).map(([g, n]) => ['党小组', g, n]),
    ...Object.entries(s.byHealthClass).map(([k, n]) => ['健康状况（人数）', label(healthCountLabels, k), n]),
    ...Object.entries(s.byLivingSituation).map(([k, n]) => ['居住情况（人数）', label(livingSituationLabels, k), n]),
    ...Object.entries(s.byAttendanceMode).map(([k, n]) => ['参学方式（人数）', label(attendanceModeLabels, k), n]),
  ]);
  sheet(
    '组织生活',
    [['时间', 30], ['类型', 14], ['主题', 30], ['地点', 16], ['主持人', 10], ['记录人', 10], ['应到', 6], ['实到', 6], ['请假', 6], ['缺席', 6], ['送学', 6], ['网学', 6], ['参学率', 8], ['过半数', 8], ['缺席及原因', 40], ['决议', 40], ['填报人', 10], ['状态', 8]],
    ledger.sessions.map((x) => [
      whenWords(x.startsAt), sessionKindLabels[x.kind], x.topic, x.place, x.hostName, x.recorderName, x.expected, x.present, x.excused, x.absent, x.homeDelivered, x.online,
      `${Math.round(x.coverage * 100)}%`, x.quorumMet === null ? '—' : x.quorumMet ? '是' : '否',
      x.absentees.map((a) => `${a.name}（${a.status}${a.reason ? `：${a.reason}` : ''}）`).join('；'), minutesText(x), x.filledBy, x.status === 'closed' ? `已归档（${x.closedBy ?? ''}）` : '未归档',
    ]),
  );
  sheet('党员教育', [['项目', 24], ['数量', 10]], [
    ['送学上门完成', ledger.education.visitsDelivered],
    ['送学上门未完成', ledger.education.visitsOpen],
    ['送学上门逾期', ledger.education.visitsOverdue],
  ]);
  sheet('党员积分', [['姓名', 14], ['本期所得', 10], ['年度累计（截至期末）', 20]], ledger.points.map((p) => [p.name, p.earned, p.total]));
  sheet('影像资料', [['来源', 30], ['文件', 30]], ledger.photos.map((p) => [p.source, p.name]));
  sheet('填报审核记录', [['时间', 30], ['记录', 90]], ledger.audit.map((a) => [whenWords(a.at), a.sentence]));
  sheet(
    '督导意见',
    [['时间', 30], ['督导', 10], ['意见', 40], ['整改事项', 40], ['期限', 22], ['状态', 10]],
    ledger.reviews.flatMap((r) =>
      r.items.length ? r.items.map((i) => [whenWords(r.at), r.byName, r.opinion, i.what, dateWords(i.deadline), rectificationStatusLabels[i.status]]) : [[whenWords(r.at), r.byName, r.opinion, '', '', '']],
    ),
  );
  if (ledger.signoff) {
    sheet('督导签字', [['项目', 30], ['内容', 60]], [
      ['签字人', ledger.signoff.byName],
      ['签字时间', whenWords(ledger.signoff.at)],
      ...ledger.signoff.acknowledged.map((a, i) => [`签字时确认的尚缺事项 ${i + 1}`, a.text]),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The decisions, or why a meeting that needs minutes was archived without them. */
function minutesText(x: Ledger['sessions'][number]): string {
  if (x.minutes) return x.minutes.decisions;
  return x.noMinutesReason ? `未填写会议记录（原因：${x.noMinutesReason}）` : '';
}
