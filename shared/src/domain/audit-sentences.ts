import { attendanceStatusLabels, careCardItemLabels, type CareCardItem, deletionReasonLabels, departureReasonLabels, feedbackKindLabels, reminderKindLabels, ruleKindLabels, inviteKindLabels, memberFieldLabels, sessionFieldLabels, sessionKindLabels } from '../labels';
import type { FeedbackKind } from '../schemas/feedback';
import type { DepartureReason, InviteCreateInput } from '../schemas/member';
import type { PointsCategory } from '../schemas/points';
import type { AttendanceStatus, ReminderKind, SessionKind } from '../schemas/session';
import type { VisitStatus } from '../schemas/visit';
import type { ConsentWay } from './consent';
import type { DeletionReason } from './member-deletion';
import { parsePeriod, periodWords } from './periods';
import { dateWords, whenWords } from '../wording/time-words';
import { pointsAmount } from '../wording/points-words';
import { pointsCategoryLabels } from './points-rules';
import type { RuleKind } from './rule-inheritance';
import { roleLabels, type Role, type StaffRole } from './roles';
import { visitStatusLabels } from './visit-rules';

/**
 * The audit trail in words: "2026年11月3日 上午9:30 吴淑珍（支部书记）为王建国登记了出席：支部党员大会（11月3日）".
 * Pure: everything a sentence names is carried by the entry, written when the record changed, so reading the
 * trail needs no lookup per entry. Entries written before the names were carried still read as sentences,
 * with "一位党员" or "一次组织生活" where a name is missing, never an id or a code.
 */

/** Every action the services write. The compiler holds writes to this list; the sentence test walks it. */
export const auditActions = [
  'member.create', 'member.update', 'member.proposeUpdate', 'member.approveChange', 'member.invite', 'binding.create',
  'member.depart', 'member.undoDepart', 'member.call', 'member.delete', 'consent.give', 'consent.withdraw', 'careCard.edit',
  'member.transferOut', 'member.transferAccept', 'member.transferDecline', 'member.transferCancel',
  'session.create', 'session.update', 'session.minutes', 'session.close', 'session.amend', 'session.reconcile', 'attendance.mark', 'attendance.withdraw',
  'points.award', 'points.reverse',
  'visit.request', 'visit.accept', 'visit.schedule', 'visit.reschedule', 'visit.deliver', 'visit.confirm', 'visit.close', 'visit.cancel', 'visit.withdraw', 'visit.reportMissed',
  'review.create', 'rectification.answer', 'rectification.accept', 'rectification.return', 'period.signoff',
  'org.create', 'staff.invite', 'staff.join', 'staff.withdraw', 'staff.change',
  'roster.import', 'console.signIn',
  'branch.create', 'org.rename', 'branch.rename', 'org.close', 'branch.close', 'branch.move',
  'rules.set', 'rules.revert',
  'feedback.send', 'feedback.answer',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** A session as a sentence names it: its kind, its day and its topic. */
export interface AuditSessionRef {
  kind?: SessionKind;
  startsAt?: string;
  topic?: string;
}

/** One stored audit entry (append-only). The optional fields are what its sentence names. */
export interface AuditEntry {
  at: string;
  actorUserId: string;
  action: AuditAction;
  targetType: string;
  targetId: string;
  /** Names of the fields changed: never their values, which may be personal data. */
  fields?: string[];
  actorName?: string;
  actorRole?: Role;
  /** The member the action is about (member, points, 送学上门, binding). */
  memberName?: string;
  session?: AuditSessionRef;
  /**
   * Attendance lines set by the action, by name (no reasons: they may be about health); `from` is the
   * different status a line replaced. On `attendance.withdraw`, the status taken back.
   */
  lines?: { name: string; status: AttendanceStatus; from?: AttendanceStatus }[];
  /** Names whose attendance line the action took back (an undone "全部出席"). */
  cleared?: string[];
  points?: { category: PointsCategory; points: number };
  visit?: { from?: VisitStatus | 'new'; to?: VisitStatus; windowStart?: string };
  /** The period of a review or sign-off, as written (2026-Q4). */
  period?: string;
  /** A rectification item's words. */
  item?: string;
  itemCount?: number;
  inviteKind?: InviteCreateInput['kind'];
  /** A death or departure recorded or taken back: why and the day (YYYY-MM-DD); never the note, which may be personal. */
  departure?: { reason?: DepartureReason; on?: string };
  /** A staff role given, taken up or withdrawn: whose (the invitee's name), which role, over what (the org's or branch's name). */
  staff?: { name?: string; role: StaffRole; scope: string; from?: { role: StaffRole; scope: string } };
  /** Consent to keep health data given or withdrawn: how (never why, which may be about health). */
  consent?: { way: ConsentWay };
  /** The items the care card now carries (never what they say: that is the member's own). */
  careCard?: { items: CareCardItem[] };
  /** A transfer (组织关系转接): the sending and receiving branches' names and the transfer day (YYYY-MM-DD). */
  transfer?: { from?: string; to?: string; on?: string };
  /** An organisation created (the deployment's first one). */
  orgName?: string;
  /** A roster imported from Excel: how many members it created and updated. */
  roster?: { created: number; updated: number };
  /**
   * A change of the hierarchy, in the names of the day: the organisation or branch (`name`, its kind in
   * words), the organisation it was created under (`parent`), its old name or old and new parent (`from`,
   * `to`), the day it was closed (`on`, YYYY-MM-DD).
   */
  hierarchy?: { name: string; kindText?: string; parent?: string; from?: string; to?: string; on?: string };
  /** An organisation's rules set or reverted to its superior's: which kind, the organisation's name, points turned on or off. */
  rules?: { kind: RuleKind; org?: string; points?: 'on' | 'off' };
  /** A departed member's personal information deleted (the entry names them by their anonymised reference): why. */
  deletion?: { reason: DeletionReason };
  /** A phone call recorded (已联系): the reminder it gave, and the day the five-month warning rests until. Never the note. */
  call?: { reminder?: ReminderKind; quietUntil?: string };
  /** A message to the administrators (意见反馈): its kind, and on an answer whose it was. Never its words. */
  feedback?: { kind: FeedbackKind; senderName?: string };
}

const someMember = '一位党员';
const ruleOrg = (e: AuditEntry) => (e.rules?.org ? `「${e.rules.org}」` : '本组织');
const ruleKindText = (e: AuditEntry) => (e.rules ? ruleKindLabels[e.rules.kind] : '规定');
const someSession = '一次组织生活';
const someone = '一位用户';
/** Beyond this many names, the rest are counted ("王建国、李秀英等 12 人"). */
const namesShown = 5;

/**
 * The sentence of one entry. `knownActorName` is for entries written before actor names were carried (the
 * reader looks those up in one batch); an entry's own name wins.
 */
export function auditSentence(e: AuditEntry, knownActorName?: string): string {
  return `${whenWords(e.at)} ${actorText(e, knownActorName)}${(phrases[e.action] ?? unknownPhrase)(e)}。`;
}

function actorText(e: AuditEntry, knownActorName?: string): string {
  const name = e.actorName ?? knownActorName ?? someone;
  const role = e.actorRole ? roleLabels[e.actorRole] : undefined;
  return role ? `${name}（${role}）` : name;
}

const member = (e: AuditEntry) => e.memberName ?? someMember;

/** 支部党员大会（11月3日 星期二）「学习党章」; the year is said when it is not the entry's year. */
export function sessionText(s: AuditSessionRef | undefined, at: string): string {
  if (!s || (!s.kind && !s.topic)) return someSession;
  const kind = s.kind ? sessionKindLabels[s.kind] : '组织生活';
  const day = s.startsAt ? `（${dateWords(s.startsAt, { today: at })}）` : '';
  return `${kind}${day}${s.topic ? `「${s.topic}」` : ''}`;
}

function listNames(names: string[]): string {
  return names.length > namesShown ? `${names.slice(0, namesShown).join('、')}等 ${names.length} 人` : names.join('、');
}

function fieldsText(fields: string[] | undefined, labels: Record<string, string>): string {
  const words = (fields ?? []).map((f) => labels[f]).filter((w): w is string => !!w);
  return words.length ? `：${words.join('、')}` : '';
}

function attendanceText(e: AuditEntry): string {
  const session = sessionText(e.session, e.at);
  const undone = e.cleared?.length ? `撤销了${listNames(e.cleared)}的出席登记` : '';
  if (!e.lines?.length) {
    if (undone) return `${undone}：${session}`;
    const count = e.fields?.length;
    return `登记了出席情况${count ? `（${count} 人）` : ''}：${session}`;
  }
  // A line that replaced a different status says so: "把王建国的请假改为网上学习".
  const changed = e.lines.filter((l) => l.from && l.from !== l.status).map((l) => `把${l.name}的${attendanceStatusLabels[l.from!]}改为${attendanceStatusLabels[l.status]}`);
  const byStatus = new Map<AttendanceStatus, string[]>();
  for (const l of e.lines.filter((x) => !x.from || x.from === x.status)) byStatus.set(l.status, [...(byStatus.get(l.status) ?? []), l.name]);
  const parts = [...byStatus.entries()].map(([status, names]) => `为${listNames(names)}登记了${attendanceStatusLabels[status]}`);
  return `${[...parts, ...changed, ...(undone ? [undone] : [])].join('，')}：${session}`;
}

/** A member or proxy took back their own leave or online study: "撤销了王建国的请假". */
function withdrawText(e: AuditEntry): string {
  const what = e.lines?.length ? e.lines.map((l) => `${l.name}的${attendanceStatusLabels[l.status]}`).join('、') : '一条出席登记';
  return `撤销了${what}：${sessionText(e.session, e.at)}`;
}

function pointsText(e: AuditEntry): string {
  if (!e.points) return '';
  const { category, points } = e.points;
  return `：${pointsCategoryLabels[category]} ${pointsAmount(points)}`;
}

function statusChange(e: AuditEntry): string {
  const { from, to } = e.visit ?? {};
  if (!to || !from || from === 'new' || from === to) return '';
  return `（由“${visitStatusLabels[from]}”改为“${visitStatusLabels[to]}”）`;
}

function visitWindow(e: AuditEntry): string {
  return e.visit?.windowStart ? `，上门时间 ${whenWords(e.visit.windowStart, { today: e.at })}` : '';
}

function visitStudy(e: AuditEntry): string {
  return e.session?.topic || e.session?.kind ? `：${sessionText(e.session, e.at)}` : '';
}

/** 支部「第三离退休干部党支部」, or the kind alone when the entry has no name. */
function unitName(e: AuditEntry, kind: string): string {
  return e.hierarchy?.name ? `${e.hierarchy.kindText ?? kind}「${e.hierarchy.name}」` : `一个${kind}`;
}

/** 2026-03-05 -> 2026年3月5日: the day of a departure, transfer or closing, for the record (no weekday). */
function dayText(day: string | undefined): string {
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? dateWords(day, { weekday: false }) : '';
}

/** "王建国同志逝世（2026年3月5日）", "王建国组织关系转出", in respectful words. */
function departureText(e: AuditEntry): string {
  const reason = e.departure?.reason;
  const what = reason === 'deceased' ? `${member(e)}同志逝世` : reason ? `${member(e)}${departureReasonLabels[reason]}` : `${member(e)}逝世或离开本支部`;
  const day = dayText(e.departure?.on);
  return `${what}${day ? `（${day}）` : ''}`;
}

/** "由第一支部转至第二支部（2026年3月5日）", with what the entry carries. */
function transferText(e: AuditEntry): string {
  const t = e.transfer;
  const from = t?.from ? `由${t.from}` : '';
  const to = t?.to ? `转至${t.to}` : '转至另一支部';
  const day = dayText(t?.on);
  return `${from}${to}${day ? `（${day}）` : ''}`;
}

const item = (e: AuditEntry) => (e.item ? `整改事项「${e.item}」` : '一项整改事项');
const period = (e: AuditEntry) => {
  const text = e.period ?? e.targetId;
  return parsePeriod(text) ? periodWords(text) : '本期';
};

const unknownPhrase = () => '做了一项记录';

/** 投诉, 意见建议, 求助; 意见反馈 when an entry carries no kind. */
const feedbackKind = (e: AuditEntry) => (e.feedback ? feedbackKindLabels[e.feedback.kind] : '意见反馈');

/** 第一离退休干部党支部的支部书记; "一项职务" when an entry carries none. */
const staffRole = (e: AuditEntry) => (e.staff ? `${e.staff.scope}的${roleLabels[e.staff.role]}` : '一项职务');
const staffName = (e: AuditEntry) => e.staff?.name ?? '一位同志';

const phrases: Record<AuditAction, (e: AuditEntry) => string> = {
  'member.create': (e) => (e.memberName ? `登记了新党员${e.memberName}` : '登记了一位新党员'),
  'member.update': (e) => `修改了${member(e)}的信息${fieldsText(e.fields, memberFieldLabels)}`,
  'member.proposeUpdate': (e) => `提出修改${member(e)}的信息，待支部书记审核${fieldsText(e.fields, memberFieldLabels)}`,
  'member.approveChange': (e) => `审核通过了${member(e)}的信息修改${fieldsText(e.fields, memberFieldLabels)}`,
  'member.invite': (e) => `为${member(e)}生成了${e.inviteKind ? inviteKindLabels[e.inviteKind] : ''}绑定邀请码`,
  'binding.create': (e) => `用微信绑定了${member(e)}的账号${e.inviteKind ? `（${inviteKindLabels[e.inviteKind]}）` : ''}`,
  'member.call': (e) =>
    `记录了已与${member(e)}电话联系${e.call?.reminder ? `（电话通知了${reminderKindLabels[e.call.reminder]}）` : ''}${e.call?.quietUntil ? `，${dayText(e.call.quietUntil)}前不再提醒` : ''}`,
  'member.depart': (e) => `登记了${departureText(e)}`,
  'member.undoDepart': (e) => `撤销了${departureText(e)}的登记（登记有误）`,
  'member.delete': (e) => `删除了${member(e)}的个人信息${e.deletion ? `（${deletionReasonLabels[e.deletion.reason]}）` : ''}，台账中的记录保留`,
  // Who recorded it is the sentence's subject (本人, 家属代办 or 支部书记); a secretary records only a signed form.
  'consent.give': (e) => `登记了${member(e)}同意保存健康和照护信息${e.consent?.way === 'secretary_paper' ? '（凭本人签字的同意书）' : ''}`,
  'consent.withdraw': (e) => `登记了${member(e)}撤回保存健康和照护信息的同意，健康和照护信息已删除`,
  'careCard.edit': (e) => `修改了${member(e)}的爱心卡${e.careCard ? `，卡上印：${['姓名', '所在支部', ...(Object.keys(careCardItemLabels) as CareCardItem[]).filter((i) => e.careCard!.items.includes(i)).map((i) => careCardItemLabels[i])].join('、')}` : ''}`,
  'member.transferOut': (e) => `办理了${member(e)}的组织关系转出，${transferText(e)}，待转入支部接收`,
  'member.transferAccept': (e) => `接收了${member(e)}的组织关系，${transferText(e)}`,
  'member.transferDecline': (e) => `未接收${member(e)}的组织关系转接，${transferText(e)}`,
  'member.transferCancel': (e) => `撤回了${member(e)}的组织关系转接，${transferText(e)}`,
  'session.create': (e) => `新建了组织生活记录：${sessionText(e.session, e.at)}`,
  'session.update': (e) => `修改了${sessionText(e.session, e.at)}的记录${fieldsText(e.fields, sessionFieldLabels)}`,
  'session.minutes': (e) => `填写了会议记录：${sessionText(e.session, e.at)}`,
  'session.close': (e) => `归档了会议记录：${sessionText(e.session, e.at)}`,
  'session.amend': (e) => `添加了更正说明：${sessionText(e.session, e.at)}`,
  'session.reconcile': (e) => `按出席记录核对了最近参加日期和积分：${sessionText(e.session, e.at)}`,
  'attendance.mark': attendanceText,
  'attendance.withdraw': withdrawText,
  'points.award': (e) => `为${member(e)}记录了积分${pointsText(e)}`,
  'points.reverse': (e) => `更正了${member(e)}的一笔积分（撤回原来的一条）${pointsText(e)}`,
  // A member asking for themselves is not "for" anyone.
  'visit.request': (e) => `${e.memberName && e.memberName === e.actorName ? '' : `为${member(e)}`}申请了送学上门${visitStudy(e)}`,
  'visit.accept': (e) => `确认了为${member(e)}送学上门的建议${statusChange(e)}`,
  'visit.schedule': (e) => `安排了为${member(e)}送学上门${visitWindow(e)}${statusChange(e)}`,
  'visit.reschedule': (e) => `改期了为${member(e)}送学上门${visitWindow(e)}`,
  'visit.deliver': (e) => `完成了为${member(e)}送学上门${statusChange(e)}`,
  'visit.confirm': (e) => `确认了为${member(e)}送学上门${statusChange(e)}`,
  'visit.close': (e) => `办结了为${member(e)}送学上门${statusChange(e)}`,
  'visit.cancel': (e) => `取消了为${member(e)}送学上门${statusChange(e)}`,
  'visit.withdraw': (e) => `撤回了${member(e)}的送学上门申请${visitStudy(e)}${statusChange(e)}`,
  // The member's words stay on the request for the secretary; the trail says only that nobody came.
  'visit.reportMissed': (e) => `告知支部：没有人来为${member(e)}送学上门，请重新安排${visitStudy(e)}`,
  'review.create': (e) => `对${period(e)}的工作提出了督导意见${e.itemCount ? `，列出整改事项 ${e.itemCount} 项` : ''}`,
  'rectification.answer': (e) => `答复了${item(e)}`,
  'rectification.accept': (e) => `审核通过了${item(e)}`,
  'rectification.return': (e) => `退回了${item(e)}，要求重新整改`,
  'period.signoff': (e) => `签字确认了${period(e)}的台账`,
  'org.create': (e) =>
    e.hierarchy?.parent ? `在「${e.hierarchy.parent}」下设立了${e.hierarchy.kindText ?? '组织'}「${e.hierarchy.name}」` : `创建了${e.orgName ? `组织「${e.orgName}」` : '一个组织'}`,
  'staff.invite': (e) => `邀请${staffName(e)}担任${staffRole(e)}`,
  'staff.join': (e) => `接受邀请，担任${staffRole(e)}`,
  'staff.withdraw': (e) => `收回了${staffName(e)}担任的${staffRole(e)}`,
  'branch.create': (e) => `在「${e.hierarchy?.parent ?? '本组织'}」下设立了${unitName(e, '支部')}`,
  'org.rename': (e) => (e.hierarchy?.from ? `把${e.hierarchy.kindText ?? '组织'}「${e.hierarchy.from}」更名为「${e.hierarchy.name}」` : '更名了一个组织'),
  'branch.rename': (e) => (e.hierarchy?.from ? `把支部「${e.hierarchy.from}」更名为「${e.hierarchy.name}」` : '更名了一个支部'),
  'org.close': (e) => `撤销了${unitName(e, '组织')}${e.hierarchy?.on ? `（${dayText(e.hierarchy.on)}）` : ''}`,
  'branch.close': (e) => `撤销了${unitName(e, '支部')}${e.hierarchy?.on ? `（${dayText(e.hierarchy.on)}）` : ''}`,
  'branch.move': (e) => (e.hierarchy?.from && e.hierarchy.to ? `把${unitName(e, '支部')}从「${e.hierarchy.from}」调整到「${e.hierarchy.to}」` : `调整了${unitName(e, '支部')}的上级组织`),
  'staff.change': (e) => `把${staffName(e)}的职务${e.staff?.from ? `由${e.staff.from.scope}的${roleLabels[e.staff.from.role]}` : ''}改为${staffRole(e)}`,
  'rules.set': (e) =>
    e.rules?.points === 'off' ? `停止了${ruleOrg(e)}的积分管理（不实行积分管理）`
    : e.rules?.points === 'on' ? `恢复了${ruleOrg(e)}的积分管理`
    : `修改了${ruleOrg(e)}的${ruleKindText(e)}`,
  'rules.revert': (e) => `让${ruleOrg(e)}的${ruleKindText(e)}恢复沿用上级规定`,
  'feedback.send': (e) => `提交了一条${feedbackKind(e)}`,
  'feedback.answer': (e) => `答复了${e.feedback?.senderName ? `${e.feedback.senderName}的` : '一条'}${feedbackKind(e)}`,
  'console.signIn': () => '扫码确认，在电脑上登录了网页版',
  'roster.import': (e) => (e.roster ? `导入花名册：新建 ${e.roster.created} 人，更新 ${e.roster.updated} 人` : '导入了花名册'),
};
