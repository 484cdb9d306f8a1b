import { describe, expect, it } from 'vitest';
import { actions, capabilities, decide, decideWithin, onClosedBranch, type Action, type Resource } from '@ltx/shared/domain/authz';
import { roles, type Actor, type Role } from '@ltx/shared/domain/roles';

/**
 * The whole matrix, written out by hand: role x action x (own branch, other branch of the same
 * organisation). A = allow, F = forbidden (403), N = not found (404: its existence must not leak).
 * Changing a permission means changing this table on purpose.
 */
const expected: Record<Action, Record<Role, `${'A' | 'F' | 'N'}${'A' | 'F' | 'N'}`>> = {
  'org.listBranches':     { admin: 'AN', inspector: 'AN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'branch.read':          { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'branch.listMembers':   { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'AN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'branch.listAllMembers': { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.create':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.read':          { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'member.readSensitive': { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'member.readPhone':     { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'member.recordCall':    { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.update':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.proposeUpdate': { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'member.approveChange': { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.invite':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.pairAsContact': { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'AN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.recordDeparture': { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.delete':        { admin: 'AA', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'consent.read':         { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'consent.give':         { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'consent.withdraw':     { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'member.exportOwnData': { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'careCard.read':        { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'careCard.edit':        { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'rules.read':           { admin: 'AN', inspector: 'AN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'rules.edit':           { admin: 'AN', inspector: 'FN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'session.list':         { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'session.read':         { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'session.write':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'attendance.mark':      { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'attendance.readAll':   { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'AN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'attendance.markOwn':   { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'notice.read':          { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'upload.create':        { admin: 'AA', inspector: 'FF', secretary: 'AN', contact: 'AN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'upload.seeUnchecked':  { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'outbox.read':          { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'visit.request':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'visit.list':           { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'visit.read':           { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'visit.manage':         { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'visit.cancel':         { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'visit.deliver':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'AN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'visit.confirm':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'visit.withdraw':       { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'visit.reportMissed':   { admin: 'FF', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'visit.listContacts':   { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'visit.tasks':          { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'AN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'visit.readViews':      { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'AN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'points.read':          { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'FN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'points.branch':        { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'points.write':         { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'compliance.read':      { admin: 'AN', inspector: 'AN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'ledger.read':          { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'review.write':         { admin: 'FF', inspector: 'AA', secretary: 'FN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'rectification.answer': { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'staff.list':           { admin: 'AN', inspector: 'FN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'staff.invite':         { admin: 'AN', inspector: 'FN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'staff.withdraw':       { admin: 'AN', inspector: 'FN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'staff.changeRole':     { admin: 'AN', inspector: 'FN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'roster.import':        { admin: 'AA', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'roster.export':        { admin: 'AA', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'console.signIn':       { admin: 'AA', inspector: 'AA', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'org.read':             { admin: 'AN', inspector: 'AN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'org.manage':           { admin: 'AN', inspector: 'FN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'branch.manage':        { admin: 'AA', inspector: 'FF', secretary: 'FN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'member.transfer':      { admin: 'AA', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'transfer.accept':      { admin: 'AA', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  'transfer.list':        { admin: 'AA', inspector: 'FF', secretary: 'AN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
  // 意见反馈: own = a message the actor wrote in b1; other = someone else's in another organisation.
  'feedback.send':        { admin: 'FF', inspector: 'FF', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'feedback.read':        { admin: 'AN', inspector: 'FN', secretary: 'AN', contact: 'AN', member: 'AN', proxy: 'AN', visitor: 'NN' },
  'feedback.list':        { admin: 'AN', inspector: 'FN', secretary: 'NN', contact: 'NN', member: 'NN', proxy: 'NN', visitor: 'NN' },
  'feedback.answer':      { admin: 'AN', inspector: 'FN', secretary: 'FN', contact: 'FN', member: 'FN', proxy: 'FN', visitor: 'NN' },
};

const decisionOf = { A: 'allow', F: 'forbidden', N: 'not_found' } as const;

function actorFor(role: Role): Actor {
  const base = { userId: `u-${role}`, role, orgId: 'o1' };
  switch (role) {
    case 'admin':
    case 'inspector':
      return base;
    case 'member':
    case 'proxy':
      return { ...base, branchId: 'b1', memberId: 'm1' };
    case 'visitor':
      return { userId: 'v-1', role };
    default:
      return { ...base, branchId: 'b1' };
  }
}

/** The own resource: in b1, paired with the contact, and the member's own record. */
function resources(action: Action, role: Role): { own: Resource; other: Resource } {
  if (action === 'feedback.read' || action === 'feedback.answer') {
    return {
      own: { type: 'feedback', orgId: 'o1', branchId: 'b1', senderUserId: actorFor(role).userId },
      other: { type: 'feedback', orgId: 'o2', orgPath: '/o2/', branchId: 'b7', senderUserId: 'u-someone-else' },
    };
  }
  if (action === 'feedback.list') return { own: { type: 'org', orgId: 'o1' }, other: { type: 'org', orgId: 'o2' } };
  if (action.startsWith('org.') || action.startsWith('rules.') || action.startsWith('staff.') || action === 'compliance.read') return { own: { type: 'org', orgId: 'o1' }, other: { type: 'org', orgId: 'o2' } };
  if (action.startsWith('session.') || action === 'attendance.mark' || action === 'attendance.readAll') {
    return { own: { type: 'session', orgId: 'o1', branchId: 'b1' }, other: { type: 'session', orgId: 'o1', branchId: 'b2' } };
  }
  if (action.startsWith('visit.') && !['visit.request', 'visit.list', 'visit.listContacts', 'visit.tasks'].includes(action)) {
    return {
      own: { type: 'visit', orgId: 'o1', branchId: 'b1', memberId: 'm1', contactUserId: 'u-contact' },
      other: { type: 'visit', orgId: 'o1', branchId: 'b2', memberId: 'm9', contactUserId: 'u-other-contact' },
    };
  }
  if (action.startsWith('branch.') || ['member.create', 'member.pairAsContact', 'upload.create', 'upload.seeUnchecked', 'outbox.read', 'visit.list', 'visit.listContacts', 'visit.tasks', 'points.branch', 'ledger.read', 'review.write', 'rectification.answer'].includes(action)) {
    return { own: { type: 'branch', orgId: 'o1', branchId: 'b1' }, other: { type: 'branch', orgId: 'o1', branchId: 'b2' } };
  }
  return {
    own: { type: 'member', orgId: 'o1', branchId: 'b1', memberId: 'm1', contactUserId: 'u-contact' },
    other: { type: 'member', orgId: 'o1', branchId: 'b2', memberId: 'm9', contactUserId: 'u-other-contact' },
  };
}

describe('authorisation matrix', () => {
  it('covers every action and role', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
    for (const row of Object.values(expected)) expect(Object.keys(row).sort()).toEqual([...roles].sort());
  });

  for (const action of actions) {
    for (const role of roles) {
      const [own, other] = expected[action][role].split('') as ('A' | 'F' | 'N')[];
      it(`${role} ${action}: own ${own}, other branch ${other}`, () => {
        const { own: ownResource, other: otherResource } = resources(action, role);
        expect(decide(actorFor(role), action, ownResource)).toBe(decisionOf[own!]);
        expect(decide(actorFor(role), action, otherResource)).toBe(decisionOf[other!]);
      });
    }
  }

  // A closed (撤销) branch: what each role may do there stays as the matrix says, except that what would change the
  // branch's book of record answers 'closed' (409) instead of 'allow'. Written out, so a change is a choice.
  const refusedWhenClosed = [
    'member.create', 'member.recordCall', 'member.update', 'member.proposeUpdate', 'member.approveChange', 'member.invite', 'member.pairAsContact', 'member.recordDeparture',
    'session.write', 'attendance.mark', 'attendance.markOwn', 'upload.create',
    'visit.request', 'visit.manage', 'visit.cancel', 'visit.deliver', 'visit.confirm', 'visit.withdraw', 'visit.reportMissed',
    'points.write', 'review.write', 'rectification.answer', 'roster.import', 'transfer.accept',
  ];
  it('keeps a closed branch read-only: its records can be read, not changed, and the member keeps their own rights', () => {
    expect(actions.filter((a) => onClosedBranch[a] === 'refused').sort()).toEqual([...refusedWhenClosed].sort());
    for (const action of actions) {
      for (const role of roles) {
        const own = resources(action, role).own;
        const open = decide(actorFor(role), action, own);
        const closed = decide(actorFor(role), action, { ...own, closed: true });
        expect(closed, `${role} ${action}`).toBe(open === 'allow' && refusedWhenClosed.includes(action) ? 'closed' : open);
      }
    }
    expect(decideWithin(actorFor('member'), 'attendance.markOwn', { type: 'session', orgId: 'o1', branchId: 'b1', closed: true }, { type: 'member', orgId: 'o1', branchId: 'b1', memberId: 'm1' })).toBe('closed');
  });

  it('hides members of the same branch that are neither oneself nor paired', () => {
    const unpaired: Resource = { type: 'member', orgId: 'o1', branchId: 'b1', memberId: 'm2', contactUserId: null };
    expect(decide(actorFor('member'), 'member.read', unpaired)).toBe('not_found');
    expect(decide(actorFor('proxy'), 'member.read', unpaired)).toBe('not_found');
    expect(decide(actorFor('contact'), 'member.read', unpaired)).toBe('not_found');
    expect(decide(actorFor('secretary'), 'member.read', unpaired)).toBe('allow');
  });

  it('shows a contact only the visits assigned to them', () => {
    const unassigned: Resource = { type: 'visit', orgId: 'o1', branchId: 'b1', memberId: 'm1', contactUserId: 'u-someone-else' };
    expect(decide(actorFor('contact'), 'visit.read', unassigned)).toBe('not_found');
    expect(decide(actorFor('contact'), 'visit.deliver', unassigned)).toBe('not_found');
    expect(decide(actorFor('member'), 'visit.read', unassigned)).toBe('allow');
  });

  it('hides everything of another organisation, even from its inspectors and admins', () => {
    const foreign: Resource = { type: 'member', orgId: 'o2', branchId: 'b7', memberId: 'm7' };
    for (const role of roles) for (const action of actions.filter((a) => (a.startsWith('member.') && a !== 'member.create') || ['attendance.markOwn', 'notice.read', 'points.read', 'points.write'].includes(a))) {
      expect(decide(actorFor(role), action, foreign)).toBe('not_found');
    }
  });

  it('scopes administrators and inspectors to their subtree by the record\'s path', () => {
    // o1 is the actor's organisation; o2 sits under it, o3 under o0 beside it, o0 above it.
    const under: Resource = { type: 'branch', orgId: 'o2', orgPath: '/o0/o1/o2/', branchId: 'b5' };
    const beside: Resource = { type: 'branch', orgId: 'o3', orgPath: '/o0/o3/', branchId: 'b6' };
    const above: Resource = { type: 'org', orgId: 'o0', orgPath: '/o0/' };
    for (const role of ['admin', 'inspector'] as const) {
      expect(decide(actorFor(role), 'branch.read', under)).toBe('allow');
      expect(decide(actorFor(role), 'org.read', { type: 'org', orgId: 'o2', orgPath: '/o0/o1/o2/' })).toBe('allow');
      expect(decide(actorFor(role), 'branch.read', beside)).toBe('not_found');
      expect(decide(actorFor(role), 'org.read', above)).toBe('not_found');
      // An id that merely starts like the actor's organisation is another one.
      expect(decide(actorFor(role), 'branch.read', { type: 'branch', orgId: 'o10', orgPath: '/o0/o10/', branchId: 'b7' })).toBe('not_found');
    }
    expect(decide(actorFor('inspector'), 'branch.manage', under)).toBe('forbidden');
    expect(decide(actorFor('admin'), 'branch.manage', under)).toBe('allow');
  });

  it('shows a message only to its writer and the administrators of the subtree it was written in', () => {
    const mine: Resource = { type: 'feedback', orgId: 'o2', orgPath: '/o0/o1/o2/', branchId: 'b5', senderUserId: 'u-member' };
    expect(decide(actorFor('admin'), 'feedback.answer', mine)).toBe('allow');
    expect(decide(actorFor('admin'), 'feedback.answer', { ...mine, orgId: 'o3', orgPath: '/o0/o3/' })).toBe('not_found');
    // Another person of the same branch, or the member's proxy, does not read the member's message.
    expect(decide(actorFor('proxy'), 'feedback.read', mine)).toBe('not_found');
    expect(decide(actorFor('secretary'), 'feedback.read', mine)).toBe('not_found');
    expect(decide(actorFor('member'), 'feedback.read', mine)).toBe('allow');
    expect(decide(actorFor('inspector'), 'feedback.read', mine)).toBe('forbidden');
  });

  it('lets a branch\'s own people keep it after it moved under another organisation', () => {
    const moved: Resource = { type: 'branch', orgId: 'o9', orgPath: '/o9/', branchId: 'b1' };
    expect(decide(actorFor('secretary'), 'branch.read', moved)).toBe('allow');
    expect(decide(actorFor('admin'), 'branch.read', moved)).toBe('not_found');
  });

  it('decides a line of a visible session by the session: another line is 403, another branch 404', () => {
    const session: Resource = { type: 'session', orgId: 'o1', branchId: 'b1' };
    const otherSession: Resource = { type: 'session', orgId: 'o1', branchId: 'b2' };
    const line = (memberId: string, branchId = 'b1', contactUserId?: string): Resource => ({ type: 'member', orgId: 'o1', branchId, memberId, contactUserId: contactUserId ?? null });
    expect(decideWithin(actorFor('member'), 'attendance.markOwn', session, line('m1'))).toBe('allow');
    expect(decideWithin(actorFor('proxy'), 'attendance.markOwn', session, line('m1'))).toBe('allow');
    expect(decideWithin(actorFor('member'), 'attendance.markOwn', session, line('m2'))).toBe('forbidden');
    // A paired contact sees the session; marking is the member's or the secretary's to do.
    expect(decideWithin(actorFor('contact'), 'attendance.markOwn', session, line('m1', 'b1', 'u-contact'))).toBe('forbidden');
    expect(decideWithin(actorFor('secretary'), 'attendance.markOwn', session, line('m1'))).toBe('forbidden');
    expect(decideWithin(actorFor('inspector'), 'attendance.markOwn', session, line('m1'))).toBe('forbidden');
    for (const role of roles) expect(decideWithin(actorFor(role), 'attendance.markOwn', otherSession, line('m1', 'b2'))).toBe(role === 'admin' || role === 'inspector' ? 'forbidden' : 'not_found');
    expect(decideWithin(actorFor('visitor'), 'attendance.markOwn', session, line('m1'))).toBe('not_found');
  });

  it("tells each role what it may do in its own scope, as the matrix's own column says (GET /me's can)", () => {
    for (const role of roles) {
      const own = Object.fromEntries(actions.map((a) => [a, expected[a][role][0] === 'A']));
      expect(capabilities(actorFor(role))).toEqual(own);
    }
    // A contact's own scope is the members paired with them; a member's is themselves.
    expect(capabilities(actorFor('contact'))['member.readSensitive']).toBe(true);
    expect(capabilities(actorFor('member'))['attendance.markOwn']).toBe(true);
    expect(capabilities(actorFor('visitor'))['branch.read']).toBe(false);
  });
});
