import type { AttendanceStatus, FrequencyRules, SessionKind } from '../schemas/session';

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

/** What a member (or their proxy) may record for themselves: leave with a reason, or "I studied" online. */
export const selfReportableStatuses: readonly AttendanceStatus[] = ['excused', 'online'];

/** The early-warning threshold: five months without taking part, before the six-month rule bites. */
export const quietMonthsWarning = 5;

export function monthsBetween(fromIso: string, to: Date): number {
  const from = new Date(fromIso);
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth()) - (to.getUTCDate() < from.getUTCDate() ? 1 : 0);
}
