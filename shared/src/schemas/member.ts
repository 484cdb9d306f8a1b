import * as z from 'zod/mini';
import { HealthConsentState } from './consent';
import { memberLimits } from '../limits';
import { Id, Int, IsoDate, Phone, ShortText, Text, Timestamp, titled, withMeta } from './common';

import { careNoteLabels } from '../labels';
import { deletionReasons } from '../domain/member-deletion';

export { attendanceModeLabels, careNoteLabels, departureReasonLabels, genderLabels, healthClassLabels, livingSituationLabels } from '../labels';

export const healthClasses = ['healthy', 'minor_illness', 'chronic_self_reliant', 'not_self_reliant'] as const;
export const HealthClass = titled(z.enum(healthClasses), '健康状况');
export type HealthClass = z.infer<typeof HealthClass>;

export const livingSituations = ['with_family', 'alone', 'widowed', 'elsewhere'] as const;
export const LivingSituation = titled(z.enum(livingSituations), '居住情况');
export type LivingSituation = z.infer<typeof LivingSituation>;

export const attendanceModes = ['in_person', 'home_delivered', 'online'] as const;
export const AttendanceMode = titled(z.enum(attendanceModes), '参学方式');
export type AttendanceMode = z.infer<typeof AttendanceMode>;

export const Gender = titled(z.enum(['male', 'female']), '性别');

const CareNote = (title: string) => z.optional(ShortText(title, memberLimits.careNote));

export const CareNotes = titled(
  z.strictObject({
    bestVisitTime: CareNote(careNoteLabels.bestVisitTime),
    hearing: CareNote(careNoteLabels.hearing),
    eyesight: CareNote(careNoteLabels.eyesight),
    largePrint: z.optional(titled(z.boolean(), careNoteLabels.largePrint)),
    readAloud: z.optional(titled(z.boolean(), careNoteLabels.readAloud)),
    dialect: CareNote(careNoteLabels.dialect),
    other: z.optional(ShortText(careNoteLabels.other, memberLimits.careNoteOther)),
  }),
  '照护备注',
);
export type CareNotes = z.infer<typeof CareNotes>;

export const EmergencyContact = z.strictObject({
  name: Text('紧急联系人姓名', memberLimits.emergencyContactName),
  relation: Text('与本人关系', memberLimits.emergencyContactRelation),
  phone: titled(Phone, '紧急联系人电话'),
});
export type EmergencyContact = z.infer<typeof EmergencyContact>;

/**
 * Health class, care notes and emergency contacts: sensitive personal information, stored in
 * its own item and shown only to the member, their proxy, the secretary and the paired contact.
 */
export const SensitiveProfile = z.strictObject({
  healthClass: HealthClass,
  careNotes: z._default(CareNotes, {}),
  emergencyContacts: z._default(titled(z.array(EmergencyContact).check(z.maxLength(memberLimits.emergencyContacts)), '紧急联系人'), []),
});
export type SensitiveProfile = z.infer<typeof SensitiveProfile>;

const memberFields = {
  name: Text('姓名', memberLimits.name, memberLimits.nameMin),
  gender: Gender,
  birthDate: titled(IsoDate, '出生日期'),
  joinedPartyOn: titled(IsoDate, '入党日期'),
  partyGroup: z.optional(ShortText('党小组', memberLimits.partyGroup)),
  /** 书记、组织委员……: members of the branch committee are expected at 支委会. */
  committeeRole: z.optional(ShortText('支委职务', memberLimits.committeeRole)),
  phone: z.optional(titled(Phone, '手机号')),
  livingSituation: LivingSituation,
  livingCity: z.optional(ShortText('居住城市', memberLimits.livingCity)),
  /** Where study is brought: seen only by those who may see health data (the member, proxy, secretary, paired contact). */
  address: z.optional(ShortText('家庭住址', memberLimits.address)),
  attendanceModeOverride: z.optional(titled(z.nullable(AttendanceMode), '参学方式')),
  contactUserId: z.optional(titled(z.nullable(Id), '结对联系人')),
};

/**
 * Health and care data, written only once the member's own consent stands (shared/src/domain/consent.ts,
 * given on its own page, never a box the secretary ticks): the service refuses it otherwise. A new member
 * has not consented yet, so creating one never takes it.
 */
const healthField = { sensitive: z.optional(titled(SensitiveProfile, '健康与照护信息')) };

const requireCity = z.superRefine((v: { livingSituation?: LivingSituation; livingCity?: string }, ctx) => {
  if (v.livingSituation === 'elsewhere' && !v.livingCity) {
    ctx.addIssue({ code: 'custom', path: ['livingCity'], message: '异地居住时请填写居住城市' });
  }
});

export const MemberCreateInput = titled(z.strictObject(memberFields).check(requireCity), '新增党员');
export type MemberCreateInput = z.infer<typeof MemberCreateInput>;

export const MemberPatchInput = titled(
  z
    .strictObject({
      ...z.partial(z.object(memberFields)).shape,
      ...healthField,
      /** The version the editor saw; a stale version answers 409 instead of overwriting. */
      expectedVersion: titled(Int().check(z.gte(1)), '版本'),
    })
    .check(requireCity),
  '修改党员信息',
);
export type MemberPatchInput = z.infer<typeof MemberPatchInput>;

/** Why a member is off the roll: 逝世, 组织关系转出, or another departure (退党、除名 and the like, named in the note). */
export const departureReasons = ['deceased', 'transferred_out', 'left'] as const;
export const DepartureReason = titled(z.enum(departureReasons), '原因');
export type DepartureReason = z.infer<typeof DepartureReason>;

/** The secretary records that a member died or left the branch, with the day (not in the future, not before they joined). */
export const DepartureInput = titled(
  z.strictObject({
    reason: DepartureReason,
    on: titled(IsoDate, '日期'),
    note: z.optional(ShortText('备注', memberLimits.departureNote)),
    /** The version the secretary saw: a stale version answers 409. */
    expectedVersion: titled(Int().check(z.gte(1)), '版本'),
  }),
  '登记逝世或离开',
);
export type DepartureInput = z.infer<typeof DepartureInput>;

/** An administrator deletes a departed member's personal information (`domain/member-deletion.ts`). */
export const MemberDeleteInput = titled(
  z.strictObject({
    reason: titled(z.enum(deletionReasons), '删除原因'),
    /** The version the administrator saw: a stale version answers 409. */
    expectedVersion: titled(Int().check(z.gte(1)), '版本'),
  }),
  '删除党员个人信息',
);
export type MemberDeleteInput = z.infer<typeof MemberDeleteInput>;

/** Taking back a departure recorded by mistake. */
export const DepartureUndoInput = titled(z.strictObject({ expectedVersion: titled(Int().check(z.gte(1)), '版本') }), '撤销逝世或离开的登记');
export type DepartureUndoInput = z.infer<typeof DepartureUndoInput>;

/** A member off the roll: why, the day, and from which day the roll leaves them out (later when that day is in a signed-off period). */
export const Departure = z.object({
  reason: DepartureReason,
  on: IsoDate,
  effectiveOn: IsoDate,
  note: z.optional(z.string()),
  recordedAt: Timestamp,
  /** Set when the member left by an accepted transfer (组织关系转接): the receiving branch's name. Their record is that branch's now. */
  toBranchName: z.optional(z.string()),
});
export type Departure = z.infer<typeof Departure>;

export const MemberSummary = z.object({
  id: Id,
  branchId: Id,
  name: z.string(),
  gender: Gender,
  age: Int(),
  partyGroup: z.optional(z.string()),
  committeeRole: z.optional(z.string()),
  phoneMasked: z.optional(z.string()),
  livingSituation: LivingSituation,
  attendanceMode: AttendanceMode,
  bound: withMeta(z.boolean(), { description: 'A WeChat identity (the member or a proxy) is bound to this record.' }),
  /** When the member last took part (present, excused, home-delivered or online). */
  lastParticipatedAt: z.optional(Timestamp),
  /** Present when the member died or left the branch: lists show them apart, and the roll leaves them out from `effectiveOn`. */
  departure: z.optional(Departure),
  /** The China day an administrator deleted the member's personal information: `name` is then the anonymised reference. */
  deletedOn: z.optional(IsoDate),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const PendingChange = z.object({
  id: Id,
  proposedBy: Id,
  proposedAt: Timestamp,
  patch: z.record(z.string(), z.unknown()),
});
export type PendingChange = z.infer<typeof PendingChange>;

export const MemberDetail = z.extend(MemberSummary, {
  birthDate: IsoDate,
  joinedPartyOn: IsoDate,
  /** Full number for the secretary and the member; masked for everyone else. */
  phone: z.optional(z.string()),
  livingCity: z.optional(z.string()),
  address: z.optional(z.string()),
  attendanceModeOverride: z.optional(z.nullable(AttendanceMode)),
  contactUserId: z.optional(z.nullable(Id)),
  /** Present only for those allowed to read health data. */
  sensitive: z.optional(SensitiveProfile),
  /** Whether the member's own consent to keep health data stands: for those who may read health data. */
  healthConsent: z.optional(HealthConsentState),
  /** Present for the secretary only. */
  pendingChanges: z.optional(z.array(PendingChange)),
  version: Int(),
  updatedAt: Timestamp,
  updatedBy: Id,
});
export type MemberDetail = z.infer<typeof MemberDetail>;

export const InviteKind = titled(z.enum(['self', 'proxy']), '邀请对象');
export const InviteCreateInput = z.strictObject({ kind: InviteKind });
export type InviteCreateInput = z.infer<typeof InviteCreateInput>;
export const Invite = z.object({ code: z.string(), kind: InviteKind, memberId: Id, expiresAt: Timestamp });
export type Invite = z.infer<typeof Invite>;
