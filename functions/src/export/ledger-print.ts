import { attendanceModeLabels, healthCountLabels, livingSituationLabels, rectificationStatusLabels, sessionKindLabels } from '@ltx/shared/labels';
import type { Ledger } from '@ltx/shared/schemas/inspection';
import { dateWords, whenWords } from '@ltx/shared/wording/time-words';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(headers: string[], rows: (string | number)[][]): string {
  const head = headers.map((h) => `<th>${escape(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escape(String(c))}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${headers.length}">（无）</td></tr>`}</tbody></table>`;
}

/** The ledger as one HTML page made for printing (and for "save as PDF" in any browser). */
export function ledgerPrintPage(l: Ledger): string {
  const s = l.setup;
  const counts = (m: Record<string, number>, labels: Record<string, string>) => Object.entries(m).map(([k, n]) => `${labels[k] ?? k} ${n} 人`).join('，') || '（无）';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(l.branchName)} 台账 ${escape(l.period)}</title>
<style>
body{font-family:"WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;font-size:14pt;line-height:1.5;color:#111;margin:2cm}
h1{font-size:22pt}h2{font-size:17pt;border-bottom:2px solid #a31515;margin-top:1.5em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #555;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eee}.audit li{margin:.2em 0}.signoff{margin-top:2em;font-size:15pt}@media print{h2{page-break-after:avoid}table{page-break-inside:auto}}
</style></head><body>
<h1>${escape(l.branchName)} 党支部工作台账（${escape(l.period)}）</h1>
<p>上级党组织：${escape(l.orgName)}</p>
<h2>一、组织设置</h2>
<p>党员 ${s.memberCount} 人。支委：${escape(s.committee.map((c) => `${c.role} ${c.name}`).join('，') || '（未填）')}</p>
<p>党小组：${escape(Object.entries(s.groups).map(([g, n]) => `${g} ${n} 人`).join('，'))}</p>
<p>健康状况：${escape(counts(s.byHealthClass, healthCountLabels))}</p>
<p>居住情况：${escape(counts(s.byLivingSituation, livingSituationLabels))}</p>
<p>参学方式：${escape(counts(s.byAttendanceMode, attendanceModeLabels))}</p>
<h2>二、组织生活</h2>
${table(['时间', '类型', '主题', '主持/记录', '应到', '实到', '请假', '送学', '网学', '参学率', '缺席及原因', '决议', '状态'], l.sessions.map((x) => [
    whenWords(x.startsAt), sessionKindLabels[x.kind], x.topic, `${x.hostName}/${x.recorderName}`, x.expected, x.present, x.excused, x.homeDelivered, x.online, `${Math.round(x.coverage * 100)}%`,
    x.absentees.map((a) => `${a.name}（${a.status}${a.reason ? `：${a.reason}` : ''}）`).join('；'), minutesText(x), x.status === 'closed' ? '已归档' : '未归档',
  ]))}
<h2>三、党员教育管理</h2>
<p>送学上门完成 ${l.education.visitsDelivered} 次，未完成 ${l.education.visitsOpen} 件，其中逾期 ${l.education.visitsOverdue} 件。</p>
<h2>四、党员积分</h2>
${table(['姓名', '本期所得', '年度累计（截至期末）'], l.points.map((p) => [p.name, p.earned, p.total]))}
<h2>五、影像资料</h2>
${table(['来源', '文件'], l.photos.map((p) => [p.source, p.name]))}
<h2>六、督导意见与整改</h2>
${table(['督导', '意见', '整改事项', '期限', '状态'], l.reviews.flatMap((r) => (r.items.length ? r.items : [undefined]).map((i) => [r.byName, r.opinion, i?.what ?? '', i ? dateWords(i.deadline) : '', i ? rectificationStatusLabels[i.status] : ''])))}
<h2>七、填报审核记录</h2>
${l.audit.length ? `<ol class="audit">${l.audit.map((a) => `<li>${escape(a.sentence)}</li>`).join('')}</ol>` : '<p>（无）</p>'}
<p class="signoff">${l.signoff ? `督导签字：${escape(l.signoff.byName)}，${escape(whenWords(l.signoff.at))}` : '督导签字：____________　日期：____________'}</p>
${l.signoff?.acknowledged.length ? `<p>签字时尚缺、经督导确认的事项：</p>${table(['序号', '事项'], l.signoff.acknowledged.map((a, i) => [i + 1, a.text]))}` : ''}
</body></html>`;
}

/** The decisions, or why a meeting that needs minutes was archived without them. */
function minutesText(x: Ledger['sessions'][number]): string {
  if (x.minutes) return x.minutes.decisions;
  return x.noMinutesReason ? `未填写会议记录（原因：${x.noMinutesReason}）` : '';
}
