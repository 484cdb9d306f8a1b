import { isParticipation } from '@ltx/shared/domain/session-rules';
import type { MemberRepository } from '../repositories/member-repository';
import type { AttendanceRecord, SessionRecord } from '../repositories/records';
import type { SessionRepository } from '../repositories/session-repository';
import { systemClock, type Clock } from '@ltx/shared/time/clock';

/** Something that reacts to an attendance line changing: participation dates now, points later. */
export interface AttendanceListener {
  attendanceChanged(session: SessionRecord, memberId: string, before: AttendanceRecord | undefined, after: AttendanceRecord): Promise<void>;
}

const lookBackMs = 400 * 24 * 3600 * 1000;

/**
 * Keeps each member's `lastParticipatedAt`, which the early warning (five quiet months) reads
 * with one Query over the branch's members instead of a read per member.
 */
export class ParticipationTracker implements AttendanceListener {
  constructor(
    private readonly members: MemberRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  async attendanceChanged(session: SessionRecord, memberId: string, before: AttendanceRecord | undefined, after: AttendanceRecord): Promise<void> {
    const was = isParticipation(before?.status);
    const is = isParticipation(after.status);
    if (was === is) return;
    if (is) {
      await this.members.advanceLastParticipation(memberId, session.startsAt);
      return;
    }
    const member = await this.members.get(memberId, { withSensitive: false });
    if (!member || member.lastParticipatedAt !== session.startsAt) return; // the latest participation is another session's
    // A line taken back: the latest other session the member took part in, from one Query.
    const now = this.clock.now().getTime();
    const to = new Date(now + lookBackMs).toISOString();
    const from = new Date(now - lookBackMs).toISOString();
    const recent = await this.sessions.listByBranch(session.branchId, from, to);
    const latest = recent
      .filter((s) => s.id !== session.id && isParticipation(s.attendance?.[memberId]?.status))
      .map((s) => s.startsAt)
      .sort()
      .at(-1);
    await this.members.setLastParticipation(memberId, latest ?? null);
  }
}
