import type { AttendanceMode, HealthClass, LivingSituation } from './schemas/member';
import type { AttendanceStatus, Frequency, SessionKind } from './schemas/session';

/**
 * Chinese words for the member enums. Kept free of zod (types only) so the mini-program can
 * import it without pulling the schema library into its 1 MB main package.
 */
export const healthClassLabels: Record<HealthClass, string> = {
  healthy: '健康',
  minor_illness: '患小病',
  chronic_self_reliant: '慢性病能自理',
  not_self_reliant: '不能自理',
};

export const livingSituationLabels: Record<LivingSituation, string> = {
  with_family: '与家人同住',
  alone: '独居',
  widowed: '丧偶',
  elsewhere: '异地居住',
};

export const attendanceModeLabels: Record<AttendanceMode, string> = {
  in_person: '到场参加集中学习',
  home_delivered: '送学上门',
  online: '网上自学',
};

export const genderLabels = { male: '男', female: '女' } as const;

export const sessionKindLabels: Record<SessionKind, string> = {
  branch_general_meeting: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  collective_study: '集中学习',
  organisational_life_meeting: '组织生活会',
  democratic_appraisal: '民主评议党员',
};

export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: '出席',
  excused: '请假',
  absent: '缺席',
  home_delivered: '送学上门',
  online: '网上自学',
};

export const frequencyLabels: Record<Frequency, string> = { monthly: '每月', quarterly: '每季度', yearly: '每年' };

/** For counts per class: members without recorded consent have no class. */
export const healthCountLabels: Record<HealthClass | 'unknown', string> = { ...healthClassLabels, unknown: '未登记（未同意保存健康信息）' };

/** A rule counted over the quarter or year that holds the period looked at (not due in it). */
export const cadenceWindowLabels: Record<'month' | 'quarter' | 'year', string> = { month: '本月内', quarter: '本季度内', year: '本年度内' };
