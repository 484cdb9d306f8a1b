import type { AttendanceMode, Gender, HealthClass, LivingSituation } from './types';
import { memberFieldLabels as fieldLabels } from '@ltx/shared/labels';
import { attendanceText, dateText, genderText, healthText, livingText } from './format';

/** Chinese names of the member fields a change may touch: one list, in shared, also read by the audit trail. */
export const memberFieldLabels: Record<string, string> = fieldLabels;

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return key === 'attendanceModeOverride' ? '按健康和居住情况自动确定' : '（清空）';
  switch (key) {
    case 'gender':
      return genderText(value as Gender);
    case 'birthDate':
    case 'joinedPartyOn':
      return dateText(String(value));
    case 'livingSituation':
      return livingText(value as LivingSituation);
    case 'attendanceModeOverride':
      return attendanceText(value as AttendanceMode);
    case 'sensitive': {
      const health = (value as { healthClass?: HealthClass }).healthClass;
      return health ? `健康状况改为“${healthText(health)}”，并更新照护备注和紧急联系人` : '更新照护备注和紧急联系人';
    }
    default:
      return String(value);
  }
}

/** One line per changed field, e.g. "居住情况：独居". Bookkeeping keys are left out. */
export function describePatch(patch: Record<string, unknown>): string[] {
  return Object.entries(patch)
    .filter(([key]) => key !== 'expectedVersion' && key !== 'healthConsent')
    .map(([key, value]) => `${memberFieldLabels[key] ?? key}：${valueText(key, value)}`);
}
