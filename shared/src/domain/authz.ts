import { isUnder, rootPath } from './hierarchy';
import type { Actor } from './roles';

/**
 * The single place that decides who may do what. Every handler asks `decide` (through the
 * functions' `authorize` helper); nothing else compares roles.
 */
export type Resource = Placed &
  (
  | { type: 'org'; orgId: string }
  | { type: 'branch'; orgId: string; branchId: string }
  | { type: 'member'; orgId: string; branchId: string; memberId: string; contactUserId?: string | null }
  | { type: 'session'; orgId: string; branchId: string }
  /** A 送学上门 request; `contactUserId` is the contact it is assigned to. */
  | { type: 'visit'; orgId: string; branchId: string; memberId: string; contactUserId?: string | null }
  /**
   * A message to the administrators (意见反馈), placed where its sender sat when they wrote it; `senderUserId`
   * is the account that wrote it: the only one besides the subtree's administrators and inspectors who sees it.
   */
  | { type: 'feedback'; orgId: string; branchId: string; senderUserId: string }
  );

/**
 * Where a record sits in the hierarchy: `orgPath` is the path of its organisation (`/root/…/orgId/`,
 * shared/src/domain/hierarchy.ts), read from the org or the branch the record belongs to. Without it
 * (a root, or data written before the hierarchy) the record sits directly under `orgId`.
 */
type Placed = {
  orgPath?: string;
  /** The record's branch is closed (撤销): its book of record is read-only (`onClosedBranch`). Set where the branch is read (`placed`). */
  closed?: boolean;
};

export const actions = [
  'org.listBranches',
  'branch.read',
  'branch.listMembers',
  'branch.listAllMembers',
  'member.create',
  'member.read',
  'member.readSensitive',
  'member.readPhone',
  'member.recordCall',
  'member.update',
  'member.proposeUpdate',
  'member.approveChange',
  'member.invite',
  'member.pairAsContact',
  'member.recordDeparture',
  'member.delete',
  'consent.read',
  'consent.give',
  'consent.withdraw',
  'member.exportOwnData',
  'careCard.read',
  'careCard.edit',
  'rules.read',
  'rules.edit',
  'session.list',
  'session.read',
  'session.write',
  'attendance.readAll',
  'attendance.mark',
  'attendance.markOwn',
  'notice.read',
  'upload.create',
  'upload.seeUnchecked',
  'outbox.read',
  'visit.request',
  'visit.list',
  'visit.read',
  'visit.manage',
  'visit.cancel',
  'visit.deliver',
  'visit.confirm',
  'visit.withdraw',
  'visit.reportMissed',
  'visit.listContacts',
  'visit.tasks',
  'visit.readViews',
  'points.read',
  'points.branch',
  'points.write',
  'compliance.read',
  'ledger.read',
  'review.write',
  'rectification.answer',
  'staff.list',
  'staff.invite',
  'staff.withdraw',
  'staff.changeRole',
  'roster.import',
  'roster.export',
  'console.signIn',
  'org.read',
  'org.manage',
  'branch.manage',
  'member.transfer',
  'transfer.accept',
  'transfer.list',
  'feedback.send',
  'feedback.read',
  'feedback.list',
  'feedback.answer',
] as const;
export type Action = (typeof actions)[number];

/** `closed`: allowed, but the record's branch is closed and the action would change its book of record (409 ORG_CLOSED). */
export type Decision = 'allow' | 'forbidden' | 'not_found' | 'closed';

/** Administrators and inspectors hold a subtree: their organisation and everything under it. */
const inSubtree = (a: Actor, r: Resource) => !!a.orgId && isUnder(r.orgPath ?? rootPath(r.orgId), a.orgId);
/** Branch ids are unique across the table and kept when a branch moves, so a branch's own people keep it. */
const inBranch = (a: Actor, r: { branchId: string }) => !!a.branchId && a.branchId === r.branchId;

/**
 * Whether the actor may know the resource exists at all. What they cannot see answers 404,
 * so that another branch's records do not leak even their existence.
 */
export function canSee(actor: Actor, resource: Resource): boolean {
  switch (actor.role) {
    case 'admin':
    case 'inspector':
      return inSubtree(actor, resource);
    case 'secretary':
      if (resource.type === 'feedback') return resource.senderUserId === actor.userId;
      return resource.type === 'org' ? false : inBranch(actor, resource);
    case 'contact':
      if (resource.type === 'org') return false;
      if (resource.type === 'feedback') return resource.senderUserId === actor.userId;
      if (resource.type !== 'member' && resource.type !== 'visit') return inBranch(actor, resource);
      return inBranch(actor, resource) && resource.contactUserId === actor.userId;
    case 'member':
    case 'proxy':
      if (resource.type === 'org') return false;
      // A message is its writer's own, whoever else acts for the same member (a proxy does not read the member's).
      if (resource.type === 'feedback') return resource.senderUserId === actor.userId;
      if (resource.type !== 'member' && resource.type !== 'visit') return inBranch(actor, resource);
      return inBranch(actor, resource) && resource.memberId === actor.memberId;
    case 'visitor':
      return false;
  }
}

/**
 * What a closed (撤销) branch still allows on its records. A closed branch keeps its history, read-only: nothing is
 * added to or changed in its book of record (sessions, attendance, visits, points, the roll, reviews). Reading stays,
 * and so do the member's own rights over their personal information (consent, the care card, a copy, deletion),
 * moving members out (组织关系转出) and writing to the administrators: nobody is stuck in a closed branch.
 * Every action says which, so a new action decides it on purpose.
 */
export const onClosedBranch: Record<Action, 'allowed' | 'refused'> = {
  'org.listBranches': 'allowed',
  'branch.read': 'allowed',
  'branch.listMembers': 'allowed',
  'branch.listAllMembers': 'allowed',
  'member.create': 'refused',
  'member.read': 'allowed',
  'member.readSensitive': 'allowed',
  'member.readPhone': 'allowed',
  'member.recordCall': 'refused',
  'member.update': 'refused',
  'member.proposeUpdate': 'refused',
  'member.approveChange': 'refused',
  'member.invite': 'refused',
  'member.pairAsContact': 'refused',
  'member.recordDeparture': 'refused',
  'member.delete': 'allowed',
  'consent.read': 'allowed',
  'consent.give': 'allowed',
  'consent.withdraw': 'allowed',
  'member.exportOwnData': 'allowed',
  'careCard.read': 'allowed',
  'careCard.edit': 'allowed',
  'rules.read': 'allowed',
  'rules.edit': 'allowed',
  'session.list': 'allowed',
  'session.read': 'allowed',
  'session.write': 'refused',
  'attendance.readAll': 'allowed',
  'attendance.mark': 'refused',
  'attendance.markOwn': 'refused',
  'notice.read': 'allowed',
  'upload.create': 'refused',
  'upload.seeUnchecked': 'allowed',
  'outbox.read': 'allowed',
  'visit.request': 'refused',
  'visit.list': 'allowed',
  'visit.read': 'allowed',
  'visit.manage': 'refused',
  'visit.cancel': 'refused',
  'visit.deliver': 'refused',
  'visit.confirm': 'refused',
  'visit.withdraw': 'refused',
  'visit.reportMissed': 'refused',
  'visit.listContacts': 'allowed',
  'visit.tasks': 'allowed',
  'visit.readViews': 'allowed',
  'points.read': 'allowed',
  'points.branch': 'allowed',
  'points.write': 'refused',
  'compliance.read': 'allowed',
  'ledger.read': 'allowed',
  'review.write': 'refused',
  'rectification.answer': 'refused',
  'staff.list': 'allowed',
  'staff.invite': 'allowed',
  'staff.withdraw': 'allowed',
  'staff.changeRole': 'allowed',
  'roster.import': 'refused',
  'roster.export': 'allowed',
  'console.signIn': 'allowed',
  'org.read': 'allowed',
  'org.manage': 'allowed',
  'branch.manage': 'allowed',
  'member.transfer': 'allowed',
  'transfer.accept': 'refused',
  'transfer.list': 'allowed',
  'feedback.send': 'allowed',
  'feedback.read': 'allowed',
  'feedback.list': 'allowed',
  'feedback.answer': 'allowed',
};

/** Roles allowed each action, given that the resource is visible to them. */
const allowedRoles: Record<Action, readonly Actor['role'][]> = {
  'org.listBranches': ['admin', 'inspector'],
  'branch.read': ['admin', 'inspector', 'secretary', 'contact', 'member', 'proxy'],
  'branch.listMembers': ['admin', 'inspector', 'secretary', 'contact'],
  // The whole roll; a contact lists only the members paired with them.
  'branch.listAllMembers': ['admin', 'inspector', 'secretary'],
  'member.create': ['secretary'],
  'member.read': ['admin', 'inspector', 'secretary', 'contact', 'member', 'proxy'],
  // Health and care notes: the member, their proxy, the branch secretary and the paired contact only.
  'member.readSensitive': ['secretary', 'contact', 'member', 'proxy'],
  // Full phone number: the secretary and the member (the proxy acts as the member).
  'member.readPhone': ['secretary', 'member', 'proxy'],
  // 已联系: recording a phone call to the member (and reading who called when): the one who holds the number.
  'member.recordCall': ['secretary'],
  'member.update': ['secretary'],
  // A contact's change to a profile waits for the secretary's approval.
  // The member and their proxy ask for a correction of their own record (PIPL Art. 46) the same way.
  'member.proposeUpdate': ['contact', 'member', 'proxy'],
  'member.approveChange': ['secretary'],
  'member.invite': ['secretary'],
  // Who may be paired with a member as their contact (asked of the person to pair, resource: the branch).
  'member.pairAsContact': ['contact'],
  // Recording that a member died (逝世) or left the branch, and taking it back when it was a mistake (resource: member).
  'member.recordDeparture': ['secretary'],
  // Deleting a departed member's personal information (PIPL Art. 47), on request or when the archive rules
  // allow: the administrators of the subtree, not the branch (resource: member; rule in domain/member-deletion.ts).
  'member.delete': ['admin'],
  // The member's own consent to keep health data (resource: member): given and withdrawn by the member or
  // their proxy in the app, or recorded by the secretary from a signed paper form or the member's request.
  'consent.read': ['secretary', 'member', 'proxy'],
  'consent.give': ['secretary', 'member', 'proxy'],
  'consent.withdraw': ['secretary', 'member', 'proxy'],
  // A copy of everything kept about the member (PIPL Art. 45): for the member and their proxy, and the secretary
  // who prints it for a member without a phone (resource: member).
  'member.exportOwnData': ['secretary', 'member', 'proxy'],
  // The care card (爱心卡, resource: the member): the member and their proxy read it and decide what is on it. It is
  // printed and carried; whoever holds the paper reads it, nobody else online (not even the branch: it has the profile).
  'careCard.read': ['member', 'proxy'],
  'careCard.edit': ['member', 'proxy'],
  // Frequency rules of an organisation (resource: org).
  'rules.read': ['admin', 'inspector'],
  'rules.edit': ['admin'],
  // Sessions (resource: branch for list/create, session otherwise). Members see only their own attendance line.
  'session.list': ['admin', 'inspector', 'secretary', 'contact', 'member', 'proxy'],
  'session.read': ['admin', 'inspector', 'secretary', 'contact', 'member', 'proxy'],
  'session.write': ['secretary'],
  'attendance.mark': ['secretary'],
  // Every line of a session's attendance; members and proxies see only their own line.
  'attendance.readAll': ['admin', 'inspector', 'secretary', 'contact'],
  // Resource: the member. Leave with a reason or "I studied online", by the member or their proxy, and taking either back.
  'attendance.markOwn': ['member', 'proxy'],
  /** 变动通知: what the branch changed in one's own plans (the member, or the family proxy acting for them). */
  'notice.read': ['member', 'proxy'],
  // Administrators upload a roster for a branch of their subtree (the branch named in the request).
  'upload.create': ['admin', 'secretary', 'contact'],
  // An image still in WeChat's content check, or refused by it, in words (resource: its branch); its uploader sees theirs too.
  'upload.seeUnchecked': ['secretary'],
  'outbox.read': ['secretary'],
  // 送学上门. `visit.request` is on the member; the rest on the request (resource: visit), but list (branch).
  'visit.request': ['member', 'proxy', 'secretary'],
  'visit.list': ['admin', 'inspector', 'secretary'],
  'visit.read': ['admin', 'inspector', 'secretary', 'contact', 'member', 'proxy'],
  'visit.manage': ['secretary'],
  'visit.cancel': ['secretary', 'member', 'proxy'],
  'visit.deliver': ['secretary', 'contact'],
  'visit.confirm': ['secretary', 'member', 'proxy'],
  // The member's or proxy's own ways back: withdrawing the request before delivery, "没有人来" on a delivery.
  'visit.withdraw': ['member', 'proxy'],
  'visit.reportMissed': ['member', 'proxy'],
  // The branch's paired contacts to assign a visit to (resource: branch).
  'visit.listContacts': ['secretary'],
  // "My visits to make" (resource: the actor's own branch).
  'visit.tasks': ['secretary', 'contact'],
  // The member's views noted at a delivery: for the branch's workers, not for everyone who sees the request.
  'visit.readViews': ['secretary', 'contact'],
  // Points: a member's own record (resource: member); the branch table (branch); awards and reversals (member).
  'points.read': ['admin', 'inspector', 'secretary', 'member', 'proxy'],
  'points.branch': ['admin', 'inspector', 'secretary'],
  'points.write': ['secretary'],
  // Inspection. Inspectors write only reviews, acceptances or returns of items, and sign-offs.
  'compliance.read': ['admin', 'inspector'],
  'ledger.read': ['admin', 'inspector', 'secretary'],
  'review.write': ['inspector'],
  'rectification.answer': ['secretary'],
  // Staff of an organisation (resource: org): who holds which role, pending invites (their codes are keys), invites, withdrawals.
  'staff.list': ['admin'],
  'staff.invite': ['admin'],
  'staff.withdraw': ['admin'],
  'staff.changeRole': ['admin'],
  // The roster as an Excel file (resource: branch): the template, imports (check and apply), the export.
  'roster.import': ['admin', 'secretary'],
  'roster.export': ['admin', 'secretary'],
  // Signing a computer in (the web console, 扫码登录) by confirming its QR code in the mini-program (resource: the
  // actor's own branch): the staff who print ledgers and handle spreadsheets; members, proxies and contacts do
  // everything they do on the phone, and a console session for them would only be one more thing to lose.
  'console.signIn': ['admin', 'inspector', 'secretary'],
  // The hierarchy (resource: org): an organisation with its children; creating, renaming and closing child
  // organisations and branches. `branch.manage` renames, closes or moves a branch (resource: the branch).
  'org.read': ['admin', 'inspector'],
  'org.manage': ['admin'],
  'branch.manage': ['admin'],
  // 组织关系转接: the sending branch proposes (resource: the member) and may cancel before acceptance; the
  // receiving branch accepts or declines (resource: the receiving branch); both list their pending ones (branch).
  'member.transfer': ['secretary', 'admin'],
  'transfer.accept': ['secretary', 'admin'],
  'transfer.list': ['secretary', 'admin'],
  // 意见反馈 (国办函〔2026〕12号): members, proxies and the branch's workers write (resource: their branch); the
  // writer and the administrators of the subtree read a message (resource: the message), the administrators list
  // (resource: their organisation) and answer them. Inspectors supervise the branches' work, not the people
  // complaining about it: a complaint may be about them, so they neither read nor answer.
  'feedback.send': ['member', 'proxy', 'secretary', 'contact'],
  'feedback.read': ['admin', 'member', 'proxy', 'secretary', 'contact'],
  'feedback.list': ['admin'],
  'feedback.answer': ['admin'],
};

export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  if (!canSee(actor, resource)) return 'not_found';
  if (!allowedRoles[action].includes(actor.role)) return 'forbidden';
  return resource.closed && onClosedBranch[action] === 'refused' ? 'closed' : 'allow';
}

/**
 * An action on one part of a record the actor sees as a whole, e.g. one member's attendance line in a
 * session of their branch. The whole decides existence (404); a part that is not the actor's own, like
 * a role the action does not allow, answers 403: the record is visible, the change is not theirs to make.
 */
export function decideWithin(actor: Actor, action: Action, whole: Resource, part: Resource): Decision {
  if (!canSee(actor, whole)) return 'not_found';
  if (!canSee(actor, part) || !allowedRoles[action].includes(actor.role)) return 'forbidden';
  return whole.closed && onClosedBranch[action] === 'refused' ? 'closed' : 'allow';
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return decide(actor, action, resource) === 'allow';
}

/** The kind of record each action is asked about: what `capabilities` builds for the actor's own scope. */
export const actionScopes: Record<Action, Resource['type']> = {
  'org.listBranches': 'org',
  'branch.read': 'branch',
  'branch.listMembers': 'branch',
  'branch.listAllMembers': 'branch',
  'member.create': 'branch',
  'member.read': 'member',
  'member.readSensitive': 'member',
  'member.readPhone': 'member',
  'member.recordCall': 'member',
  'member.update': 'member',
  'member.proposeUpdate': 'member',
  'member.approveChange': 'member',
  'member.invite': 'member',
  'member.pairAsContact': 'branch',
  'member.recordDeparture': 'member',
  'member.delete': 'member',
  'consent.read': 'member',
  'consent.give': 'member',
  'consent.withdraw': 'member',
  'member.exportOwnData': 'member',
  'careCard.read': 'member',
  'careCard.edit': 'member',
  'rules.read': 'org',
  'rules.edit': 'org',
  'session.list': 'branch',
  'session.read': 'session',
  'session.write': 'session',
  'attendance.readAll': 'session',
  'attendance.mark': 'session',
  'attendance.markOwn': 'member',
  'notice.read': 'member',
  'upload.create': 'branch',
  'upload.seeUnchecked': 'branch',
  'outbox.read': 'branch',
  'visit.request': 'member',
  'visit.list': 'branch',
  'visit.read': 'visit',
  'visit.manage': 'visit',
  'visit.cancel': 'visit',
  'visit.deliver': 'visit',
  'visit.confirm': 'visit',
  'visit.withdraw': 'visit',
  'visit.reportMissed': 'visit',
  'visit.listContacts': 'branch',
  'visit.tasks': 'branch',
  'visit.readViews': 'visit',
  'points.read': 'member',
  'points.branch': 'branch',
  'points.write': 'member',
  'compliance.read': 'org',
  'ledger.read': 'branch',
  'review.write': 'branch',
  'rectification.answer': 'branch',
  'staff.list': 'org',
  'staff.invite': 'org',
  'staff.withdraw': 'org',
  'staff.changeRole': 'org',
  'roster.import': 'branch',
  'roster.export': 'branch',
  'console.signIn': 'branch',
  'org.read': 'org',
  'org.manage': 'org',
  'branch.manage': 'branch',
  'member.transfer': 'member',
  'transfer.accept': 'branch',
  'transfer.list': 'branch',
  'feedback.send': 'branch',
  'feedback.read': 'feedback',
  'feedback.list': 'org',
  'feedback.answer': 'feedback',
};

/**
 * A record of the given kind within the actor's own scope: their organisation, their branch, the member
 * they are or act for, a member paired with them. For those without a branch (admin, inspector) it stands
 * for any branch of their organisation.
 */
export function ownScope(actor: Actor, type: Resource['type']): Resource {
  const orgId = actor.orgId ?? '';
  const branchId = actor.branchId ?? '*';
  switch (type) {
    case 'org':
      return { type, orgId };
    case 'branch':
    case 'session':
      return { type, orgId, branchId };
    case 'member':
    case 'visit':
      return { type, orgId, branchId, memberId: actor.memberId ?? '*', contactUserId: actor.userId };
    case 'feedback':
      return { type, orgId, branchId, senderUserId: actor.userId };
  }
}

export type Capabilities = Record<Action, boolean>;

/** What the actor may do within their own scope, for pages to decide what to offer without naming roles. */
export function capabilities(actor: Actor): Capabilities {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, ownScope(actor, actionScopes[a]))])) as Capabilities;
}
