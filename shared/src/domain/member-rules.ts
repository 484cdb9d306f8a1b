import type { AttendanceMode, HealthClass, LivingSituation } from '../schemas/member';
import { chinaParts } from '../time/china-day';

/**
 * How a member takes part unless the secretary overrides it: those who cannot look after
 * themselves get study delivered at home, those living elsewhere study online.
 */
export function deriveAttendanceMode(health: HealthClass | undefined, living: LivingSituation): AttendanceMode {
  if (health === 'not_self_reliant') return 'home_delivered';
  if (living === 'elsewhere') return 'online';
  return 'in_person';
}

/** 13812345678 -> 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Whole years between a birth date (YYYY-MM-DD) and a day. */
export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  // The birthday comes on China's calendar: at 00:10 in Beijing on the day it is already here.
  const now = chinaParts(today)!;
  let age = now.year - y;
  const beforeBirthday = now.month < m || (now.month === m && now.day < d);
  if (beforeBirthday) age -= 1;
  return age;
}
