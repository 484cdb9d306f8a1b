import { genderLabels, livingSituationLabels } from '../labels';
import { dateWords } from '../wording/time-words';
import { memberLimits } from '../limits';
import type { LivingSituation } from '../schemas/member';

/**
 * The roster file (花名册): its columns, how one row reads, and what importing it would do to the
 * branch's roll. Pure: the xlsx reading and writing (functions/src/export/roster-*.ts) and the
 * import service use it; "today" comes in as a China day.
 *
 * A row is matched to a member by name and birth date (姓名 + 出生日期): both are required, neither
 * changes over a life, and together they are unique within a branch of a few hundred members. A phone
 * is optional and changes, so it is not the key. Two members of the branch with the same name and
 * birth date make a row that names them ambiguous (an error, never a guess).
 */

export type RosterField =
  | 'name' | 'gender' | 'birthDate' | 'joinedPartyOn' | 'partyGroup' | 'committeeRole' | 'phone'
  | 'livingSituation' | 'livingCity' | 'address';

export interface RosterColumn {
  field: RosterField;
  header: string;
  required: boolean;
  /** What the instructions sheet says about the column. */
  help: string;
  example: string;
  width: number;
}

const words = (labels: Record<string, string>) => Object.values(labels).join('、');

/** The template's columns, in order; the export writes the same, so an exported roster imports again. */
export const rosterColumns: readonly RosterColumn[] = [
  { field: 'name', header: '姓名', required: true, help: `${memberLimits.nameMin} 至 ${memberLimits.name} 个字`, example: '王建国', width: 12 },
  { field: 'gender', header: '性别', required: true, help: `填“${words(genderLabels)}”之一`, example: '男', width: 8 },
  { field: 'birthDate', header: '出生日期', required: true, help: '年-月-日，如 1945-10-01（也可写 1945/10/1 或 1945年10月1日）', example: '1945-10-01', width: 14 },
  { field: 'joinedPartyOn', header: '入党日期', required: true, help: '年-月-日，不能早于出生日期，不能晚于今天', example: '1965-07-01', width: 14 },
  { field: 'partyGroup', header: '党小组', required: false, help: '本支部已有的党小组名称', example: '第一党小组', width: 14 },
  { field: 'committeeRole', header: '支委职务', required: false, help: `支委会成员填写，如 书记、组织委员（不超过 ${memberLimits.committeeRole} 个字）`, example: '', width: 12 },
  { field: 'phone', header: '手机号', required: false, help: '以 1 开头的 11 位数字', example: '13811112222', width: 15 },
  { field: 'livingSituation', header: '居住情况', required: true, help: `填“${words(livingSituationLabels)}”之一`, example: '与家人同住', width: 12 },
  { field: 'livingCity', header: '居住城市', required: false, help: '居住情况为“异地居住”时必填', example: '', width: 12 },
  { field: 'address', header: '家庭住址', required: false, help: `送学上门时用（不超过 ${memberLimits.address} 个字）`, example: '幸福路 8 号 3 单元 201', width: 28 },
];

/**
 * Health data is kept only with the member's own consent, given on its own page (domain/consent.ts), so no
 * file carries it: the template has no health column and an old file's is not read.
 */
export const healthNotInRoster = '花名册里不填健康状况：健康信息须党员本人（或家属代本人）在小程序里同意后，由书记在党员页面填写。';

export const rosterSheetName = '花名册';
export const rosterHelpSheetName = '填写说明';

/** One row as read from the file: each column's cell as text (dates already as 年-月-日 when Excel held a date). */
export type RosterCells = Partial<Record<RosterField, string>>;

/** A row's values once read and checked: what a member record takes. */
export interface RosterValues {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  joinedPartyOn: string;
  partyGroup?: string;
  committeeRole?: string;
  phone?: string;
  livingSituation: LivingSituation;
  livingCity?: string;
  address?: string;
}

/** What the roll holds of a member, as the plan compares it. */
export interface RosterMember extends RosterValues {
  id: string;
  version: number;
  departed: boolean;
}

export type RosterOutcome = 'create' | 'update' | 'unchanged' | 'error';

export interface RosterRowPlan {
  /** The row's number as Excel shows it (the header is row 1). */
  row: number;
  name: string;
  outcome: RosterOutcome;
  values?: RosterValues;
  memberId?: string;
  /** The member's version the plan was made from: applying refuses if it moved. */
  baseVersion?: number;
  /** Fields an update changes. */
  changes?: RosterField[];
  /** Each problem as a sentence naming the row and the column. */
  errors?: string[];
}

const header = (field: RosterField) => rosterColumns.find((c) => c.field === field)!.header;
const reverse = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const genders = reverse(genderLabels);
const livings = reverse(livingSituationLabels);

/** "1945-10-01", "1945/10/1", "1945.10.1", "1945年10月1日" → 1945-10-01; undefined when it is not a real day. */
export function readDay(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Dates typed in a roster (birth, joining the party): the year always, the weekday never. */
const dayWords = (day: string) => dateWords(day, { weekday: false });

/**
 * One row read and checked against the rules and the branch's party groups (`knownGroups`; when the
 * branch has none yet, a name ending in 党小组 starts one). Every problem is reported, not just the first.
 */
export function readRosterRow(row: number, cells: RosterCells, today: string, knownGroups: ReadonlySet<string>): { values?: RosterValues; errors: string[] } {
  const errors: string[] = [];
  const at = (field: RosterField, message: string) => errors.push(`第 ${row} 行「${header(field)}」：${message}`);
  const cell = (field: RosterField) => (cells[field] ?? '').trim();
  const required = (field: RosterField) => {
    const v = cell(field);
    if (!v) at(field, '必须填写');
    return v;
  };
  const maxLength = (field: RosterField, max: number) => {
    const v = cell(field);
    if (v.length > max) at(field, `不能超过 ${max} 个字`);
    return v || undefined;
  };

  const name = required('name');
  if (name && (name.length < memberLimits.nameMin || name.length > memberLimits.name)) at('name', `应为 ${memberLimits.nameMin} 至 ${memberLimits.name} 个字`);

  const genderText = required('gender');
  const gender = genders.get(genderText);
  if (genderText && !gender) at('gender', `“${genderText}”不是可填的写法，请填“${words(genderLabels)}”之一`);

  const day = (field: 'birthDate' | 'joinedPartyOn') => {
    const text = required(field);
    if (!text) return undefined;
    const value = readDay(text);
    if (!value) at(field, `“${text}”不是真实的日期，请按 年-月-日 填写，如 1945-10-01`);
    else if (value > today) at(field, `${dayWords(value)}还没有到，不能晚于今天`);
    return value;
  };
  const birthDate = day('birthDate');
  const joinedPartyOn = day('joinedPartyOn');
  if (birthDate && joinedPartyOn && joinedPartyOn <= birthDate) at('joinedPartyOn', `${dayWords(joinedPartyOn)}不晚于出生日期（${dayWords(birthDate)}），请核对`);

  const partyGroup = maxLength('partyGroup', memberLimits.partyGroup);
  if (partyGroup) {
    if (knownGroups.size && !knownGroups.has(partyGroup)) at('partyGroup', `“${partyGroup}”不是本支部的党小组（本支部有：${[...knownGroups].sort().join('、')}）`);
    if (!knownGroups.size && !partyGroup.endsWith('党小组')) at('partyGroup', `“${partyGroup}”不像党小组的名称，应以“党小组”结尾，如 第一党小组`);
  }
  const committeeRole = maxLength('committeeRole', memberLimits.committeeRole);

  const phone = cell('phone').replace(/[\s-]/g, '') || undefined;
  if (phone && !/^1\d{10}$/.test(phone)) at('phone', `“${cell('phone')}”不是手机号，应为以 1 开头的 11 位数字`);

  const livingText = required('livingSituation');
  const livingSituation = livings.get(livingText);
  if (livingText && !livingSituation) at('livingSituation', `“${livingText}”不是可填的写法，请填“${words(livingSituationLabels)}”之一`);
  const livingCity = maxLength('livingCity', memberLimits.livingCity);
  if (livingSituation === 'elsewhere' && !livingCity) at('livingCity', '居住情况为“异地居住”时必须填写');
  const address = maxLength('address', memberLimits.address);

  if (errors.length || !gender || !livingSituation || !birthDate || !joinedPartyOn) return { errors };
  return {
    errors,
    values: {
      name, gender, birthDate, joinedPartyOn, livingSituation,
      ...(partyGroup ? { partyGroup } : {}), ...(committeeRole ? { committeeRole } : {}), ...(phone ? { phone } : {}),
      ...(livingCity ? { livingCity } : {}), ...(address ? { address } : {}),
    },
  };
}

/** The member's key in the file and on the roll. */
export const rosterKey = (v: { name: string; birthDate: string }) => `${v.name}#${v.birthDate}`;

/** Fields a row sets. An empty optional cell leaves what is stored as it is: a partly filled file never erases. */
const comparedFields = ['gender', 'joinedPartyOn', 'partyGroup', 'committeeRole', 'phone', 'livingSituation', 'livingCity', 'address'] as const;

/** What an update would change: the fields whose filled value differs from the member's. */
export function rosterChanges(values: RosterValues, member: RosterMember): RosterField[] {
  return comparedFields.filter((f) => values[f] !== undefined && values[f] !== member[f]);
}

/**
 * The plan of a whole file against the branch's roll: each row 新建, 更新 (with what changes), 不变 or 错误.
 * A row repeating an earlier row's name and birth date is an error naming the earlier row.
 */
export function planRoster(rows: { row: number; cells: RosterCells }[], roll: RosterMember[], today: string): RosterRowPlan[] {
  const groups = new Set(roll.filter((m) => !m.departed).map((m) => m.partyGroup).filter((g): g is string => !!g));
  const byKey = new Map<string, RosterMember[]>();
  for (const m of roll) byKey.set(rosterKey(m), [...(byKey.get(rosterKey(m)) ?? []), m]);
  const seen = new Map<string, number>();
  return rows.map(({ row, cells }) => {
    const { values, errors } = readRosterRow(row, cells, today, groups);
    const name = values?.name ?? (cells.name ?? '').trim();
    if (!values) return { row, name, outcome: 'error', errors };
    const key = rosterKey(values);
    const earlier = seen.get(key);
    if (earlier !== undefined) return { row, name, outcome: 'error', errors: [`第 ${row} 行：与第 ${earlier} 行是同一人（姓名和出生日期相同），请删去重复的一行`] };
    seen.set(key, row);
    const matches = byKey.get(key) ?? [];
    if (matches.length > 1) return { row, name, outcome: 'error', errors: [`第 ${row} 行：本支部有 ${matches.length} 位姓名和出生日期都相同的党员，无法确定是哪一位，请在小程序里逐一修改`] };
    const member = matches[0];
    if (!member) return { row, name, outcome: 'create', values };
    if (member.departed) return { row, name, outcome: 'error', errors: [`第 ${row} 行：${name}已登记逝世或离开本支部，不能通过导入修改`] };
    const changes = rosterChanges(values, member);
    return changes.length
      ? { row, name, outcome: 'update', values, memberId: member.id, baseVersion: member.version, changes }
      : { row, name, outcome: 'unchanged', memberId: member.id, baseVersion: member.version };
  });
}

/** The row's line as the secretary reads it: 新建 / 更新（改了哪些项）/ 不变 / 错误. */
export function rosterRowText(plan: Pick<RosterRowPlan, 'row' | 'name' | 'outcome' | 'changes' | 'errors'>): string {
  const who = plan.name || '（没有姓名）';
  switch (plan.outcome) {
    case 'create':
      return `第 ${plan.row} 行 ${who}：新建`;
    case 'update':
      return `第 ${plan.row} 行 ${who}：更新（${(plan.changes ?? []).map(header).join('、')}）`;
    case 'unchanged':
      return `第 ${plan.row} 行 ${who}：不变`;
    case 'error':
      return `第 ${plan.row} 行 ${who}：错误`;
  }
}

export const rosterOutcomeLabels: Record<RosterOutcome, string> = { create: '新建', update: '更新', unchanged: '不变', error: '错误' };

/** The member's cells as the export writes them (the same columns the template has). */
export function rosterCellsOf(m: Omit<RosterMember, 'id' | 'version' | 'departed'>): Record<RosterField, string> {
  return {
    name: m.name, gender: genderLabels[m.gender], birthDate: m.birthDate, joinedPartyOn: m.joinedPartyOn, partyGroup: m.partyGroup ?? '',
    committeeRole: m.committeeRole ?? '', phone: m.phone ?? '', livingSituation: livingSituationLabels[m.livingSituation], livingCity: m.livingCity ?? '',
    address: m.address ?? '',
  };
}
