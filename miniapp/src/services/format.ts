import type { AttendanceMode, Gender, HealthClass, LivingSituation } from './types';
import { attendanceModeLabels, genderLabels, healthClassLabels, livingSituationLabels } from '@ltx/shared/labels';

export const attendanceText = (m: AttendanceMode | undefined) => (m ? attendanceModeLabels[m] : '未设定');
export const livingText = (l: LivingSituation) => livingSituationLabels[l];
export const genderText = (g: Gender) => genderLabels[g];
export const healthText = (h: HealthClass) => healthClassLabels[h];

/** 1945-10-01 -> 1945年10月1日: elders read dates in words, not ISO. */
export function dateText(iso: string | undefined): string {
  if (!iso) return '未填写';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An ISO timestamp as a local date and time, e.g. 2025年11月28日 14:05. */
export function dateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const yesNo = (v: boolean | undefined) => (v ? '是' : '否');
