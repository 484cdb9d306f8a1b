import { can, type Resource } from '@ltx/shared/domain/authz';
import { ageOn, maskPhone } from '@ltx/shared/domain/member-rules';
import type { Actor } from '@ltx/shared/domain/roles';
import { chinaDay } from '@ltx/shared/time/china-day';
import type { Departure, MemberDetail, MemberSummary, PendingChange } from '@ltx/shared/schemas/member';
import type { DepartureRecord, MemberRecord, PendingChangeRecord } from '../repositories/records';

export function memberResource(m: Pick<MemberRecord, 'orgId' | 'branchId' | 'id' | 'contactUserId'>): Extract<Resource, { type: 'member' }> {
  return { type: 'member', orgId: m.orgId, branchId: m.branchId, memberId: m.id, contactUserId: m.contactUserId ?? null };
}

/** A row in a list: phone always masked, no health data. */
export function toSummary(m: MemberRecord, today: Date): MemberSummary {
  return {
    id: m.id,
    branchId: m.branchId,
    name: m.name,
    gender: m.gender,
    age: ageOn(m.birthDate, today),
    ...(m.partyGroup ? { partyGroup: m.partyGroup } : {}),
    ...(m.committeeRole ? { committeeRole: m.committeeRole } : {}),
    ...(m.lastParticipatedAt ? { lastParticipatedAt: m.lastParticipatedAt } : {}),
    ...(m.phone ? { phoneMasked: maskPhone(m.phone) } : {}),
    livingSituation: m.livingSituation,
    attendanceMode: m.attendanceMode,
    bound: m.bound,
    ...(m.departure ? { departure: departureView(m.departure) } : {}),
    ...(m.erased ? { deletedOn: chinaDay(m.erased.at) } : {}),
  };
}

/** The departure as pages read it: never who recorded it by id (the audit trail names them). */
function departureView(d: DepartureRecord): Departure {
  return { reason: d.reason, on: d.on, effectiveOn: d.effectiveOn, ...(d.note ? { note: d.note } : {}), recordedAt: d.recordedAt, ...(d.toBranchName ? { toBranchName: d.toBranchName } : {}) };
}

/** The detail view, cut to what this actor may see. */
export function toDetail(m: MemberRecord, actor: Actor, today: Date, pending?: PendingChangeRecord[]): MemberDetail {
  const resource = memberResource(m);
  const detail: MemberDetail = {
    ...toSummary(m, today),
    birthDate: m.birthDate,
    joinedPartyOn: m.joinedPartyOn,
    ...(m.phone ? { phone: can(actor, 'member.readPhone', resource) ? m.phone : maskPhone(m.phone) } : {}),
    ...(m.livingCity ? { livingCity: m.livingCity } : {}),
    attendanceModeOverride: m.attendanceModeOverride ?? null,
    contactUserId: m.contactUserId ?? null,
    version: m.version,
    updatedAt: m.updatedAt,
    updatedBy: m.updatedBy,
  };
  if (can(actor, 'member.readSensitive', resource)) {
    if (m.sensitive) detail.sensitive = { healthClass: m.sensitive.healthClass, careNotes: m.sensitive.careNotes, emergencyContacts: m.sensitive.emergencyContacts };
    if (m.healthConsent) detail.healthConsent = { termsVersion: m.healthConsent.termsVersion, givenAt: m.healthConsent.givenAt, way: m.healthConsent.way };
    if (m.address) detail.address = m.address;
  }
  if (pending) detail.pendingChanges = pending.map(toPendingView);
  return detail;
}

function toPendingView(c: PendingChangeRecord): PendingChange {
  return { id: c.id, proposedBy: c.proposedBy, proposedAt: c.proposedAt, patch: c.patch };
}
