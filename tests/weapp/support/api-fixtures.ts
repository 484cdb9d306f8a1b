/**
 * The records the smoke run's fake API (fake-api.ts) answers with: plausible, in Chinese, and
 * typed with @ltx/shared's types (smoke.test.ts also parses them with its zod schemas), so the
 * pages render what they would against the real API.
 */
import type { Branch, DemoAccount, Invite, Me, MemberDetail, MemberSummary } from '@ltx/shared';
import type { Role } from '@ltx/shared/domain/roles';
import { capabilities } from '@ltx/shared/domain/authz';
import type { BranchOverview, MemberSession, OutboxEntry, SessionDetail, SessionSummary, UploadTicket } from '@ltx/shared/schemas/session';
import type { ContactVisit, VisitRequest } from '@ltx/shared/schemas/visit';
import type { BranchPoints, MemberPoints, PointsEntry } from '@ltx/shared/schemas/points';
import { daysFromNow } from '../../support/time';

export const ORG = { id: 'o-001', name: '市老干部局' };
export const BRANCH = { id: 'b-001', name: '第一党支部' };

const member: MemberSummary = {
  id: 'm-001',
  branchId: BRANCH.id,
  name: '王建国',
  gender: 'male',
  age: 86,
  partyGroup: '第一小组',
  phoneMasked: '138****0001',
  livingSituation: 'with_family',
  attendanceMode: 'home_delivered',
  bound: true,
};

const session: SessionSummary = {
  id: 's-001',
  branchId: BRANCH.id,
  kind: 'collective_study',
  topic: '学习党的二十届三中全会精神',
  startsAt: daysFromNow(2),
  place: '老干部活动中心二楼',
  status: 'open',
  onlineOffered: true,
  expectedCount: 2,
};

/** About 300 characters of study material, in sentences. */
const studyMaterial = Array.from({ length: 12 }, (_, i) => `第${i + 1}段：坚持理论学习，联系思想实际，把学习成果转化为实际行动。`).join('');

const sessionDetail: SessionDetail = {
  ...session,
  hostName: '李书记',
  recorderName: '赵联系人',
  materialText: '请提前阅读学习材料第一章。',
  attachments: [],
  attendance: [
    { memberId: member.id, memberName: member.name, status: null },
    { memberId: 'm-002', memberName: '陈秀英', status: 'present' },
  ],
  quorum: { entitled: 2, present: 1, met: false },
  amendments: [],
  version: 1,
  createdBy: 'u-secretary',
  createdByName: '李书记',
  locked: false,
};

const visit: VisitRequest = {
  id: 'v-001',
  branchId: BRANCH.id,
  memberId: member.id,
  memberName: member.name,
  sessionId: session.id,
  sessionTopic: session.topic,
  slot: 'morning',
  status: 'scheduled',
  requestedBy: 'u-member',
  requestedByRole: 'member',
  createdAt: daysFromNow(-1),
  ageDays: 1,
  overdue: null,
  scheduled: { contactUserId: 'u-contact', contactName: '赵联系人', windowStart: daysFromNow(3), windowEnd: daysFromNow(3), by: 'u-secretary', at: daysFromNow(0) },
  statusText: '已安排：赵联系人 上午来',
  version: 2,
};

/** The contact's view of the same visit: what is needed at the door. */
const contactVisit: ContactVisit = {
  ...visit,
  memberPhone: '13800000001',
  address: '幸福里小区 3 栋 2 单元 501',
  careNotes: { hearing: '左耳听力弱，请坐在右边说话', bestVisitTime: '上午九点以后' },
  emergencyContacts: [{ name: '王小明', relation: '儿子', phone: '13900000001' }],
};

const pointsEntry: PointsEntry = {
  id: `2025_${member.id}_abc`,
  memberId: member.id,
  year: 2025,
  date: '2025-11-20',
  category: 'home_delivered',
  points: 2,
  source: 'visit',
  visitRequestId: visit.id,
  reason: '集中学习「学习党的二十届三中全会精神」：送学上门',
  recordedBy: 'u-secretary',
  recordedAt: '2025-11-20T08:00:00.000Z',
};

export const fixtures = {
  member,
  members: [member, { ...member, id: 'm-002', name: '陈秀英', gender: 'female', age: 79, attendanceMode: 'in_person', bound: false }] satisfies MemberSummary[],
  memberDetail: {
    ...member,
    birthDate: '1939-05-04',
    joinedPartyOn: '1958-07-01',
    phone: '13800000001',
    pendingChanges: [],
    version: 3,
    updatedAt: '2025-11-20T08:00:00.000Z',
    updatedBy: 'u-secretary',
  } satisfies MemberDetail,
  branch: { id: BRANCH.id, orgId: ORG.id, name: BRANCH.name, secretaryName: '李书记', memberCount: 2, healthClassCounts: { healthy: 1, minor_illness: 1 } } satisfies Branch,
  invite: { code: 'K7M2Q9', kind: 'self', memberId: member.id, expiresAt: '2025-12-05T08:00:00.000Z' } satisfies Invite,
  /** A presigned upload form (the photo chosen in the privacy step goes through it). */
  uploadTicket: { uploadId: 'up-001', url: 'https://uploads.smoke.test/', method: 'POST', fields: { key: 'uploads/up-001' }, fileField: 'file', expiresAt: '2025-12-05T08:15:00.000Z' } satisfies UploadTicket,
  demoAccounts: [
    { account: 'member', label: '王建国', role: 'member' },
    { account: 'secretary', label: '李书记', role: 'secretary' },
  ] satisfies DemoAccount[],
  session,
  sessionDetail,
  // Material longer than one text-to-speech call takes, so "读给我听" has to read it in several chunks.
  memberSession: { ...session, materialText: `${sessionDetail.materialText}${studyMaterial}`, attachments: [], myStatus: null } satisfies MemberSession,
  overview: {
    branchId: BRANCH.id,
    quietMembers: [{ memberId: 'm-002', name: '陈秀英', lastParticipatedAt: daysFromNow(-160), quietMonths: 5, phone: '13800000002', lastCall: null }],
    contactedQuietMembers: [],
    nextSessions: [session],
    visits: { open: 1, drafts: 0, notScheduled: 0, notDelivered: 0 },
  } satisfies BranchOverview,
  outbox: [
    { id: 'r-001', memberId: member.id, memberName: member.name, sessionId: session.id, kind: 'session_tomorrow', dueAt: daysFromNow(1), channel: 'wechat', status: 'pending', text: `明天学习：${session.topic}` },
  ] satisfies OutboxEntry[],
  visit,
  contactVisit,
  /** The member's own open request, for an earlier study: delivered and waiting for the member's confirmation. */
  memberVisit: { ...visit, id: 'v-000', sessionId: 's-000', sessionTopic: '十月主题党日', status: 'delivered', statusText: '已送学，待确认' } satisfies VisitRequest,
  pointsEntry,
  memberPoints: {
    memberId: member.id,
    memberName: member.name,
    year: 2025,
    base: 60,
    total: 62,
    enabled: true,
    byCategory: [{ category: 'home_delivered', earned: 2, counted: 2, cap: null }],
    entries: [pointsEntry],
  } satisfies MemberPoints,
  branchPoints: {
    branchId: BRANCH.id,
    year: 2025,
    enabled: true,
    rows: [
      { memberId: 'm-002', name: '陈秀英', total: 64, entries: 2 },
      { memberId: member.id, name: member.name, total: 62, entries: 1 },
    ],
  } satisfies BranchPoints,
};

/** Who /me says the user is, per role the smoke run signs in as. */
export function meFor(role: Role): Me {
  const me = describeRole(role);
  return { ...me, can: capabilities({ userId: me.userId, role: me.role, orgId: me.orgId, branchId: me.branchId, memberId: me.memberId }) };
}

function describeRole(role: Role): Omit<Me, 'can'> {
  const base = { userId: `u-${role}`, role, orgId: ORG.id, orgName: ORG.name } as const;
  switch (role) {
    case 'member':
    case 'proxy':
      return {
        ...base,
        displayName: role === 'proxy' ? '王小明' : member.name,
        branchId: BRANCH.id,
        branchName: BRANCH.name,
        memberId: member.id,
        memberName: member.name,
        secretaryName: '李书记',
        attendanceMode: member.attendanceMode,
      };
    case 'secretary':
    case 'contact':
      return { ...base, displayName: role === 'secretary' ? '李书记' : '赵联系人', branchId: BRANCH.id, branchName: BRANCH.name };
    case 'inspector':
    case 'admin':
      return { ...base, displayName: '张督导' };
    case 'visitor':
      return { userId: 'u-visitor', role, displayName: '微信用户' };
  }
}
