import type { AttendanceMode, HealthClass, LivingSituation } from './schemas/member';

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
