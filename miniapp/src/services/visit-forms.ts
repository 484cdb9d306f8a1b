import type { DateParts } from './date-parts';
import { shanghaiParts, startsAtFrom, whenPartsFrom } from './session-time';
import type { CareNotes, DaySlot, VisitDeliverInput, VisitRequest, VisitRequestInput, VisitScheduleInput } from './types';
import { memberLimits, visitLimits } from '@ltx/shared/limits';

/** The forms of 送学上门: strings as typed, checked with messages worded like the API's. Platform-free. */

export interface TimeParts {
  hour: string;
  minute: string;
}

type Check<T, E> = { ok: true; value: T } | { ok: false; errors: E };

// ---- The member's request ----

export interface VisitRequestForm {
  slot: DaySlot;
  note: string;
}

/** "都行" is preselected: a member who taps nothing else still asks correctly. */
export const defaultVisitRequestForm: VisitRequestForm = { slot: 'any', note: '' };

export function toVisitRequestInput(form: VisitRequestForm, sessionId: string | undefined): Check<VisitRequestInput, { note?: string }> {
  const note = form.note.trim();
  if (note.length > visitLimits.note) return { ok: false, errors: { note: `备注：最多 ${visitLimits.note} 个字` } };
  return { ok: true, value: { ...(sessionId ? { sessionId } : {}), slot: form.slot, ...(note ? { note } : {}) } };
}

// ---- The secretary's schedule (and reschedule) ----

export interface ScheduleForm {
  contactUserId: string;
  date: DateParts;
  start: TimeParts;
  end: TimeParts;
  /** On a change of time: why, told to the member and their family (may be left empty). */
  reason?: string;
}

export type ScheduleErrors = Partial<Record<'contactUserId' | 'date' | 'start' | 'end' | 'reason' | 'other', string>>;

const dayMs = 86_400_000;

/**
 * A first guess the secretary edits: the current window when rescheduling; otherwise tomorrow,
 * in the morning (9 to 11) or afternoon (3 to 5) as asked, and the only contact if there is one.
 */
export function defaultScheduleForm(visit: Pick<VisitRequest, 'slot' | 'scheduled'>, now: Date, contacts: readonly { userId: string }[]): ScheduleForm {
  if (visit.scheduled) {
    const a = whenPartsFrom(visit.scheduled.windowStart);
    const b = whenPartsFrom(visit.scheduled.windowEnd);
    return {
      contactUserId: visit.scheduled.contactUserId,
      date: { year: a.year, month: a.month, day: a.day },
      start: { hour: a.hour, minute: a.minute },
      end: { hour: b.hour, minute: b.minute },
    };
  }
  const p = shanghaiParts(new Date(now.getTime() + dayMs).toISOString());
  const afternoon = visit.slot === 'afternoon';
  return {
    contactUserId: contacts.length === 1 ? (contacts[0]?.userId ?? '') : '',
    date: p ? { year: String(p.year), month: String(p.month), day: String(p.day) } : { year: '', month: '', day: '' },
    start: { hour: afternoon ? '15' : '9', minute: '00' },
    end: { hour: afternoon ? '17' : '11', minute: '00' },
  };
}

export function toScheduleInput(f: ScheduleForm): Check<VisitScheduleInput, ScheduleErrors> {
  const errors: ScheduleErrors = {};
  if (!f.contactUserId) errors.contactUserId = '送学联系人：请选择一位';
  const start = startsAtFrom({ ...f.date, ...f.start });
  const end = startsAtFrom({ ...f.date, ...f.end });
  if (!start.ok) {
    if (start.problem.field === 'date') errors.date = start.problem.message;
    else errors.start = start.problem.message.replace(/^时间/, '开始时间');
  }
  if (!end.ok && end.problem.field === 'time') errors.end = end.problem.message.replace(/^时间/, '结束时间');
  if (start.ok && end.ok && Date.parse(end.iso) <= Date.parse(start.iso)) errors.end = '结束时间：要晚于开始时间';
  if (!start.ok || !end.ok || Object.keys(errors).length) return { ok: false, errors };
  const reason = f.reason?.trim();
  return { ok: true, value: { contactUserId: f.contactUserId, windowStart: start.iso, windowEnd: end.iso, ...(reason ? { reason } : {}) } };
}

/** The API's field paths mapped onto the schedule form. */
export function scheduleErrorsFromApi(fields: Record<string, string>): ScheduleErrors {
  const out: ScheduleErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = path === 'contactUserId' ? 'contactUserId' : path === 'windowStart' ? 'start' : path === 'windowEnd' ? 'end' : path === 'reason' ? 'reason' : 'other';
    out[key] = out[key] ? `${out[key]}；${message}` : message;
  }
  return out;
}

// ---- Cancel (a reason is required) ----

export function cancelReasonProblem(reason: string): string | undefined {
  const r = reason.trim();
  if (!r) return '取消原因：请填写为什么取消';
  if (r.length > visitLimits.cancelReason) return `取消原因：最多 ${visitLimits.cancelReason} 个字`;
  return undefined;
}

// ---- The contact's record of the visit ----

export type ObservationKey = 'hearing' | 'eyesight' | 'bestVisitTime' | 'dialect' | 'other';

export const observationFields: { key: ObservationKey; label: string; max: number }[] = [
  { key: 'hearing', label: '听力', max: memberLimits.careNote },
  { key: 'eyesight', label: '视力', max: memberLimits.careNote },
  { key: 'bestVisitTime', label: '方便探访时间', max: memberLimits.careNote },
  { key: 'dialect', label: '方言', max: memberLimits.careNote },
  { key: 'other', label: '其他照护说明', max: memberLimits.careNoteOther },
];

export interface DeliverForm {
  date: DateParts;
  time: TimeParts;
  studied: string;
  remarks: string;
  views: string;
  observations: Record<ObservationKey, string>;
  photos: VisitDeliverInput['photos'];
}

export type DeliverErrors = Partial<Record<'date' | 'time' | 'studied' | 'remarks' | 'views' | 'photos' | 'other' | ObservationKey, string>>;

/** Now, in Beijing time: the contact usually records at the door. */
export function defaultDeliverForm(now: Date, studied = ''): DeliverForm {
  const p = whenPartsFrom(now.toISOString());
  return {
    date: { year: p.year, month: p.month, day: p.day },
    time: { hour: p.hour, minute: p.minute },
    studied,
    remarks: '',
    views: '',
    observations: { hearing: '', eyesight: '', bestVisitTime: '', dialect: '', other: '' },
    photos: [],
  };
}

export function toDeliverInput(f: DeliverForm, now: Date): Check<VisitDeliverInput, DeliverErrors> {
  const errors: DeliverErrors = {};
  const when = startsAtFrom({ ...f.date, ...f.time });
  if (!when.ok) errors[when.problem.field] = when.problem.message.replace(/^(日期|时间)/, '送学$1');
  else if (Date.parse(when.iso) > now.getTime() + 10 * 60_000) errors.time = '送学时间：不能晚于现在';
  const studied = f.studied.trim();
  if (!studied) errors.studied = '学习内容：请写下这次学了什么';
  else if (studied.length > visitLimits.studied) errors.studied = `学习内容：最多 ${visitLimits.studied} 个字`;
  if (f.remarks.trim().length > visitLimits.remarks) errors.remarks = `党员的感想：最多 ${visitLimits.remarks} 个字`;
  if (f.views.trim().length > visitLimits.views) errors.views = `意见建议：最多 ${visitLimits.views} 个字`;
  const observations: CareNotes = {};
  for (const { key, label, max } of observationFields) {
    const v = f.observations[key].trim();
    if (v.length > max) errors[key] = `${label}：最多 ${max} 个字`;
    else if (v) observations[key] = v;
  }
  if (f.photos.length > visitLimits.photos) errors.photos = `照片：最多 ${visitLimits.photos} 张`;
  if (!when.ok || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      deliveredAt: when.iso,
      studied,
      ...(f.remarks.trim() ? { remarks: f.remarks.trim() } : {}),
      ...(f.views.trim() ? { views: f.views.trim() } : {}),
      ...(Object.keys(observations).length ? { observations } : {}),
      photos: f.photos,
    },
  };
}

/** The API's field paths (deliveredAt, observations.hearing, photos.0.uploadId) mapped onto the form. */
export function deliverErrorsFromApi(fields: Record<string, string>): DeliverErrors {
  const out: DeliverErrors = {};
  const known = new Set(['studied', 'remarks', 'views', 'photos', ...observationFields.map((o) => o.key)]);
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.');
    const head = parts[0] === 'observations' ? (parts[1] ?? 'other') : (parts[0] ?? 'other');
    const key = (head === 'deliveredAt' ? 'date' : known.has(head) ? head : 'other') as keyof DeliverErrors;
    out[key] = out[key] ? `${out[key]}；${message}` : message;
  }
  return out;
}
