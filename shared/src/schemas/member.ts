import * as z from 'zod';
import { Id, IsoDate, Phone, Timestamp } from './common';

export { attendanceModeLabels, genderLabels, healthClassLabels, livingSituationLabels } from '../labels';

export const healthClasses = ['healthy', 'minor_illness', 'chronic_self_reliant', 'not_self_reliant'] as const;
export const HealthClass = z.enum(healthClasses).meta({ title: '健康状况' });
export type HealthClass = z.infer<typeof HealthClass>;

export const livingSituations = ['with_family', 'alone', 'widowed', 'elsewhere'] as const;
export const LivingSituation = z.enum(livingSituations).meta({ title: '居住情况' });
export type LivingSituation = z.infer<typeof LivingSituation>;

export const attendanceModes = ['in_person', 'home_delivered', 'online'] as const;
export const AttendanceMode = z.enum(attendanceModes).meta({ title: '参学方式' });
export type AttendanceMode = z.infer<typeof AttendanceMode>;

export const Gender = z.enum(['male', 'female']).meta({ title: '性别' });

const ShortText = (title: string, max = 50) => z.string().trim().max(max).meta({ title });

export const CareNotes = z
  .object({
    bestVisitTime: ShortText('方便探访时间').optional(),
    hearing: ShortText('听力').optional(),
    eyesight: ShortText('视力').optional(),
    largePrint: z.boolean().meta({ title: '需要大字' }).optional(),
    readAloud: z.boolean().meta({ title: '需要读给他听' }).optional(),
    dialect: ShortText('方言').optional(),
    other: ShortText('其他照护说明', 200).optional(),
  })
  .strict()
  .meta({ title: '照护备注' });
export type CareNotes = z.infer<typeof CareNotes>;

export const EmergencyContact = z
  .object({
    name: z.string().trim().min(1).max(20).meta({ title: '紧急联系人姓名' }),
    relation: z.string().trim().min(1).max(10).meta({ title: '与本人关系' }),
    phone: Phone.meta({ title: '紧急联系人电话' }),
  })
  .strict();
export type EmergencyContact = z.infer<typeof EmergencyContact>;

/**
 * Health class, care notes and emergency contacts: sensitive personal information, stored in
 * its own item and shown only to the member, their proxy, the secretary and the paired contact.
 */
export const SensitiveProfile = z
  .object({
    healthClass: HealthClass,
    careNotes: CareNotes.default({}),
    emergencyContacts: z.array(EmergencyContact).max(3).meta({ title: '紧急联系人' }).default([]),
  })
  .strict();
export type SensitiveProfile = z.infer<typeof SensitiveProfile>;

const memberFields = {
  name: z.string().trim().min(2).max(20).meta({ title: '姓名' }),
  gender: Gender,
  birthDate: IsoDate.meta({ title: '出生日期' }),
  joinedPartyOn: IsoDate.meta({ title: '入党日期' }),
  partyGroup: z.string().trim().max(20).meta({ title: '党小组' }).optional(),
  /** 书记、组织委员……: members of the branch committee are expected at 支委会. */
  committeeRole: z.string().trim().max(10).meta({ title: '支委职务' }).optional(),
  phone: Phone.meta({ title: '手机号' }).optional(),
  livingSituation: LivingSituation,
  livingCity: z.string().trim().max(20).meta({ title: '居住城市' }).optional(),
  /** Where study is brought: seen only by those who may see health data (the member, proxy, secretary, paired contact). */
  address: z.string().trim().max(100).meta({ title: '家庭住址' }).optional(),
  attendanceModeOverride: AttendanceMode.nullable().meta({ title: '参学方式' }).optional(),
  contactUserId: Id.nullable().meta({ title: '结对联系人' }).optional(),
};

/** Health data needs the member's own consent, recorded separately, before it is stored. */
const consentField = {
  healthConsent: z.literal(true, { error: '保存健康信息前需要本人同意' }).meta({ title: '本人同意' }).optional(),
  sensitive: SensitiveProfile.meta({ title: '健康与照护信息' }).optional(),
};

function requireConsentAndCity(
  v: { livingSituation?: LivingSituation; livingCity?: string; sensitive?: unknown; healthConsent?: true },
  ctx: z.RefinementCtx,
) {
  if (v.sensitive !== undefined && v.healthConsent !== true) {
    ctx.addIssue({ code: 'custom', path: ['healthConsent'], message: '保存健康信息前需要本人同意，请勾选“本人已同意”' });
  }
  if (v.livingSituation === 'elsewhere' && !v.livingCity) {
    ctx.addIssue({ code: 'custom', path: ['livingCity'], message: '异地居住时请填写居住城市' });
  }
}

export const MemberCreateInput = z
  .object({ ...memberFields, ...consentField })
  .strict()
  .superRefine(requireConsentAndCity)
  .meta({ title: '新增党员' });
export type MemberCreateInput = z.infer<typeof MemberCreateInput>;

export const MemberPatchInput = z
  .object(memberFields)
  .partial()
  .extend({
    ...consentField,
    /** The version the editor saw; a stale version answers 409 instead of overwriting. */
    expectedVersion: z.number().int().min(1).meta({ title: '版本' }),
  })
  .strict()
  .superRefine(requireConsentAndCity)
  .meta({ title: '修改党员信息' });
export type MemberPatchInput = z.infer<typeof MemberPatchInput>;

export const MemberSummary = z.object({
  id: Id,
  branchId: Id,
  name: z.string(),
  gender: Gender,
  age: z.number().int(),
  partyGroup: z.string().optional(),
  committeeRole: z.string().optional(),
  phoneMasked: z.string().optional(),
  livingSituation: LivingSituation,
  attendanceMode: AttendanceMode,
  bound: z.boolean().meta({ description: 'A WeChat identity (the member or a proxy) is bound to this record.' }),
  /** When the member last took part (present, excused, home-delivered or online). */
  lastParticipatedAt: Timestamp.optional(),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const PendingChange = z.object({
  id: Id,
  proposedBy: Id,
  proposedAt: Timestamp,
  patch: z.record(z.string(), z.unknown()),
});
export type PendingChange = z.infer<typeof PendingChange>;

export const MemberDetail = MemberSummary.extend({
  birthDate: IsoDate,
  joinedPartyOn: IsoDate,
  /** Full number for the secretary and the member; masked for everyone else. */
  phone: z.string().optional(),
  livingCity: z.string().optional(),
  address: z.string().optional(),
  attendanceModeOverride: AttendanceMode.nullable().optional(),
  contactUserId: Id.nullable().optional(),
  /** Present only for those allowed to read health data. */
  sensitive: SensitiveProfile.extend({ consentRecordedAt: Timestamp, consentRecordedBy: Id }).optional(),
  /** Present for the secretary only. */
  pendingChanges: z.array(PendingChange).optional(),
  version: z.number().int(),
  updatedAt: Timestamp,
  updatedBy: Id,
});
export type MemberDetail = z.infer<typeof MemberDetail>;

export const InviteKind = z.enum(['self', 'proxy']).meta({ title: '邀请对象' });
export const InviteCreateInput = z.object({ kind: InviteKind }).strict();
export type InviteCreateInput = z.infer<typeof InviteCreateInput>;
export const Invite = z.object({ code: z.string(), kind: InviteKind, memberId: Id, expiresAt: Timestamp });
export type Invite = z.infer<typeof Invite>;
