import { departureReasonLabels, departureSectionLabels } from '@ltx/shared/labels';
import { memberLimits } from '@ltx/shared/limits';
import { type DateParts, isBlank, isoFromParts } from './date-parts';
import { dateText } from './format';
import type { Departure, DepartureReason, MemberSummary } from './types';

/** The reasons the form offers, in respectful words (no codes). */
export const departureChoices: { value: DepartureReason; label: string }[] = (Object.keys(departureReasonLabels) as DepartureReason[]).map((value) => ({
  value,
  label: departureReasonLabels[value],
}));

/** "已于2026年3月5日逝世", "已于2026年3月5日组织关系转出". */
export function departureFact(d: Pick<Departure, 'reason' | 'on'>): string {
  const day = dateText(d.on);
  if (d.reason === 'deceased') return `已于${day}逝世`;
  if (d.reason === 'transferred_out') return `已于${day}组织关系转出本支部`;
  return `已于${day}离开本支部`;
}

/** What the secretary reads before confirming: the fact, and what follows from it. */
export function departureConfirmText(name: string, reason: DepartureReason, on: string): string {
  const what = reason === 'deceased' ? `${name}同志于${dateText(on)}逝世` : `${name}${departureFact({ reason, on }).replace(/^已/, '')}`;
  return `请核对：${what}。登记后，自这一天起不再给本人和家属发提醒，之后的会议不再计入应到人数，也不再列入预警；这一天以前的记录都保留。登记有误可以撤销。`;
}

/** The roll for the list: members on it, then the departed apart, in sections ("已故党员", "已离开本支部"). */
export function splitRoll<M extends Pick<MemberSummary, 'departure'>>(members: readonly M[]): { active: M[]; sections: { title: string; members: M[] }[] } {
  const active = members.filter((m) => !m.departure);
  const titles = [...new Set(members.flatMap((m) => (m.departure ? [departureSectionLabels[m.departure.reason]] : [])))];
  const ordered = [departureSectionLabels.deceased, departureSectionLabels.left].filter((t) => titles.includes(t));
  return {
    active,
    sections: ordered.map((title) => ({ title, members: members.filter((m) => m.departure && departureSectionLabels[m.departure.reason] === title) })),
  };
}

export interface DepartureFormErrors {
  reason?: string;
  on?: string;
  note?: string;
}

/** The form's own check, the same as the server's (`domain/roll.ts`): a real day, not after today, not before joining. */
export function departureFormProblems(form: { reason: DepartureReason | ''; on: DateParts; note: string }, joinedPartyOn: string, today: string): { errors: DepartureFormErrors; on?: string } {
  const errors: DepartureFormErrors = {};
  if (!form.reason) errors.reason = '请选择是逝世还是离开本支部';
  const on = isBlank(form.on) ? null : isoFromParts(form.on);
  if (isBlank(form.on)) errors.on = '请填写日期';
  else if (!on) errors.on = '日期不对，请检查年、月、日';
  else if (on > today) errors.on = '日期不能晚于今天';
  else if (on < joinedPartyOn) errors.on = '日期不能早于入党日期';
  if (form.note.trim().length > memberLimits.departureNote) errors.note = `备注最多 ${memberLimits.departureNote} 个字`;
  return { errors, ...(on ? { on } : {}) };
}
