import type { AttendanceStatus, FrequencyRules, SessionKind } from '../schemas/session';
import { chinaParts } from '../time/china-day';

/** Defaults until an organisation's admin edits its own. */
export const defaultFrequencyRules: FrequencyRules = {
  branch_general_meeting: 'quarterly',
  committee_meeting: 'monthly',
  group_meeting: 'monthly',
  party_lecture: 'quarterly',
  theme_day: 'monthly',
  collective_study: null,
  organisational_life_meeting: 'yearly',
  democratic_appraisal: 'yearly',
};

export interface ExpectableMember {
  id: string;
  name: string;
  partyGroup?: string;
  committeeRole?: string;
}

/** Who a session of this kind expects: the committee, one party group, or the whole branch. */
export function expectedMembers<M extends ExpectableMember>(kind: SessionKind, members: M[], partyGroup?: string): M[] {
  if (kind === 'committee_meeting') return members.filter((m) => !!m.committeeRole);
  if (kind === 'group_meeting') return members.filter((m) => m.partyGroup === partyGroup);
  return members;
}

/** Kinds whose decisions need more than half of those entitled present (支部党员大会, 支委会). */
export const quorumKinds: readonly SessionKind[] = ['branch_general_meeting', 'committee_meeting'];

export function quorum(entitled: number, present: number): { entitled: number; present: number; met: boolean } {
  return { entitled, present, met: present * 2 > entitled };
}

/** Taking part: being there, excused with a reason, studied at home or online. */
export function isParticipation(status: AttendanceStatus | null | undefined): boolean {
  return status === 'present' || status === 'excused' || status === 'home_delivered' || status === 'online';
}

/**
 * What may be recorded before a session starts: leave, and study delivered at home (a visit can come
 * first). Presence, absence and online study are facts of a held meeting and wait for its start.
 */
export const statusesBeforeStart: readonly AttendanceStatus[] = ['excused', 'home_delivered'];

export function mayRecordBeforeStart(status: AttendanceStatus): boolean {
  return statusesBeforeStart.includes(status);
}

/** Kinds whose record needs minutes, or a stated reason for having none, before it is archived. */
export const minutesRequiredKinds: readonly SessionKind[] = quorumKinds;

/** Minutes count when something was written or a photo kept: saving an empty form is not a record. */
export function hasMinutes(m: { agenda: string; content: string; decisions: string; votes: string; photos: readonly unknown[] } | undefined): boolean {
  return !!m && (!!m.agenda || !!m.content || !!m.decisions || !!m.votes || m.photos.length > 0);
}

/** Archiving this record needs the reason there are no minutes. */
export function needsNoMinutesReason(kind: SessionKind, minutes: Parameters<typeof hasMinutes>[0]): boolean {
  return minutesRequiredKinds.includes(kind) && !hasMinutes(minutes);
}

/** Why "everyone present" leaves a member's line as it is. */
export type BulkKeptWhy = 'recorded' | 'visit';

/**
 * "Everyone present" fills only the lines nobody has recorded: leave, online study or anything
 * else already on a line stays, and so does a member whose 送学上门 is under way for this session.
 */
export function planBulkAttendance<E extends { memberId: string }>(
  entries: readonly E[],
  recorded: (memberId: string) => boolean,
  visitUnderWay: (memberId: string) => boolean,
): { fill: E[]; kept: { entry: E; why: BulkKeptWhy }[] } {
  const fill: E[] = [];
  const kept: { entry: E; why: BulkKeptWhy }[] = [];
  for (const entry of entries) {
    if (recorded(entry.memberId)) kept.push({ entry, why: 'recorded' });
    else if (visitUnderWay(entry.memberId)) kept.push({ entry, why: 'visit' });
    else fill.push(entry);
  }
  return { fill, kept };
}

/** What a member (or their proxy) may record for themselves: leave with a reason, or "I studied" online. */
export const selfReportableStatuses: readonly AttendanceStatus[] = ['excused', 'online'];

/** The early-warning threshold: five months without taking part, before the six-month rule bites. */
export const quietMonthsWarning = 5;

export function monthsBetween(fromIso: string, to: Date): number {
  // Whole months on China's calendar.
  const from = chinaParts(fromIso)!;
  const now = chinaParts(to)!;
  return (now.year - from.year) * 12 + (now.month - from.month) - (now.day < from.day ? 1 : 0);
}
