import { isParticipation } from '@ltx/shared/domain/session-rules';
import type { MemberRepository } from '../repositories/member-repository';
import type { AttendanceRecord, SessionRecord } from '../repositories/records';
import type { SessionRepository } from '../repositories/session-repository';
import { systemClock, type Clock } from '@ltx/shared/time/clock';

/** What an attendance line derives: the member's latest participation, and their points. */
export type DerivedField = 'lastParticipatedAt' | 'points';

/**
 * Something derived from attendance lines. It is given the line as stored (never a request's
 * before/after), so running it again, in any order, lands on what the stored line says.
 */
export interface AttendanceListener {
  readonly derives: DerivedField;
  /** Brings what it derives for one member and session in line with the stored line (undefined: none). Answers whether it wrote. */
  lineStored(session: SessionRecord, memberId: string, line: AttendanceRecord | undefined): Promise<boolean>;
  /** Checks every member the session expects; answers those whose derived value it repaired. */
  reconcile(session: SessionRecord): Promise<string[]>;
}

const lookBackMs = 400 * 24 * 3600 * 1000;
/** Conditional writes lost to a concurrent change are retried this many times from a fresh read. */
const attempts = 5;

/**
 * Keeps each member's `lastParticipatedAt`, which the early warning (five quiet months) reads
 * with one Query over the branch's members instead of a read per member.
 */
export class ParticipationTracker implements AttendanceListener {
  readonly derives = 'lastParticipatedAt' as const;

  constructor(
    private readonly members: MemberRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  async lineStored(session: SessionRecord, memberId: string, line: AttendanceRecord | undefined): Promise<boolean> {
    if (isParticipation(line?.status)) return this.members.advanceLastParticipation(memberId, session.startsAt);
    for (let i = 0; i < attempts; i++) {
      const member = await this.members.get(memberId, { withSensitive: false });
      if (!member || member.lastParticipatedAt !== session.startsAt) return false; // the latest participation is another session's
      // A line taken back: the latest other session the member took part in, from one Query.
      const latest = latestParticipation(await this.recent(session.branchId), memberId, session.id);
      if (await this.members.setLastParticipation(memberId, latest ?? null, session.startsAt)) return true;
    }
    return false;
  }

  async reconcile(session: SessionRecord): Promise<string[]> {
    const [others, roll] = await Promise.all([this.recent(session.branchId), this.members.listByBranch(session.branchId)]);
    const recent = others.filter((s) => s.id !== session.id).concat(session);
    const windowStart = new Date(this.clock.now().getTime() - lookBackMs).toISOString();
    // A member transferred out is another branch's now: their date is kept there, from sessions this branch cannot see.
    const known = new Map(roll.filter((m) => !m.departure?.toBranchName).map((m) => [m.id, m.lastParticipatedAt ?? null]));
    const repaired: string[] = [];
    for (const { memberId } of session.expected) {
      if (!known.has(memberId)) continue; // no longer on the roll
      let stored = known.get(memberId) ?? null;
      for (let i = 0; i < attempts; i++) {
        const latest = latestParticipation(recent, memberId) ?? null;
        // Older than the window looked at: nothing here can say it is wrong.
        if (stored === latest || (latest === null && stored !== null && stored < windowStart)) break;
        if (await this.members.setLastParticipation(memberId, latest, stored)) {
          repaired.push(memberId);
          break;
        }
        stored = (await this.members.get(memberId, { withSensitive: false }))?.lastParticipatedAt ?? null; // changed meanwhile: look again
      }
    }
    return repaired;
  }

  private async recent(branchId: string): Promise<SessionRecord[]> {
    const now = this.clock.now().getTime();
    return this.sessions.listByBranch(branchId, new Date(now - lookBackMs).toISOString(), new Date(now + lookBackMs).toISOString());
  }
}

function latestParticipation(sessions: SessionRecord[], memberId: string, except?: string): string | undefined {
  return sessions
    .filter((s) => s.id !== except && isParticipation(s.attendance?.[memberId]?.status))
    .map((s) => s.startsAt)
    .sort()
    .at(-1);
}
