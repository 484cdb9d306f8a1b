import type { AttendanceMode, Gender, HealthClass, LivingSituation } from './types';
import { dateWords } from '@ltx/shared/wording/time-words';
import { attendanceModeLabels, genderLabels, healthClassLabels, livingSituationLabels } from '@ltx/shared/labels';

export const attendanceText = (m: AttendanceMode | undefined) => (m ? attendanceModeLabels[m] : '未设定');
export const livingText = (l: LivingSituation) => livingSituationLabels[l];
export const genderText = (g: Gender) => genderLabels[g];
export const healthText = (h: HealthClass) => healthClassLabels[h];

/** 1945-10-01 -> 1945年10月1日: a date on record (birth, joining, a transfer), with its year and no weekday. */
export function dateText(iso: string | undefined): string {
  return iso ? dateWords(iso, { weekday: false }) : '未填写';
}

export const yesNo = (v: boolean | undefined) => (v ? '是' : '否');
