import type { Actor } from '@ltx/shared/domain/roles';
import type { HealthConsentPage } from '@ltx/shared/schemas/consent';
import type { MemberDetail } from '@ltx/shared/schemas/member';
import type { MemberPoints } from '@ltx/shared/schemas/points';
import type { MemberSession } from '@ltx/shared/schemas/session';
import type { VisitRequest } from '@ltx/shared/schemas/visit';
import { chinaDay } from '@ltx/shared/time/china-day';
import type { Clock } from '@ltx/shared/time/clock';
import { NotFoundError } from '@ltx/shared/domain/errors';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import { authorize } from './authorize';
import type { ConsentService } from './consent-service';
import type { MemberService } from './member-service';
import { memberResource } from './member-views';
import { placed } from './places';
import type { PointsService } from './points-service';
import type { SessionService } from './session-service';
import type { VisitService } from './visit-service';

/** Everything kept about one member, as the services show it to this actor. */
export interface MyData {
  member: MemberDetail;
  branchName: string;
  consent: HealthConsentPage;
  sessions: MemberSession[];
  visits: VisitRequest[];
  points: MemberPoints[];
  madeAt: Date;
}

/** The longest a session list reads at once (SessionListQuery): a copy covers the last year and a bit. */
const sessionDays = 399;

/**
 * A member's copy of their data (PIPL Art. 45): their record, health data where it is kept, consent history
 * and who read their health data, the last year of organisational life, their 送学上门 and two years of points.
 * Each part is read through its own service, so the copy holds exactly what the member (or proxy) may see.
 */
export class MyDataService {
  constructor(
    private readonly deps: {
      members: Pick<MemberRepository, 'get'>;
      orgs: OrgRepository;
      memberService: MemberService;
      consents: ConsentService;
      sessions: SessionService;
      visits: VisitService;
      points: PointsService;
      clock: Clock;
    },
  ) {}

  async gather(actor: Actor, memberId: string): Promise<MyData> {
    const record = await this.deps.members.get(memberId, { withSensitive: false });
    if (!record) throw new NotFoundError();
    authorize(actor, 'member.exportOwnData', await placed(this.deps.orgs, memberResource(record)));
    const madeAt = this.deps.clock.now();
    const today = chinaDay(madeAt);
    const from = chinaDay(new Date(madeAt.getTime() - sessionDays * 86_400_000));
    const year = Number(today.slice(0, 4));
    const [member, branch, consent, sessions, visits, thisYear, lastYear] = await Promise.all([
      this.deps.memberService.get(actor, memberId),
      this.deps.orgs.getBranch(record.branchId),
      this.deps.consents.page(actor, memberId),
      this.deps.sessions.memberSessions(actor, memberId, { from, to: today }),
      this.deps.visits.forMember(actor, memberId),
      this.deps.points.memberPoints(actor, memberId, year),
      this.deps.points.memberPoints(actor, memberId, year - 1),
    ]);
    return { member, branchName: branch?.name ?? '', consent, sessions, visits, points: [thisYear, lastYear], madeAt };
  }
}
