import { describe, expect, it } from 'vitest';
import {
  auditEntries,
  members,
  outbox,
  pointsEntries,
  sessions,
  visits,
  type MemberRecord,
  type SessionRecord,
  type VisitRecord,
} from '../../functions/src/repositories/records';

/** The stored layout is fixed (docs/data-model.md): existing items must read back and new ones look the same. */

const member: MemberRecord = {
  id: 'm1',
  orgId: 'o1',
  branchId: 'b1',
  name: '王建国',
  gender: 'male',
  birthDate: '1945-10-01',
  joinedPartyOn: '1965-07-01',
  livingSituation: 'alone',
  attendanceMode: 'home_delivered',
  contactUserId: 'u9',
  bound: false,
  sensitive: { healthClass: 'not_self_reliant', careNotes: { hearing: '左耳弱' }, emergencyContacts: [] },
  healthConsent: { termsVersion: '2026-12', givenAt: '2026-01-01T00:00:00.000Z', givenBy: 'u1', way: 'proxy' },
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-01-02T00:00:00.000Z',
  updatedBy: 'u1',
};

const session: SessionRecord = {
  id: 's1',
  orgId: 'o1',
  branchId: 'b1',
  kind: 'party_lecture',
  topic: '学习党章',
  startsAt: '2026-03-01T01:00:00.000Z',
  place: '活动室',
  hostName: '李书记',
  recorderName: '张委员',
  attachments: [],
  onlineOffered: false,
  expected: [{ memberId: 'm1', name: '王建国' }],
  attendance: { m1: { status: 'present', recordedBy: 'u1', recordedAt: '2026-03-01T01:10:00.000Z', seq: 2 } },
  status: 'open',
  version: 2,
  createdAt: '2026-02-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-02-01T00:00:00.000Z',
  updatedBy: 'u1',
};

describe('stored entities', () => {
  it('writes the documented keys, index keys and item type beside the record', () => {
    expect(members.toItem(member)).toEqual({
      pk: 'MEMBER#m1',
      sk: 'PROFILE',
      gsi1pk: 'BRANCH#b1#MEMBERS',
      gsi1sk: '王建国#m1',
      gsi2pk: 'CONTACT#u9#MEMBERS',
      gsi2sk: '王建国#m1',
      type: 'Member',
      ...member,
    });
    const unpaired = members.toItem({ ...member, contactUserId: null });
    expect(unpaired).not.toHaveProperty('gsi2pk');
    expect(sessions.toItem(session)).toMatchObject({ pk: 'SESSION#s1', sk: 'SESSION', gsi1pk: 'BRANCH#b1#SESSIONS', gsi1sk: '2026-03-01T01:00:00.000Z#s1', type: 'Session' });
    const entry = { at: '2026-03-01T00:00:00.000Z', actorUserId: 'u1', action: 'member.create', targetType: 'member', targetId: 'm1' } as const;
    expect(auditEntries.fromItem(auditEntries.toItem(entry, 'b1', 'x'))).toEqual(entry);
    expect(auditEntries.toItem({ at: '2026-03-01T00:00:00.000Z', actorUserId: 'u1', action: 'member.create', targetType: 'member', targetId: 'm1' }, 'b1', 'x')).toMatchObject({
      pk: 'AUDIT#b1',
      sk: '2026-03-01T00:00:00.000Z#x',
      type: 'Audit',
    });
  });

  it('reads an item back as its record, without the table attributes', () => {
    expect(members.fromItem(members.toItem(member))).toEqual(member);
    expect(sessions.fromItem(sessions.toItem(session))).toEqual(session);
  });

  it('reads an old item that lacks optional fields (attendance lines before seq, sign-offs before acknowledgements)', () => {
    const old = { ...sessions.toItem(session), attendance: { m1: { status: 'excused', reason: '住院', recordedBy: 'u1', recordedAt: '2025-01-01T00:00:00.000Z' } } };
    const read = sessions.fromItem(old);
    expect(read.attendance.m1).toEqual({ status: 'excused', reason: '住院', recordedBy: 'u1', recordedAt: '2025-01-01T00:00:00.000Z' });
    expect(read.lastBulk).toBeUndefined();
    const { sensitive: _s, ...projected } = members.toItem(member);
    expect(members.fromItem(projected).sensitive).toBeUndefined();
  });

  it('keys a visit by whether it is open and, once assigned, by its contact', () => {
    const visit: VisitRecord = {
      id: 'v1',
      orgId: 'o1',
      branchId: 'b1',
      memberId: 'm1',
      memberName: '王建国',
      slot: 'any',
      status: 'scheduled',
      requestedBy: 'u1',
      requestedByRole: 'member',
      createdAt: '2026-03-01T00:00:00.000Z',
      scheduled: { contactUserId: 'u9', contactName: '赵联系人', windowStart: '2026-03-02T01:00:00.000Z', windowEnd: '2026-03-02T03:00:00.000Z', by: 'u1', at: '2026-03-01T02:00:00.000Z' },
      history: [],
      version: 2,
    };
    expect(visits.keys(visit)).toEqual({
      pk: 'VISIT#v1',
      sk: 'VISIT',
      gsi1pk: 'BRANCH#b1#VISITS#OPEN',
      gsi1sk: 'scheduled#2026-03-01T00:00:00.000Z#v1',
      gsi2pk: 'CONTACT#u9#VISITS',
      gsi2sk: '2026-03-02T01:00:00.000Z#v1',
    });
    expect(visits.keys({ ...visit, status: 'cancelled' }).gsi1pk).toBe('BRANCH#b1#VISITS#DONE');
    expect(outbox.key({ id: 'r1', branchId: 'b1', memberId: 'm1', memberName: '王建国', sessionId: 's1', kind: 'session_tomorrow', dueAt: '2026-03-01T00:00:00.000Z', channel: 'none', status: 'pending', text: '明天开会' })).toEqual({ pk: 'OUTBOX#2026-03-01', sk: '2026-03-01T00:00:00.000Z#r1' });
  });

  it('refuses an item that is not the entity it claims to be, instead of handing on a wrong record', () => {
    expect(() => pointsEntries.fromItem({ pk: 'POINTS#m1#2026', sk: 'ENTRY#e1', id: 'e1' })).toThrow();
  });

  it('reads a large list quickly (a session list of a year is a few hundred items)', () => {
    const many = Array.from({ length: 500 }, (_, i) => sessions.toItem({ ...session, id: `s${i}`, attendance: Object.fromEntries(Array.from({ length: 60 }, (_, m) => [`m${m}`, session.attendance.m1!])) }));
    const started = performance.now();
    const read = many.map(sessions.fromItem);
    expect(read).toHaveLength(500);
    expect(Object.keys(read[499]!.attendance)).toHaveLength(60);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
