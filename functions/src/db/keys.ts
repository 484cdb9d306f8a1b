/**
 * Every key template, declared once. `docs/data-model.md` lists the access patterns that use them.
 */
export const keys = {
  org: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),

  /** What one Idempotency-Key (per route and actor, hashed) was used for and answered. */
  idempotency: (scope: string) => ({ pk: `IDEMPOTENCY#${scope}`, sk: 'IDEMPOTENCY' }),

  branch: (branchId: string) => ({ pk: `BRANCH#${branchId}`, sk: 'BRANCH' }),
  /** gsi1: branches of an organisation, by name. */
  branchesOfOrg: (orgId: string) => `ORG#${orgId}#BRANCHES`,
  /** gsi1: the child organisations of an organisation, by name. */
  childrenOfOrg: (orgId: string) => `ORG#${orgId}#ORGS`,
  /**
   * gsi2: every organisation and branch of one tree, keyed by its root; the sort key is the materialised
   * path (an organisation's own path, or a branch's organisation path then `~<branchId>`), so a subtree is
   * one Query `begins_with(gsi2sk, <the subtree's path>)`.
   */
  treeOf: (rootId: string) => `TREE#${rootId}`,
  branchTreeSortKey: (orgPath: string, branchId: string) => `${orgPath}~${branchId}`,

  member: (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'PROFILE' }),
  /** gsi1: members of a branch, by name. */
  membersOfBranch: (branchId: string) => `BRANCH#${branchId}#MEMBERS`,
  /** gsi2: members paired with a contact, by name. */
  membersOfContact: (contactUserId: string) => `CONTACT#${contactUserId}#MEMBERS`,
  memberSortKey: (name: string, memberId: string) => `${name}#${memberId}`,

  /** What a branch keeps of a member transferred out of it (组织关系转出), beside the member's own item. */
  formerMember: (memberId: string, branchId: string) => ({ pk: `MEMBER#${memberId}`, sk: `LEFT#${branchId}` }),

  /** A transfer (组织关系转接); gsi1 the sending branch's (`OUT`), gsi2 the receiving branch's (`IN`), by status then age. */
  transfer: (transferId: string) => ({ pk: `TRANSFER#${transferId}`, sk: 'TRANSFER' }),
  transfersOfBranch: (branchId: string, way: 'IN' | 'OUT') => `BRANCH#${branchId}#TRANSFERS#${way}`,
  transferSortKey: (status: string, createdAt: string, id: string) => `${status}#${createdAt}#${id}`,

  pendingChange: (memberId: string, changeId: string) => ({ pk: `MEMBER#${memberId}`, sk: `CHANGE#${changeId}` }),
  pendingChangePrefix: 'CHANGE#',
  /** The member's consent to keep health data, each giving and withdrawal in order: one partition with the member, so the history is one Query. */
  consentEvent: (memberId: string, memberVersion: number) => ({ pk: `MEMBER#${memberId}`, sk: `CONSENT#${String(memberVersion).padStart(8, '0')}` }),
  consentEventPrefix: 'CONSENT#',
  /** Who read the member's health data, per China day, reader and purpose: one item however often they looked that day. */
  healthRead: (memberId: string, day: string, readerId: string, purpose: string) => ({ pk: `MEMBER#${memberId}`, sk: `READ#${day}#${readerId}#${purpose}` }),
  healthReadPrefix: 'READ#',

  /** A recorded phone call (已联系), beside the member (their erasure deletes it); gsi1: a branch's calls by time. */
  call: (memberId: string, callId: string) => ({ pk: `MEMBER#${memberId}`, sk: `CALL#${callId}` }),
  callPrefix: 'CALL#',
  callsOfBranch: (branchId: string) => `BRANCH#${branchId}#CALLS`,
  /** A change the branch made in the member's plans (变动通知), beside the member; ids begin with their time, so the partition reads newest first. */
  notice: (memberId: string, noticeId: string) => ({ pk: `MEMBER#${memberId}`, sk: `NOTICE#${noticeId}` }),
  noticePrefix: 'NOTICE#',

  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'USER' }),
  /** How many one-time WeChat agreements a person has left, one number per reminder kind (WeChat counts them per person and template). */
  reminderCredits: (userId: string) => ({ pk: `USER#${userId}`, sk: 'REMINDER_CREDITS' }),
  wechatIdentity: (openid: string) => ({ pk: `WECHAT#${openid}`, sk: 'IDENTITY' }),
  /** A user's WeChat openid for content checks, beside the user item (read by nothing else: services/content-screen.ts). */
  checkOpenId: (userId: string) => ({ pk: `USER#${userId}`, sk: 'OPENID' }),
  invite: (code: string) => ({ pk: `INVITE#${code}`, sk: 'INVITE' }),
  /** gsi2: the staff of an organisation (secretaries, contacts, inspectors, administrators), by role then name. */
  staffOfOrg: (orgId: string) => `ORG#${orgId}#STAFF`,
  /** gsi1: an organisation's pending staff invites, by expiry. */
  staffInvitesOfOrg: (orgId: string) => `ORG#${orgId}#STAFFINVITES`,
  /** Wrong invite codes of one identity in one window (`<window start>`): guessing is refused beyond a limit. */
  /** A web-console login (扫码登录), by its scene: a few minutes long, then past its `ttl`. */
  consoleLogin: (scene: string) => ({ pk: `CONSOLE#${scene}`, sk: 'LOGIN' }),
  inviteAttempts: (identity: string, windowStart: string) => ({ pk: `ATTEMPTS#${identity}`, sk: `INVITE#${windowStart}` }),

  session: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' }),
  /** gsi1: sessions of a branch, by start time. */
  sessionsOfBranch: (branchId: string) => `BRANCH#${branchId}#SESSIONS`,
  sessionSortKey: (startsAt: string, sessionId: string) => `${startsAt}#${sessionId}`,
  amendment: (sessionId: string, at: string, id: string) => ({ pk: `SESSION#${sessionId}`, sk: `AMEND#${at}#${id}` }),
  amendmentPrefix: 'AMEND#',

  frequencyRules: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'RULES#FREQUENCY' }),

  upload: (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' }),
  uploadPrefix: 'UPLOAD#',
  /** gsi1: the upload whose image check (media_check_async) answers with this trace id, for the pushed verdict. */
  mediaCheck: (traceId: string) => `MEDIACHECK#${traceId}`,

  /** Reminders waiting to go out, by due day (for the sender) and by branch (gsi1, for the secretary). */
  outboxDay: (day: string) => `OUTBOX#${day}`,
  outboxOfBranch: (branchId: string) => `BRANCH#${branchId}#OUTBOX`,

  visit: (requestId: string) => ({ pk: `VISIT#${requestId}`, sk: 'VISIT' }),
  /** gsi1: a branch's requests, open ones apart from finished ones, by status then age. */
  visitsOfBranch: (branchId: string, open: boolean) => `BRANCH#${branchId}#VISITS#${open ? 'OPEN' : 'DONE'}`,
  visitSortKey: (status: string, createdAt: string, id: string) => `${status}#${createdAt}#${id}`,
  /** gsi2: the visits assigned to a contact, by time window. */
  visitsOfContact: (contactUserId: string) => `CONTACT#${contactUserId}#VISITS`,
  visitRules: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'RULES#VISITS' }),
  /** gsi1: the users of a branch (secretary, contacts), by role. */
  usersOfBranch: (branchId: string) => `BRANCH#${branchId}#USERS`,

  /** A member's points entries of one year: one partition, so a tally is one Query. */
  pointsOfMemberYear: (memberId: string, year: number) => `POINTS#${memberId}#${year}`,
  pointsEntry: (entryId: string) => `ENTRY#${entryId}`,
  /** gsi1: a branch's entries of a year, by member. */
  pointsOfBranchYear: (branchId: string, year: number) => `BRANCH#${branchId}#POINTS#${year}`,
  pointsRules: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'RULES#POINTS' }),
  /** Sign-offs of a branch's periods (they lock the records dated in them). */
  signoff: (branchId: string, period: string) => ({ pk: `BRANCH#${branchId}`, sk: `SIGNOFF#${period}` }),
  signoffPrefix: 'SIGNOFF#',

  /** Reviews of a branch, by period then time. */
  review: (branchId: string, period: string, at: string, id: string) => ({ pk: `BRANCH#${branchId}`, sk: `REVIEW#${period}#${at}#${id}` }),
  reviewPrefix: (period: string) => `REVIEW#${period}#`,
  rectification: (id: string) => ({ pk: `RECT#${id}`, sk: 'RECT' }),
  /** gsi1: a branch's rectification items, open ones first by deadline. */
  rectificationsOfBranch: (branchId: string) => `BRANCH#${branchId}#RECTS`,

  /** A roster import (its plan and state), and beside it one item per row applied (written once each). */
  rosterImport: (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' }),
  rosterImportRow: (importId: string, row: number) => ({ pk: `IMPORT#${importId}`, sk: `ROW#${String(row).padStart(5, '0')}` }),
  rosterImportRowPrefix: 'ROW#',

  /**
   * A message to the administrators (意见反馈). gsi1: its writer's messages, newest last. gsi2: the messages of one
   * status in one tree, keyed by the root; the sort key starts with the path of the organisation the writer's
   * branch sat under, so an administrator's subtree is one Query `begins_with(gsi2sk, <their organisation's path>)`.
   */
  feedback: (feedbackId: string) => ({ pk: `FEEDBACK#${feedbackId}`, sk: 'FEEDBACK' }),
  feedbackOfUser: (userId: string) => `USER#${userId}#FEEDBACK`,
  feedbackOfTree: (rootId: string, status: string) => `FEEDBACK#${rootId}#${status}`,
  feedbackTreeSortKey: (orgPath: string, createdAt: string, feedbackId: string) => `${orgPath}#${createdAt}#${feedbackId}`,

  /** Local stage only: the demo accounts the login page lists. */
  demoAccounts: 'DEMO#ACCOUNTS',

  /** Audit trail of a branch (or of an organisation), newest last. */
  audit: (scope: string) => `AUDIT#${scope}`,
} as const;
