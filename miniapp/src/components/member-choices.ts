import { attendanceModeLabels, genderLabels, healthClassLabels, livingSituationLabels } from '@ltx/shared/labels';
import type { AttendanceMode, Gender, HealthClass, LivingSituation } from '@/services/types';
import type { Choice } from './ChoiceField';

const choicesOf = <T extends string>(labels: Record<T, string>): Choice<T>[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const genderChoices: Choice<Gender>[] = choicesOf<Gender>(genderLabels);
export const livingChoices: Choice<LivingSituation>[] = choicesOf(livingSituationLabels);
export const healthChoices: Choice<HealthClass>[] = choicesOf(healthClassLabels);
export const attendanceChoices: Choice<AttendanceMode | 'auto'>[] = [
  { value: 'auto', label: '按健康和居住情况自动确定' },
  ...choicesOf(attendanceModeLabels),
];
