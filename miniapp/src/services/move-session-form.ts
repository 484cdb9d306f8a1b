import { sessionLimits } from '@ltx/shared/limits';
import { startsAtFrom, whenPartsFrom, type WhenParts } from './session-time';
import type { SessionDetail, SessionPatchInput } from './types';

/**
 * "改时间或地点": the secretary moves a session that has not begun. Every member it expects is told on
 * their home (变动通知) with the reason given here. Strings as typed; the API checks everything again.
 */
export interface MoveSessionForm {
  when: WhenParts;
  place: string;
  reason: string;
}

export type MoveSessionErrors = Partial<Record<'date' | 'time' | 'place' | 'reason' | 'other', string>>;

type Check<T, E> = { ok: true; value: T } | { ok: false; errors: E };

export function moveFormFrom(s: Pick<SessionDetail, 'startsAt' | 'place'>): MoveSessionForm {
  return { when: whenPartsFrom(s.startsAt), place: s.place, reason: '' };
}

export function toMoveInput(f: MoveSessionForm, s: Pick<SessionDetail, 'startsAt' | 'place' | 'version'>): Check<SessionPatchInput, MoveSessionErrors> {
  const errors: MoveSessionErrors = {};
  const when = startsAtFrom(f.when);
  if (!when.ok) errors[when.problem.field] = when.problem.message;
  const place = f.place.trim();
  if (!place || place.length > sessionLimits.place) errors.place = `地点：请填写 1 到 ${sessionLimits.place} 个字`;
  const reason = f.reason.trim();
  if (reason.length > sessionLimits.changeReason) errors.reason = `改期原因：最多 ${sessionLimits.changeReason} 个字`;
  if (!when.ok || Object.keys(errors).length) return { ok: false, errors };
  // The form holds minutes: a time not touched is the same time, whatever seconds it was stored with.
  const moved = Math.floor(Date.parse(when.iso) / 60_000) !== Math.floor(Date.parse(s.startsAt) / 60_000);
  if (!moved && place === s.place) return { ok: false, errors: { other: '时间和地点都没有改。' } };
  return {
    ok: true,
    value: { ...(moved ? { startsAt: when.iso } : {}), ...(place !== s.place ? { place } : {}), ...(reason ? { changeReason: reason } : {}), expectedVersion: s.version },
  };
}

/** The API's field paths mapped onto the form's fields; the rest under `other`. */
export function moveErrorsFromApi(fields: Record<string, string>): MoveSessionErrors {
  const out: MoveSessionErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = path === 'startsAt' ? 'date' : path === 'place' ? 'place' : path === 'changeReason' ? 'reason' : 'other';
    out[key] = out[key] ? `${out[key]}；${message}` : message;
  }
  return out;
}
