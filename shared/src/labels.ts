import type { DeletionReason } from './domain/member-deletion';
import type { ConsentWay, HealthReadPurpose } from './domain/consent';
import type { OrgKind } from './domain/hierarchy';
import type { FeedbackKind, FeedbackStatus } from './schemas/feedback';
import type { RectificationStatus } from './schemas/inspection';
import type { AttendanceMode, DepartureReason, HealthClass, InviteCreateInput, LivingSituation, MemberPatchInput } from './schemas/member';
import type { AttendanceStatus, Frequency, ReminderKind, SessionKind, SessionPatchInput } from './schemas/session';
import type { CallPause } from './schemas/call';

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
/** 他 or 她, from the member record, where a card speaks of the member ("需要读给她听"). */
export const genderPronounLabels = { male: '他', female: '她' } as const;

/** The reasons a member or proxy picks with one tap when asking for leave; after them "其他", to type one. */
export const leaveReasonPicks = ['身体不适', '住院', '在外地', '家中有事'] as const;

/** The care notes' names, as the form, the member page and the visitor's card say them, whoever the member is. */
export const careNoteLabels = {
  bestVisitTime: '方便探访时间', hearing: '听力', eyesight: '视力', dialect: '方言',
  largePrint: '需要大字材料', readAloud: '需要读给本人听', other: '其他照护说明',
} as const;

/**
 * What a care card (爱心卡) may carry beside the name, in the order it is printed. The member or their proxy
 * ticks each one; the branch's name is always on it, so whoever finds the card knows whom to ask.
 */
export const careCardItemLabels = {
  address: '住址',
  conditions: '身体情况',
  medicines: '常用药',
  careNotes: '照护提示',
  emergencyContacts: '紧急联系人',
  contact: '结对联系人',
} as const;
export type CareCardItem = keyof typeof careCardItemLabels;

/** Why a member is off the roll, in respectful words: what the form offers. */
export const departureReasonLabels: Record<DepartureReason, string> = {
  deceased: '逝世',
  transferred_out: '组织关系转出',
  left: '因其他原因离开本支部',
};

/** Why an administrator deletes a departed member's personal information. */
export const deletionReasonLabels: Record<DeletionReason, string> = {
  family_request: '家属申请删除',
  member_request: '本人生前申请删除',
  archive_rule: '按档案管理规定到期删除',
};

/** The member list's section for each reason, and the word beside a name there. */
export const departureSectionLabels: Record<DepartureReason, string> = {
  deceased: '已故党员',
  transferred_out: '已离开本支部',
  left: '已离开本支部',
};

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

export const rectificationStatusLabels: Record<RectificationStatus, string> = {
  open: '待整改',
  answered: '已答复，待督导审核',
  returned: '已退回，需重新整改',
  accepted: '已通过',
};

/** How consent to keep health data was given or withdrawn, as the member's page and the audit trail say it. */
export const consentWayLabels: Record<ConsentWay, string> = {
  member: '本人在小程序里同意',
  proxy: '家属代本人在小程序里同意',
  secretary_paper: '本人签字同意，书记登记',
};

/** Why health data was read, as the member's read log says it. */
export const healthReadPurposeLabels: Record<HealthReadPurpose, string> = {
  member_page: '查看党员信息',
  home_visit: '准备送学上门',
};

export const inviteKindLabels: Record<InviteCreateInput['kind'], string> = { self: '本人', proxy: '家属代办' };

/** Chinese names of the member fields an edit may touch (bookkeeping keys have none and are not shown). */
export const memberFieldLabels: Record<Exclude<keyof MemberPatchInput, 'expectedVersion'>, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  joinedPartyOn: '入党日期',
  partyGroup: '党小组',
  committeeRole: '支委职务',
  phone: '手机号',
  livingSituation: '居住情况',
  livingCity: '居住城市',
  address: '家庭住址',
  attendanceModeOverride: '参学方式',
  contactUserId: '结对联系人',
  sensitive: '健康与照护信息',
};

/** Chinese names of the session fields an edit may touch. */
export const sessionFieldLabels: Record<Exclude<keyof SessionPatchInput, 'expectedVersion' | 'changeReason'>, string> = {
  topic: '主题',
  startsAt: '开始时间',
  place: '地点',
  hostName: '主持人',
  recorderName: '记录人',
  materialText: '学习材料',
  attachments: '附件',
  onlineOffered: '可网上参学',
};

/** Days of the week as people say them, Sunday first (as `Date`'s and `chinaParts`' weekday number). */
export const weekdayLabels = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** The kinds of organisation above branches, as people call them. */
export const orgKindLabels: Record<OrgKind, string> = { gongwei: '工委', dang_gongwei: '党工委', dangwei: '党委', zongzhi: '党总支' };
/** A closed organisation or branch: kept, read-only, shown with its day. */
export const closedLabel = '已撤销';

/** The three kinds of rules an organisation may set for its subtree (each inherits on its own). */
export const ruleKindLabels = { frequency: '组织生活频次要求', visits: '送学上门规定', points: '积分规则' } as const;
/**
 * Points in everyday words, wherever they are shown: 加分 and 扣分, never a bare minus; 更正 for an
 * entry that takes back an earlier one (the accountant's 冲正), which stays on record; 每年起始分 for
 * the points every member starts the year with (the rules' 基础分).
 */
export const pointsWords = {
  add: '加分',
  subtract: '扣分',
  correction: '更正',
  /** The form field and validation name for why an entry is taken back. */
  correctionReason: '更正原因',
  /** On an entry a later correction took back. */
  corrected: '已更正（这一条不再计分）',
  /** The secretary's button on an entry that still counts. */
  correctThis: '更正这一条（撤回）',
  basePerYear: '每年起始分',
} as const;

/** What the points pages say where an organisation does not keep points. */
export const pointsOffWords = '本组织不实行积分管理';

/**
 * An image waiting for, or refused by, WeChat's content check, as its uploader and the secretary read
 * it in place of the image (others do not see it at all until it passed).
 */
export const mediaCheckLabels = { checking: '审核中', rejected: '这张照片未通过内容安全审核，已隐藏' } as const;

/** 意见反馈: its kinds, and whether the administrator has answered. */
export const feedbackKindLabels: Record<FeedbackKind, string> = { suggestion: '意见建议', complaint: '投诉', help: '求助' };
/** Reminders in words (待发提醒, the audit trail's 已电话通知). */
export const reminderKindLabels: Record<ReminderKind, string> = { session_tomorrow: '开会前一天提醒', material_published: '学习材料通知', plan_changed: '安排变动通知' };

/** How long a recorded call quiets the five-month warning. */
export const callPauseLabels: Record<CallPause, string> = { one_month: '一个月', two_months: '两个月', three_months: '三个月' };

export const feedbackStatusLabels: Record<FeedbackStatus, string> = { open: '待回复', answered: '已回复' };
