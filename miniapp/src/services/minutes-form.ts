import type { AmendmentInput, Attachment, AttendanceStatus, MinutesInput, SessionDetail } from './types';
import { amendmentLimits, minutesLimits } from '@ltx/shared/limits';

export interface MinutesFormState {
  agenda: string;
  content: string;
  decisions: string;
  votes: string;
  photos: (Attachment & { url?: string })[];
}

export type MinutesErrors = Partial<Record<'agenda' | 'content' | 'decisions' | 'votes' | 'photos' | 'other', string>>;

const titles = { agenda: '议程', content: '会议内容', decisions: '决议', votes: '表决情况' } as const;

export function minutesFormFrom(detail: Pick<SessionDetail, 'minutes'>): MinutesFormState {
  const m = detail.minutes;
  return { agenda: m?.agenda ?? '', content: m?.content ?? '', decisions: m?.decisions ?? '', votes: m?.votes ?? '', photos: m?.photos ?? [] };
}

export function toMinutesInput(f: MinutesFormState): { ok: true; value: MinutesInput } | { ok: false; errors: MinutesErrors } {
  const errors: MinutesErrors = {};
  for (const key of ['agenda', 'content', 'decisions', 'votes'] as const) {
    const max = minutesLimits[key];
    if (f[key].trim().length > max) errors[key] = `${titles[key]}：最多 ${max} 个字`;
  }
  if (!f.agenda.trim() && !f.content.trim() && !f.decisions.trim() && !f.votes.trim() && f.photos.length === 0) {
    errors.content = '会议内容：请至少填写一项再保存';
  }
  if (f.photos.length > minutesLimits.photos) errors.photos = `影像资料：最多 ${minutesLimits.photos} 张`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      agenda: f.agenda.trim(),
      content: f.content.trim(),
      decisions: f.decisions.trim(),
      votes: f.votes.trim(),
      photos: f.photos.map((p) => ({ uploadId: p.uploadId, name: p.name })),
    },
  };
}

/** The API's paths (photos.0.uploadId, ...) onto the form's fields. */
export function minutesErrorsFromApi(fields: Record<string, string>): MinutesErrors {
  const out: MinutesErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const head = path.split('.')[0] ?? '';
    const k = (['agenda', 'content', 'decisions', 'votes', 'photos'].includes(head) ? head : 'other') as keyof MinutesErrors;
    out[k] = out[k] ? `${out[k]}；${message}` : message;
  }
  return out;
}

/** An amendment: a note on the record, or one member's attendance corrected. */
export interface AmendmentFormState {
  reason: string;
  what: 'note' | 'attendance';
  note: string;
  memberId: string;
  status: AttendanceStatus | '';
  leaveReason: string;
}

export type AmendmentErrors = Partial<Record<'reason' | 'note' | 'memberId' | 'status' | 'leaveReason' | 'other', string>>;

export const emptyAmendment: AmendmentFormState = { reason: '', what: 'note', note: '', memberId: '', status: '', leaveReason: '' };

export function toAmendmentInput(f: AmendmentFormState): { ok: true; value: AmendmentInput } | { ok: false; errors: AmendmentErrors } {
  const errors: AmendmentErrors = {};
  const reason = f.reason.trim();
  if (!reason) errors.reason = '更正原因：请填写为什么要更正';
  else if (reason.length > amendmentLimits.reason) errors.reason = `更正原因：最多 ${amendmentLimits.reason} 个字`;
  if (f.what === 'note') {
    if (!f.note.trim()) errors.note = '更正内容：请填写';
    else if (f.note.trim().length > amendmentLimits.note) errors.note = `更正内容：最多 ${amendmentLimits.note} 个字`;
  } else {
    if (!f.memberId) errors.memberId = '请选择要更正出席情况的党员';
    if (!f.status) errors.status = '请选择更正后的出席情况';
    if (f.status === 'excused' && !f.leaveReason.trim()) errors.leaveReason = '请假需要填写原因';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (f.what === 'note') return { ok: true, value: { reason, note: f.note.trim() } };
  const status = f.status as AttendanceStatus;
  return {
    ok: true,
    value: { reason, attendance: { memberId: f.memberId, status, ...(status === 'excused' ? { reason: f.leaveReason.trim() } : {}) } },
  };
}

export function amendmentErrorsFromApi(fields: Record<string, string>): AmendmentErrors {
  const out: AmendmentErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const k: keyof AmendmentErrors =
      path === 'reason' ? 'reason' : path === 'note' ? 'note' : path === 'attendance.memberId' ? 'memberId' : path === 'attendance.status' ? 'status' : path === 'attendance.reason' ? 'leaveReason' : 'other';
    out[k] = out[k] ? `${out[k]}；${message}` : message;
  }
  return out;
}
