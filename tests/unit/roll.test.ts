import { describe, expect, it } from 'vitest';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { arrivedBy, departureDayProblem, departuresOf, departureUndoLocked, effectiveDepartureDay, expectedOnRoll, hasLeftBy, onRollOn } from '@ltx/shared/domain/roll';
import { onRoll } from '@ltx/shared/domain/period-ledger';
import { parsePeriod } from '@ltx/shared/domain/periods';

describe('who is on the roll on a day', () => {
  const member = { joinedPartyOn: '1970-07-01', departure: { effectiveOn: '2026-03-05' } };

  it('keeps a member on the roll up to the day before they died or left, and not from that day', () => {
    expect(onRollOn(member, '2026-03-04')).toBe(true);
    expect(onRollOn(member, '2026-03-05')).toBe(false);
    expect(onRollOn(member, '2027-01-01')).toBe(false);
    expect(onRollOn({ joinedPartyOn: '1970-07-01' }, '2026-03-05')).toBe(true);
    expect(onRollOn({ joinedPartyOn: '2026-03-06' }, '2026-03-05')).toBe(false);
    expect(hasLeftBy(undefined, '2099-12-31')).toBe(false);
    expect(hasLeftBy(null, '2099-12-31')).toBe(false);
  });

  it('leaves out of a session those who left on or before its day, and keeps them in earlier sessions', () => {
    const expected = [{ memberId: 'a', name: '王建国' }, { memberId: 'b', name: '李秀英' }];
    const departures = departuresOf([{ id: 'a', departure: { effectiveOn: '2026-03-05' } }, { id: 'b' }]);
    expect(departures).toEqual(new Map([['a', '2026-03-05']]));
    expect(expectedOnRoll(expected, '2026-03-04', departures).map((e) => e.name)).toEqual(['王建国', '李秀英']);
    expect(expectedOnRoll(expected, '2026-03-05', departures).map((e) => e.name)).toEqual(['李秀英']);
    expect(expectedOnRoll(expected, '2026-04-01', new Map())).toHaveLength(2);
  });

  it('refuses a day in the future or before the member joined, naming the field', () => {
    expect(departureDayProblem('2026-03-06', { joinedPartyOn: '1970-07-01' }, '2026-03-05')).toBe('日期：不能晚于今天');
    expect(departureDayProblem('1969-12-31', { joinedPartyOn: '1970-07-01' }, '2026-03-05')).toBe('日期：不能早于入党日期');
    expect(departureDayProblem('2026-03-05', { joinedPartyOn: '1970-07-01' }, '2026-03-05')).toBeUndefined();
    expect(departureDayProblem('1970-07-01', { joinedPartyOn: '1970-07-01' }, '2026-03-05')).toBeUndefined();
  });

  it('starts the effect after the last signed-off period holding the day, and then refuses to take it back', () => {
    const signed = [{ end: '2026-10-01' }, { end: '2026-11-01' }];
    expect(effectiveDepartureDay('2026-09-20', signed)).toBe('2026-11-01');
    expect(effectiveDepartureDay('2026-11-03', signed)).toBe('2026-11-03');
    expect(effectiveDepartureDay('2026-11-01', signed)).toBe('2026-11-01');
    expect(effectiveDepartureDay('2026-09-20', [])).toBe('2026-09-20');
    expect(departureUndoLocked('2026-11-03', signed)).toBe(false);
    expect(departureUndoLocked('2026-11-03', [...signed, { end: '2026-12-01' }])).toBe(true);
  });
});

describe('departures in the audit trail', () => {
  const base = { at: '2026-11-03T01:30:00.000Z', actorUserId: 'u1', targetType: 'member', targetId: 'm1', actorName: '吴淑珍', actorRole: 'secretary', memberName: '王建国' } as const;

  it('reads in respectful words, with the day and without codes', () => {
    expect(auditSentence({ ...base, action: 'member.depart', departure: { reason: 'deceased', on: '2026-10-28' } })).toBe(
      '2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）登记了王建国同志逝世（2026年10月28日）。',
    );
    expect(auditSentence({ ...base, action: 'member.depart', departure: { reason: 'transferred_out', on: '2026-10-28' } })).toBe(
      '2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）登记了王建国组织关系转出（2026年10月28日）。',
    );
    expect(auditSentence({ ...base, action: 'member.undoDepart', departure: { reason: 'deceased', on: '2026-10-28' } })).toBe(
      '2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）撤销了王建国同志逝世（2026年10月28日）的登记（登记有误）。',
    );
  });
});

describe('a member transferred between branches (组织关系转接)', () => {
  // The sending branch keeps a former record departing on the transfer day; the receiving one counts them from it.
  const sending = { joinedPartyOn: '1970-07-01', departure: { effectiveOn: '2026-03-05' } };
  const receiving = { joinedPartyOn: '1970-07-01', joinedBranchOn: '2026-03-05' };

  it("is on exactly one roll each day: the sender's until the day before, the receiver's from the day", () => {
    for (const day of ['2026-03-04', '2026-03-05', '2026-03-06']) {
      expect([onRollOn(sending, day), onRollOn(receiving, day)].filter(Boolean), day).toHaveLength(1);
    }
    expect(onRollOn(receiving, '2026-03-04')).toBe(false);
    expect(onRollOn(receiving, '2026-03-05')).toBe(true);
    expect(arrivedBy({}, '1900-01-01')).toBe(true);
    expect(arrivedBy({ joinedBranchOn: null }, '1900-01-01')).toBe(true);
  });

  it("belongs to the receiving branch's ledger only from the period holding the transfer day", () => {
    expect(onRoll(receiving, parsePeriod('2026-02')!)).toBe(false);
    expect(onRoll(receiving, parsePeriod('2026-03')!)).toBe(true);
    expect(onRoll(sending, parsePeriod('2026-03')!)).toBe(true);
    expect(onRoll(sending, parsePeriod('2026-04')!)).toBe(false);
  });

  it('reads as sentences on both trails', () => {
    const base = { at: '2026-11-03T01:30:00.000Z', actorUserId: 'u1', targetType: 'member', targetId: 'm1', actorName: '吴淑珍', actorRole: 'secretary', memberName: '王建国' } as const;
    const entry = { ...base, transfer: { from: '第一支部', to: '第二支部', on: '2026-10-28' } };
    expect(auditSentence({ ...entry, action: 'member.transferAccept' })).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）接收了王建国的组织关系，由第一支部转至第二支部（2026年10月28日）。');
    expect(auditSentence({ ...entry, action: 'member.transferOut' })).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）办理了王建国的组织关系转出，由第一支部转至第二支部（2026年10月28日），待转入支部接收。');
  });
});
