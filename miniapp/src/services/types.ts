/**
 * The API's shapes, as types only: importing values from @ltx/shared's schemas would pull zod
 * into the mini-program bundle.
 */
export type {
  AttendanceMode,
  Branch,
  CareNotes,
  DemoAccount,
  EmergencyContact,
  HealthClass,
  Invite,
  LivingSituation,
  Me,
  MemberCreateInput,
  MemberDetail,
  MemberPatchInput,
  MemberSummary,
  PendingChange,
  Session,
} from '@ltx/shared';
export type { Role } from '@ltx/shared/domain/roles';
export type Gender = 'male' | 'female';
