import type {
  AttendanceMode,
  CareNotes,
  EmergencyContact,
  Gender,
  HealthClass,
  LivingSituation,
  MemberCreateInput,
  MemberDetail,
  MemberPatchInput,
} from './types';
import { type DateParts, emptyDate, isBlank, isoFromParts, partsFromIso } from './date-parts';
import { memberLimits } from '@ltx/shared/limits';

/** What the edit form holds: strings as typed, so half-typed input survives re-renders. */
export interface MemberFormState {
  name: string;
  gender: Gender | '';
  birthDate: DateParts;
  joinedPartyOn: DateParts;
  partyGroup: string;
  phone: string;
  livingSituation: LivingSituation | '';
  livingCity: string;
  /** 家庭住址: where a home visit goes. */
  address: string;
  /** 'auto': follow the rule from health and living situation. */
  attendanceModeOverride: AttendanceMode | 'auto';
  /** The member's own consent to keep health data stands (given on its own page): only then is the health section there. */
  healthAllowed: boolean;
  healthClass: HealthClass | '';
  careNotes: CareNotesDraft;
  emergencyContacts: EmergencyContact[];
}

export interface CareNotesDraft {
  bestVisitTime: string;
  hearing: string;
  eyesight: string;
  dialect: string;
  other: string;
  largePrint: boolean;
  readAloud: boolean;
}

/** Field messages keyed by the API's dotted paths (e.g. `sensitive.emergencyContacts.0.phone`). */
export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const MAX_EMERGENCY_CONTACTS = memberLimits.emergencyContacts;

const emptyCareNotes: CareNotesDraft = { bestVisitTime: '', hearing: '', eyesight: '', dialect: '', other: '', largePrint: false, readAloud: false };

export function emptyMemberForm(): MemberFormState {
  return {
    name: '',
    gender: '',
    birthDate: { ...emptyDate },
    joinedPartyOn: { ...emptyDate },
    partyGroup: '',
    phone: '',
    livingSituation: '',
    livingCity: '',
    address: '',
    attendanceModeOverride: 'auto',
    healthAllowed: false,
    healthClass: '',
    careNotes: { ...emptyCareNotes },
    emergencyContacts: [],
  };
}

export function memberFormFrom(m: MemberDetail): MemberFormState {
  const notes = m.sensitive?.careNotes ?? {};
  return {
    name: m.name,
    gender: m.gender,
    birthDate: partsFromIso(m.birthDate),
    joinedPartyOn: partsFromIso(m.joinedPartyOn),
    partyGroup: m.partyGroup ?? '',
    phone: m.phone ?? '',
    livingSituation: m.livingSituation,
    livingCity: m.livingCity ?? '',
    address: m.address ?? '',
    attendanceModeOverride: m.attendanceModeOverride ?? 'auto',
    healthAllowed: m.healthConsent !== undefined,
    healthClass: m.sensitive?.healthClass ?? '',
    careNotes: {
      bestVisitTime: notes.bestVisitTime ?? '',
      hearing: notes.hearing ?? '',
      eyesight: notes.eyesight ?? '',
      dialect: notes.dialect ?? '',
      other: notes.other ?? '',
      largePrint: notes.largePrint ?? false,
      readAloud: notes.readAloud ?? false,
    },
    emergencyContacts: (m.sensitive?.emergencyContacts ?? []).map((c) => ({ ...c })),
  };
}

const PHONE = /^1\d{10}$/;

function careNotesOut(d: CareNotesDraft): CareNotes {
  const out: CareNotes = { largePrint: d.largePrint, readAloud: d.readAloud };
  for (const key of ['bestVisitTime', 'hearing', 'eyesight', 'dialect', 'other'] as const) {
    const v = d[key].trim();
    if (v) out[key] = v;
  }
  return out;
}

type SensitiveOut = NonNullable<MemberPatchInput['sensitive']>;

/**
 * The checks a person can fix before sending, worded like the API's own messages. The API
 * checks everything again; anything it finds comes back per field the same way.
 */
function check(f: MemberFormState, errors: FieldErrors) {
  const name = f.name.trim();
  if (name.length < memberLimits.nameMin || name.length > memberLimits.name) errors.name = `姓名：请填写 ${memberLimits.nameMin} 到 ${memberLimits.name} 个字`;
  if (!f.gender) errors.gender = '性别：请选择';
  const dates = [
    ['birthDate', '出生日期'],
    ['joinedPartyOn', '入党日期'],
  ] as const;
  for (const [key, title] of dates) {
    if (isBlank(f[key])) errors[key] = `${title}：请填写年、月、日`;
    else if (!isoFromParts(f[key])) errors[key] = `${title}：没有这一天，请检查年、月、日`;
  }
  if (f.phone.trim() && !PHONE.test(f.phone.trim())) errors.phone = '手机号：应为 11 位数字';
  if (!f.livingSituation) errors.livingSituation = '居住情况：请选择';
  if (f.livingSituation === 'elsewhere' && !f.livingCity.trim()) errors.livingCity = '异地居住时请填写居住城市';
  if (f.address.trim().length > memberLimits.address) errors.address = `家庭住址：最多 ${memberLimits.address} 个字`;
  if (f.healthAllowed) {
    if (!f.healthClass) errors['sensitive.healthClass'] = '健康状况：请选择';
    f.emergencyContacts.forEach((c, i) => {
      const at = `sensitive.emergencyContacts.${i}`;
      if (!c.name.trim()) errors[`${at}.name`] = '紧急联系人姓名：请填写';
      if (!c.relation.trim()) errors[`${at}.relation`] = '与本人关系：请填写';
      if (!PHONE.test(c.phone.trim())) errors[`${at}.phone`] = '紧急联系人电话：应为 11 位数字';
    });
  }
}

function sensitiveOut(f: MemberFormState): SensitiveOut | undefined {
  if (!f.healthAllowed || !f.healthClass) return undefined;
  return {
    healthClass: f.healthClass,
    careNotes: careNotesOut(f.careNotes),
    emergencyContacts: f.emergencyContacts.map((c) => ({ name: c.name.trim(), relation: c.relation.trim(), phone: c.phone.trim() })),
  };
}

export function toCreateInput(f: MemberFormState): FormResult<MemberCreateInput> {
  const errors: FieldErrors = {};
  check(f, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const input: MemberCreateInput = {
    name: f.name.trim(),
    gender: f.gender as Gender,
    birthDate: isoFromParts(f.birthDate) as string,
    joinedPartyOn: isoFromParts(f.joinedPartyOn) as string,
    livingSituation: f.livingSituation as LivingSituation,
  };
  if (f.partyGroup.trim()) input.partyGroup = f.partyGroup.trim();
  if (f.phone.trim()) input.phone = f.phone.trim();
  if (f.livingCity.trim()) input.livingCity = f.livingCity.trim();
  if (f.address.trim()) input.address = f.address.trim();
  if (f.attendanceModeOverride !== 'auto') input.attendanceModeOverride = f.attendanceModeOverride;
  return { ok: true, value: input };
}

/** Order-stable comparison of plain JSON values. */
function sameJson(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, norm((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * Only the fields that changed, plus the version the editor saw, so two people editing
 * different fields do not overwrite each other and a stale edit is refused (409).
 * `value` is null when nothing changed.
 */
export function toPatchInput(f: MemberFormState, original: MemberDetail): FormResult<MemberPatchInput | null> {
  const errors: FieldErrors = {};
  check(f, errors);
  if (original.phone && !f.phone.trim()) errors.phone = '手机号：不能清空，请填写新的 11 位手机号';
  if (Object.keys(errors).length) return { ok: false, errors };
  const full = toCreateInput(f);
  if (!full.ok) return full;
  const next = full.value;
  const patch: MemberPatchInput = { expectedVersion: original.version };
  const setIf = <K extends keyof MemberPatchInput>(key: K, value: MemberPatchInput[K], before: unknown) => {
    if (!sameJson(value ?? null, before ?? null)) patch[key] = value;
  };
  setIf('name', next.name, original.name);
  setIf('gender', next.gender, original.gender);
  setIf('birthDate', next.birthDate, original.birthDate);
  setIf('joinedPartyOn', next.joinedPartyOn, original.joinedPartyOn);
  // Cleared text is sent as '' (the schema has no null for these) so the old value goes away.
  setIf('partyGroup', next.partyGroup ?? '', original.partyGroup ?? '');
  setIf('phone', next.phone, original.phone);
  setIf('livingSituation', next.livingSituation, original.livingSituation);
  setIf('livingCity', next.livingCity ?? '', original.livingCity ?? '');
  setIf('address', next.address ?? '', original.address ?? '');
  setIf('attendanceModeOverride', next.attendanceModeOverride ?? null, original.attendanceModeOverride ?? null);
  const sensitive = sensitiveOut(f);
  if (sensitive) {
    const before = original.sensitive && {
      healthClass: original.sensitive.healthClass,
      careNotes: careNotesOut(memberFormFrom(original).careNotes),
      emergencyContacts: original.sensitive.emergencyContacts,
    };
    if (!sameJson(sensitive, before)) patch.sensitive = sensitive;
  }
  return { ok: true, value: Object.keys(patch).length > 1 ? patch : null };
}
