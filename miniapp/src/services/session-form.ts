import type { Attachment, SessionCreateInput, SessionKind } from './types';
import { defaultWhen, startsAtFrom, type WhenParts } from './session-time';
import { chinaMonth } from '@ltx/shared/time/china-day';
import { sessionLimits } from '@ltx/shared/limits';

/** What the "新建组织生活" form holds: strings as typed. */
export interface SessionFormState {
  kind: SessionKind | '';
  topic: string;
  when: WhenParts;
  place: string;
  hostName: string;
  recorderName: string;
  partyGroup: string;
  materialText: string;
  attachments: Attachment[];
  onlineOffered: boolean;
}

export type SessionFormErrors = Partial<Record<'kind' | 'topic' | 'date' | 'time' | 'place' | 'hostName' | 'recorderName' | 'partyGroup' | 'materialText' | 'attachments' | 'other', string>>;

export const defaultPlace = '党员活动室';

/**
 * The template of each kind: a topic to start from, and whether online study is offered by
 * default. `month` is the month the session is planned for (1 to 12).
 */
export function templateFor(kind: SessionKind, month: number): { topic: string; onlineOffered: boolean } {
  switch (kind) {
    case 'branch_general_meeting':
      return { topic: '通报支部工作，讨论决定支部重要事项', onlineOffered: false };
    case 'committee_meeting':
      return { topic: `研究${month}月支部工作`, onlineOffered: false };
    case 'group_meeting':
      return { topic: '党小组学习交流', onlineOffered: false };
    case 'party_lecture':
      return { topic: '专题党课：学习党的创新理论', onlineOffered: true };
    case 'theme_day':
      return { topic: `${month}月主题党日：学习党的最新理论成果`, onlineOffered: true };
    case 'collective_study':
      return { topic: '集中学习：习近平新时代中国特色社会主义思想', onlineOffered: true };
    case 'organisational_life_meeting':
      return { topic: '年度组织生活会：对照检查，开展批评与自我批评', onlineOffered: false };
    case 'democratic_appraisal':
      return { topic: '年度民主评议党员', onlineOffered: false };
  }
}

export interface FormDefaults {
  now: Date;
  /** The secretary's own name: the usual host. */
  secretaryName: string;
  /** Where the branch last met, if it has met this year. */
  lastPlace?: string;
}

export function emptySessionForm(d: FormDefaults): SessionFormState {
  return {
    kind: '',
    topic: '',
    when: defaultWhen(d.now),
    place: d.lastPlace || defaultPlace,
    hostName: d.secretaryName,
    recorderName: d.secretaryName,
    partyGroup: '',
    materialText: '',
    attachments: [],
    onlineOffered: false,
  };
}

/**
 * Picking a kind fills in its template. A topic the secretary already typed by hand is kept;
 * one that came from the previous kind's template is replaced.
 */
export function withKind(form: SessionFormState, kind: SessionKind, now: Date): SessionFormState {
  const typed = Number(form.when.month);
  const month = typed >= 1 && typed <= 12 ? typed : chinaMonth(now);
  const t = templateFor(kind, month);
  const previousTopic = form.kind ? templateFor(form.kind, month).topic : '';
  const topicIsTemplate = !form.topic.trim() || form.topic === previousTopic;
  return { ...form, kind, topic: topicIsTemplate ? t.topic : form.topic, onlineOffered: t.onlineOffered, partyGroup: kind === 'group_meeting' ? form.partyGroup : '' };
}

const within = (v: string, max: number) => v.trim().length >= 1 && v.trim().length <= max;

/** Checks worded like the API's own messages; the API checks everything again. */
export function toSessionInput(f: SessionFormState): { ok: true; value: SessionCreateInput } | { ok: false; errors: SessionFormErrors } {
  const errors: SessionFormErrors = {};
  if (!f.kind) errors.kind = '会议类型：请选择';
  if (!within(f.topic, sessionLimits.topic)) errors.topic = `主题：请填写 1 到 ${sessionLimits.topic} 个字`;
  const when = startsAtFrom(f.when);
  if (!when.ok) errors[when.problem.field] = when.problem.message;
  if (!within(f.place, sessionLimits.place)) errors.place = `地点：请填写 1 到 ${sessionLimits.place} 个字`;
  if (!within(f.hostName, sessionLimits.hostName)) errors.hostName = `主持人：请填写 1 到 ${sessionLimits.hostName} 个字`;
  if (!within(f.recorderName, sessionLimits.recorderName)) errors.recorderName = `记录人：请填写 1 到 ${sessionLimits.recorderName} 个字`;
  if (f.kind === 'group_meeting' && !f.partyGroup) errors.partyGroup = '党小组会请选择党小组';
  if (f.materialText.trim().length > sessionLimits.materialText) errors.materialText = `学习材料：最多 ${sessionLimits.materialText} 个字`;
  if (!f.kind || !when.ok || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: f.kind,
      topic: f.topic.trim(),
      startsAt: when.iso,
      place: f.place.trim(),
      hostName: f.hostName.trim(),
      recorderName: f.recorderName.trim(),
      ...(f.materialText.trim() ? { materialText: f.materialText.trim() } : {}),
      attachments: f.attachments,
      onlineOffered: f.onlineOffered,
      ...(f.kind === 'group_meeting' ? { partyGroup: f.partyGroup } : {}),
    },
  };
}

/** The API's field paths (startsAt, attachments.0.uploadId, ...) mapped onto the form's fields; the rest under `other`. */
export function formErrorsFromApi(fields: Record<string, string>): SessionFormErrors {
  const out: SessionFormErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const head = path.split('.')[0] ?? path;
    const key = head === 'startsAt' ? 'date' : head;
    const k = (['kind', 'topic', 'date', 'place', 'hostName', 'recorderName', 'partyGroup', 'materialText', 'attachments'].includes(key) ? key : 'other') as keyof SessionFormErrors;
    out[k] = out[k] ? `${out[k]}；${message}` : message;
  }
  return out;
}

/** The party groups of a branch, for 党小组会: each name once, in a stable order. */
export function partyGroupsOf(members: { partyGroup?: string }[]): string[] {
  return [...new Set(members.map((m) => m.partyGroup).filter((g): g is string => !!g))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
